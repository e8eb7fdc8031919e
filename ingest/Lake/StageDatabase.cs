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
        if (File.Exists(path)) File.Delete(path);
        // Uncompressed: the stage lives minutes, and compressing it cost a third of the append time.
        ConnectionString = $"Data Source={path};memory_limit={memoryLimit};preserve_insertion_order=false;force_compression=uncompressed";
        Connection = new DuckDbConnection(ConnectionString);
        Connection.Open();
    }

    public DuckDbConnection Connection { get; }

    /// <summary>For extra connections (parallel appenders); they share the one native database.</summary>
    public string ConnectionString { get; }

    public IEnumerable<StageTable> Tables => _tables.Values;

    public StageTable TableFor(DatasetSchema schema)
    {
        if (_tables.TryGetValue(schema.Name, out var table)) return table;
        return _tables[schema.Name] = new StageTable(Connection, ConnectionString, schema);
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values) table.Dispose();
        Connection.Dispose();
    }
}
