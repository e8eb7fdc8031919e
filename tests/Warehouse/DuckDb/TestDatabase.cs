using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Data;

namespace Analytics.Tests.Warehouse.DuckDb;

/// <summary>A scratch folder for file databases and Parquet files, deleted after the test.</summary>
public sealed class TestDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));

    public TestDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

public static class Memory
{
    /// <summary>A connection to a private in-memory database, gone when the connection is disposed.</summary>
    public static DuckDBConnection Open(params (string Name, string Value)[] options) => Databases.Open(DuckDbDataSource.InMemory(options));
}

public static class Databases
{
    /// <summary>A connection whose data source (and so the database, unless shared) closes with it.</summary>
    public static DuckDBConnection Open(DuckDbDataSource database)
    {
        var connection = database.OpenConnection();
        connection.Disposed += (_, _) => database.Dispose();
        return connection;
    }

    public static DuckDBConnection OpenFile(string path, params (string Name, string Value)[] options) => Open(DuckDbDataSource.File(path, options));
}
