using DuckDB.NET.Data;
using Analytics.Ingest;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Dashboards.Host;

/// <summary>
/// <c>serve</c> owns warehouse.duckdb for as long as it runs: DuckDB lets one process open the file
/// read-write and then no other. A second <c>serve</c> on the same data folder would answer every
/// page with an error, so it takes the file at start or stops with a clear message. A CLI
/// <c>ingest</c> holds the file only for its short sync, so that is waited out.
/// </summary>
public static class CatalogOwnership
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Opens the host's catalog now; false (explained on <paramref name="error"/>) when another process keeps it.</summary>
    public static async Task<bool> TakeAsync(IServiceProvider services, TextWriter error, CancellationToken cancellation)
    {
        var catalog = services.GetRequiredService<DuckDbDataSource>();
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            try
            {
                catalog.EnsureOpen();
                return true;
            }
            catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            {
                if (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(250, cancellation);
                    continue;
                }
                error.WriteLine($"serve failed: another process has held {services.GetRequiredService<DataPaths>().Catalog} for {Wait.TotalSeconds:0} s " +
                                "(is `analytics serve` already running on this data folder? one serve per data folder). " +
                                $"DuckDB said: {e.Message}");
                return false;
            }
        }
    }
}
