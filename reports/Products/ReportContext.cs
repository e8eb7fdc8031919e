using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>
/// What a product's table needs besides its rows: the period and scope as the reader should see them
/// (e.g. "2026Q3", "全部地区"), the thresholds in force (from the product's <c>Thresholds(...)</c>
/// helper with the configured values), the newest committed ingest batch (null when none), and
/// region names for code lists such as typical_cities.
/// </summary>
public sealed record ReportContext(string Period, string Scope, IReadOnlyList<Threshold> Thresholds, string? DataAsOf)
{
    public IReadOnlyDictionary<string, string> RegionNames { get; init; } = new Dictionary<string, string>();

    public ReportNotes Notes(string method, IReadOnlyList<string>? remarks = null) =>
        new(method, Thresholds, DataAsOf) { Remarks = remarks ?? [] };
}
