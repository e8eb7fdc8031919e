namespace Analytics.Warehouse.Marts.Rankings;

/// <summary>
/// What both ranking marts (the list, mart_occupation_ranking; its release figures, mart_ranking_release)
/// ask of the ranked lists they share (macro int_ranked_lists): the list's length, checked once, and the
/// parameters that make the current and the previous list.
/// </summary>
internal static class RankedLists
{
    /// <summary>The list length: the one asked for, else the configured RankingTop.</summary>
    public static int Length(int? top, MetricsOptions options)
    {
        var keep = top ?? options.RankingTop;
        if (keep < 1) throw new MartValidationException($"--top must be at least 1 (got {keep}).");
        return keep;
    }

    public static Dictionary<string, object?> Parameters(ReportingPeriod period, string? scope, RankingKind kind, int top, MetricsOptions options) => new()
    {
        ["start"] = period.Start,
        ["end"] = period.End,
        ["previous_start"] = period.Previous.Start,
        ["scope"] = scope,
        ["kind"] = kind == RankingKind.Shortage ? "shortage" : "surplus",
        ["min_count"] = options.RankingMinimum,
        ["top"] = top,
    };
}
