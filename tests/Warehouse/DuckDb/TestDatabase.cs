using Analytics.Warehouse.DuckDb;

namespace Analytics.Tests.Warehouse.DuckDb;

/// <summary>A scratch folder for file databases and Parquet files, deleted after the test.</summary>
public sealed class TestDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-tests", Guid.NewGuid().ToString("N"));

    public TestDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public DuckDbConnection OpenDatabase(string name = "test.duckdb", string options = "")
    {
        var connection = new DuckDbConnection($"Data Source={File(name)};{options}");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

public static class Memory
{
    public static DuckDbConnection Open(string options = "")
    {
        var connection = new DuckDbConnection($"Data Source=:memory:;{options}");
        connection.Open();
        return connection;
    }
}
