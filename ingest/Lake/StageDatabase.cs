using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Ingest.Lake;

/// <summary>
/// A scratch DuckDB file for one batch (never the catalog): valid rows are appended here per
/// dataset, de-duplicated, then copied out to Parquet. A file on disk with a memory limit, so a
/// 10-million-row delivery spills instead of growing the process.
/// </summary>
public sealed class StageDatabase : IDisposable
{
    private readonly Dictionary<string, StageTable> _tables = new(StringComparer.Ordinal);

    public StageDatabase(string path, string memoryLimit)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // In memory, spilling to the batch's staging folder beyond the limit: no WAL, no checkpoint, no fsync
        // for data that lives minutes (a file-backed stage spent more time writing than we spent validating).
        Connection = new DuckDbConnection($"Data Source=:memory:;memory_limit={memoryLimit};temp_directory={Path.GetDirectoryName(path)};preserve_insertion_order=false");
        Connection.Open();
    }

    public DuckDbConnection Connection { get; }

    public IEnumerable<StageTable> Tables => _tables.Values;

    public StageTable TableFor(DatasetSchema schema)
    {
        if (_tables.TryGetValue(schema.Name, out var table)) return table;
        return _tables[schema.Name] = new StageTable(Connection, schema);
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values) table.Dispose();
        Connection.Dispose();
    }
}
