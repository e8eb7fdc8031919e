using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.DuckDb.Chunks;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Lake;

/// <summary>
/// The DuckDB instances a batch writes its Parquet with (never the catalog): in memory, with a
/// memory limit and spilling to the batch's staging folder; the writers have <c>managed_scan</c>
/// registered so validated rows go from C# into DuckDB's COPY without a table in between.
/// </summary>
public sealed class StageDatabase : IDisposable
{
    private readonly List<DuckDbDataSource> _databases = [];

    public StageDatabase(string directory, string memoryLimit)
    {
        Directory.CreateDirectory(directory);
        // Row order inside a Parquet file carries no meaning here; not preserving it lets DuckDB write in parallel.
        Connection = Open(("memory_limit", memoryLimit), ("temp_directory", directory), ("preserve_insertion_order", "false"));
        // Parquet writers: one single-threaded DuckDB per core, so several partitions are encoded at once.
        Writers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ =>
        {
            var writer = Open(("threads", "1"), ("memory_limit", memoryLimit), ("temp_directory", directory));
            ManagedScan.Register(writer);
            return writer;
        }).ToList();
    }

    private DuckDBConnection Open(params (string, string)[] options)
    {
        var database = DuckDbDataSource.InMemory(options);
        _databases.Add(database);
        return database.OpenConnection();
    }

    /// <summary>For the batch's merge queries.</summary>
    public DuckDBConnection Connection { get; }

    /// <summary>For writing Parquet from managed rows (<c>managed_scan</c> is registered on each).</summary>
    public IReadOnlyList<DuckDBConnection> Writers { get; }

    public void Dispose()
    {
        foreach (var writer in Writers) writer.Dispose();
        Connection.Dispose();
        foreach (var database in _databases) database.Dispose();
    }
}
