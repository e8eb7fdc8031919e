using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>
/// What a product's table needs besides its rows: the period and scope as the reader should see them
/// (e.g. "2026Q3", "全部地区"), the thresholds in force as the service used them, the newest
/// committed ingest batch (null when none), and region names for code lists such as typical_cities.
/// </summary>
public sealed record ReportContext(string Period, string Scope, IReadOnlyList<Threshold> Thresholds, string? DataAsOf)
{
    public IReadOnlyDictionary<string, string> RegionNames { get; init; } = new Dictionary<string, string>();

    /// <summary>The thresholds in force (Metrics configuration), for labels that state one (派遣用工超过10%).</summary>
    public Analytics.Warehouse.Marts.MetricsOptions Options { get; init; } = new();

    /// <summary>The method paragraph the service states (e.g. the marts' PublicationNotes.MethodZh); null keeps the product's own.</summary>
    public string? MethodZh { get; init; }

    /// <summary>The service's method paragraph in English, with <see cref="MethodZh"/>.</summary>
    public string? MethodEn { get; init; }

    /// <summary>When the <see cref="DataAsOf"/> batch was committed (UTC).</summary>
    public DateTime? DataAsOfTime { get; init; }

    public ReportNotes Notes(string productMethod, string? productMethodEn = null) =>
        new(MethodZh ?? productMethod, Thresholds, DataAsOf) { MethodEn = MethodZh is null ? productMethodEn : MethodEn, DataAsOfTime = DataAsOfTime };
}
