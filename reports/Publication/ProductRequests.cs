using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Reports.Publication;

// What a caller asks of each product, already parsed by the marts' own parsers
// (ReportingPeriod.Parse, MonthRange.Parse, ReportingPeriod.ParseMonth), which throw
// MartValidationException with a readable message on bad input.

/// <param name="Region">scope incl. descendants; null = all regions</param>
/// <param name="Top">rows kept; null = MetricsOptions.RankingTop</param>
public sealed record RankingRequest(ReportingPeriod Period, string? Region = null, int? Top = null, RankingKind Kind = RankingKind.Shortage, string? Group = null);

public sealed record WageRequest(int Year, string? Region = null, string? Group = null);

/// <param name="AgencyId">the tenant boundary: a dispatch-agency manager's request always carries their own agency; null = all agencies</param>
/// <param name="AsOf">the cut-off day of compliance-and-statistics.md A.2 (a month's d is the earlier of its last day and this); null = today</param>
public sealed record MarginRequest(MonthRange Months, string? AgencyId = null, DateOnly? AsOf = null);

/// <param name="Month">the first day of the month</param>
public sealed record IndicatorRequest(DateOnly Month, string? Region = null);

/// <param name="Level">the drill-down level: major, medium or minor group, or occupation</param>
/// <param name="Group">only codes in this occupation group (the drill-down's parent: major 2 → its medium groups); null = all</param>
public sealed record SupplyDemandRequest(ReportingPeriod Period, Analytics.Warehouse.Marts.SupplyDemand.OccupationLevel Level = Analytics.Warehouse.Marts.SupplyDemand.OccupationLevel.Major,
    string? Region = null, string? Group = null);

/// <param name="Period">a quarter or a month (year of the period = the year ages are reached in)</param>
public sealed record StructureRequest(ReportingPeriod Period, Analytics.Warehouse.Marts.Structure.StructureBreakdown Breakdown, string? Region = null);

/// <param name="Top">list length; null = MetricsOptions.RankingTop</param>
public sealed record ReleaseRequest(ReportingPeriod Period, string? Region = null, int? Top = null, RankingKind Kind = RankingKind.Shortage);
/// <summary>publish wage-payment's three tables (metrics.md §6).</summary>
public enum WagePaymentKind { Projects, Rollup, Arrears }

/// <param name="Month">the work month's first day: required for projects and rollup, not taken by arrears</param>
/// <param name="AsOf">the cut-off day</param>
/// <param name="Top">arrears only: rows kept; null = every project with arrears</param>
public sealed record WagePaymentRequest(WagePaymentKind Kind, DateOnly? Month, DateOnly AsOf, string? Region = null, int? Top = null)
{
    /// <summary>The projects the project rows are kept to (a wage officer's binding, or the one project an export asked for); null = every project of the region.</summary>
    public IReadOnlySet<string>? Projects { get; init; }

    /// <summary>The combinations the spec's command-line row allows, or a <see cref="MartValidationException"/>.</summary>
    public WagePaymentRequest Checked()
    {
        var kind = Kind.ToString().ToLowerInvariant();
        if (Kind != WagePaymentKind.Arrears && Month is null) throw new MartValidationException($"--month is required with --kind {kind} (e.g. --month 2026-04).");
        if (Kind == WagePaymentKind.Arrears && Month is not null) throw new MartValidationException("--month does not apply to --kind arrears: the ranking covers every work month due before --as-of.");
        if (Kind != WagePaymentKind.Arrears && Top is not null) throw new MartValidationException("--top only applies to --kind arrears.");
        if (Top is < 1) throw new MartValidationException("--top must be at least 1.");
        if (Projects is not null && Kind != WagePaymentKind.Projects) throw new MartValidationException("a project binding only applies to the project rows.");
        return this;
    }
}

/// <summary>One dispatch project's drill-down over <paramref name="Months"/> (receivables aged at the range's last day).</summary>
public sealed record ProjectDetailRequest(string ProjectId, MonthRange Months);

/// <summary>A dispatch project's header facts and its page's tables by name (<see cref="ProductPublication.ProjectTableNames"/>).</summary>
public sealed record ProjectDetailTables(Analytics.Warehouse.Marts.Projects.ProjectDetail Detail, IReadOnlyDictionary<string, PublishableReport> Tables);
