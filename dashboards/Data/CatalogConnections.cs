using System.Data.Common;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Dashboards.Data;

/// <summary>
/// Connections to the catalog (warehouse.duckdb) for the pages and the API. One anchor connection
/// stays open for the life of the host so the database is opened once, not per request; DuckDB
/// shares it between all connections of this process. The anchor also sets DuckDB's thread count
/// for that database: the host runs each query on a thread of its <c>MartGate</c>, and one DuckDB
/// thread per query keeps all of a query's work there.
/// </summary>
public sealed class CatalogConnections : IDisposable
{
    private readonly string _connectionString;
    private DuckDbConnection? _anchor;
    private readonly object _gate = new();
    private readonly int? _threads;

    /// <param name="threads">DuckDB's <c>threads</c> setting for the catalog; null leaves DuckDB's default (all cores)</param>
    public CatalogConnections(string dataDirectory, int? threads = null)
    {
        _threads = threads;
        CatalogPath = Path.Combine(Path.GetFullPath(dataDirectory), "warehouse.duckdb");
        _connectionString = $"Data Source={CatalogPath}";
    }

    public string CatalogPath { get; }

    /// <summary>True once ingest has created the catalog.</summary>
    public bool Exists => File.Exists(CatalogPath);

    public DbConnection Open()
    {
        EnsureAnchor();
        var connection = new DuckDbConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private void EnsureAnchor()
    {
        if (_anchor is not null) return;
        lock (_gate)
        {
            if (_anchor is not null) return;
            Directory.CreateDirectory(Path.GetDirectoryName(CatalogPath)!);
            var anchor = new DuckDbConnection(_connectionString);
            anchor.Open();
            if (_threads is { } threads)
            {
                // A global setting of the database, so it holds whichever connection opened it first.
                using var command = anchor.CreateCommand();
                command.CommandText = $"SET threads = {Math.Max(1, threads)}";
                command.ExecuteNonQuery();
            }
            _anchor = anchor;
        }
    }

    public void Dispose() => _anchor?.Dispose();
}
