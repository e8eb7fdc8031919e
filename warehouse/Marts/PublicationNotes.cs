namespace Analytics.Warehouse.Marts;

/// <summary>A threshold a published table used, e.g. ("min_demand", "10").</summary>
public sealed record ThresholdUsed(string Name, string Value, string DescriptionZh);

/// <summary>
/// What a published table must carry besides its rows: the method in one paragraph (Chinese
/// and English), the thresholds used, the batch the data is as of (null when the catalog has no
/// manifest), and for wage tables the suppression legend.
/// </summary>
public sealed record PublicationNotes(
    string MethodZh,
    string MethodEn,
    IReadOnlyList<ThresholdUsed> Thresholds,
    BatchStamp? DataAsOf,
    string? SuppressionLegendZh = null);
