using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Reports.Publication;

// What a caller asks of each product, already parsed by the marts' own parsers
// (ReportingPeriod.Parse, MonthRange.Parse, ReportingPeriod.ParseMonth), which throw
// MartValidationException with a readable message on bad input.

/// <param name="Region">scope incl. descendants; null = all regions</param>
/// <param name="Top">rows kept; null = MetricsOptions.RankingTop</param>
public sealed record RankingRequest(ReportingPeriod Period, string? Region = null, int? Top = null, RankingKind Kind = RankingKind.Shortage);

public sealed record WageRequest(int Year, string? Region = null);

/// <param name="AgencyId">the tenant boundary: a dispatch-agency manager's request always carries their own agency; null = all agencies</param>
public sealed record MarginRequest(MonthRange Months, string? AgencyId = null);

/// <param name="Month">the first day of the month</param>
public sealed record IndicatorRequest(DateOnly Month, string? Region = null);

/// <param name="Period">a quarter or a month (year of the period = the year ages are reached in)</param>
public sealed record StructureRequest(ReportingPeriod Period, Analytics.Warehouse.Marts.Structure.StructureBreakdown Breakdown, string? Region = null);

/// <param name="Top">list length; null = MetricsOptions.RankingTop</param>
public sealed record ReleaseRequest(ReportingPeriod Period, string? Region = null, int? Top = null, RankingKind Kind = RankingKind.Shortage);
