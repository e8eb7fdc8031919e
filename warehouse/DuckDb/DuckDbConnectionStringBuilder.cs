using System.Data.Common;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// <c>Data Source=path/to/file.duckdb</c> (or <c>:memory:</c>) plus any DuckDB configuration
/// option by its own name, e.g. <c>memory_limit=2GB;threads=2;access_mode=READ_ONLY</c>.
/// </summary>
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    public const string InMemory = ":memory:";
    private const string DataSourceKey = "Data Source";

    public DuckDbConnectionStringBuilder() { }
    public DuckDbConnectionStringBuilder(string? connectionString) { ConnectionString = connectionString ?? ""; }

    public string DataSource
    {
        get => TryGetValue(DataSourceKey, out var v) && v is string s && s.Length > 0 ? s : InMemory;
        set => this[DataSourceKey] = value;
    }

    public bool IsInMemory => DataSource == InMemory;

    /// <summary>Every key except Data Source, passed to duckdb_set_config when the database is opened.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options =>
        Keys.Cast<string>()
            .Where(k => !k.Equals(DataSourceKey, StringComparison.OrdinalIgnoreCase) && !k.Equals("DataSource", StringComparison.OrdinalIgnoreCase))
            .Select(k => new KeyValuePair<string, string>(k, Convert.ToString(this[k]) ?? ""))
            .ToList();
}
