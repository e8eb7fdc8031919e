namespace Analytics.Warehouse.Marts.Rankings;

public enum RankingKind { Shortage, Surplus }

/// <summary>One row of a shortage or surplus ranking; snake_case property names are the JSON names of product.md.</summary>
public sealed record RankingRow(
    int Rank,
    string OccupationCode,
    string? OccupationName,
    long Demand,
    long Supply,
    long Gap,
    decimal? Ratio,
    int? PreviousRank,
    RankChange RankChange,
    IReadOnlyList<string> TypicalCities);

/// <summary>Totals over the listed occupations, which the published table states.</summary>
public sealed record RankingTotals(long Demand, long Supply, long Gap, decimal? Ratio);

/// <summary>
/// A ranking with everything its publication must say about it. EmptyReason says why Rows is
/// empty (no registrations at all, or none passing the thresholds); null when there are rows.
/// </summary>
public sealed record OccupationRanking(
    RankingKind Kind,
    ReportingPeriod Period,
    ReportingPeriod PreviousPeriod,
    string? RegionCode,
    IReadOnlyList<RankingRow> Rows,
    RankingTotals Totals,
    IReadOnlyDictionary<string, int> ListedPerMajorGroup,
    PublicationNotes Notes,
    string? EmptyReason = null);
