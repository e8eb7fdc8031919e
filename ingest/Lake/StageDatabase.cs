using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.DuckDb.Chunks;
using DuckDB.NET.Data;

namespace Analytics.Ingest.Lake;

/// <summary>
/// The DuckDB instances a batch writes its Parquet with (never the catalog): in memory, sharing one
/// memory budget (each instance an equal part) and spilling to the batch's staging folder; the
/// writers have <c>managed_scan</c> registered so validated rows go from C# into DuckDB's COPY
/// without a table in between.
/// </summary>
public sealed class StageDatabase : IDisposable
{
    private readonly List<DuckDbDataSource> _databases = [];

    /// <param name="memoryBudget">The memory of all the instances together (Ingest:StageMemoryLimit).</param>
    public StageDatabase(string directory, string memoryBudget)
    {
        Directory.CreateDirectory(directory);
        var memoryLimit = MemoryBudget.Share(memoryBudget, 1 + Environment.ProcessorCount);
        // Row order inside a Parquet file carries no meaning here; not preserving it lets DuckDB write in parallel.
        Connection = Open(("memory_limit", memoryLimit), ("temp_directory", directory), ("preserve_insertion_order", "false"));
        // Parquet writers: one single-threaded DuckDB per core, so several partitions are encoded at once.
        // Not preserving insertion order is what makes a COPY honour ROW_GROUP_SIZE_BYTES (Sql.LakeParquet).
        Writers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ =>
        {
            var writer = Open(("threads", "1"), ("memory_limit", memoryLimit), ("temp_directory", directory), ("preserve_insertion_order", "false"));
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
