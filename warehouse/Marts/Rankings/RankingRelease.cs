namespace Analytics.Warehouse.Marts.Rankings;

/// <summary>An occupation moving into or out of the top k: its rank now (null when no longer listed) and in the previous list (null when not listed then).</summary>
public sealed record TopMover(string OccupationCode, string? OccupationName, int? Rank, int? PreviousRank);

/// <summary>Listed occupations of one major group now and in the previous list; share_pct = listed ÷ rows of the list × 100.</summary>
public sealed record MajorGroupCount(string Group, string? Name, int Listed, int ListedPrev, int Change, decimal? SharePct);

/// <summary>An occupation named by code (JSON, CSV) and by name (XLSX, HTML).</summary>
public sealed record ListedOccupation(string OccupationCode, string? OccupationName);

/// <summary>
/// The release figures of a ranking (compliance-and-statistics.md C, model mart_ranking_release.sql):
/// totals of the list and of the previous period's own list, their changes, the occupations
/// entering and leaving the list and its top k, and counts per major group.
/// </summary>
public sealed record RankingRelease(
    RankingKind Kind,
    ReportingPeriod Period,
    ReportingPeriod PreviousPeriod,
    string? RegionCode,
    int Top,
    int K,
    long DemandTotal,
    long SupplyTotal,
    long GapTotal,
    decimal? RatioTotal,
    long DemandTotalPrev,
    long SupplyTotalPrev,
    long GapTotalPrev,
    decimal? RatioTotalPrev,
    decimal? DemandChangePct,
    decimal? SupplyChangePct,
    decimal? GapChangePct,
    decimal? RatioChange,
    int Listed,
    int ListedPrev,
    int NewlyListed,
    int Dropped,
    int MovedUp,
    int MovedDown,
    int Unchanged,
    IReadOnlyList<ListedOccupation> NewlyListedOccupations,
    IReadOnlyList<ListedOccupation> DroppedOccupations,
    IReadOnlyList<TopMover> TopEntering,
    IReadOnlyList<TopMover> TopLeaving,
    IReadOnlyList<MajorGroupCount> MajorGroups,
    BatchStamp? DataAsOf);
