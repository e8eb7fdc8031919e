namespace Analytics.Reports.Model;

public enum ChartKind
{
    /// <summary>Grouped bars, one trace per series.</summary>
    Bar,
    /// <summary>A floating bar from Low to High per label, with Mid as a marker (wage P10–P90 around P50).</summary>
    Range,
}

public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// The chart of a report, resolved to labels and numbers. For <see cref="ChartKind.Range"/> the
/// series are Low, High and (optionally) Mid, in that order.
/// </summary>
public sealed record ChartSpec(ChartKind Kind, string TitleZh, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);
