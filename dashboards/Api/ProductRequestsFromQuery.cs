using Analytics.Dashboards.Data;
using Analytics.Reports.Publication;
using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Api;

/// <summary>
/// The product requests of a URL's query (period, region, kind, top, group, year, month, from/to), built
/// in one place for the JSON API and the exports, so both answer the same request with the same table.
/// Missing periods default to the newest data; bad values throw <see cref="MartValidationException"/>.
/// </summary>
public static class ProductRequestsFromQuery
{
    public static RankingRequest Rankings(string? period, string? region, string? kind, int? top, string? group, DataCalendar calendar) =>
        new(ApiEndpoints.PeriodOrLatest(period, calendar), region, top, ApiEndpoints.ParseKind(kind), group);

    public static SupplyDemandRequest SupplyDemand(string? period, string? level, string? region, string? group, DataCalendar calendar) =>
        new(ApiEndpoints.PeriodOrLatest(period, calendar), ApiEndpoints.ParseLevel(level), region, group);

    public static WageRequest Wages(int? year, string? region, string? group, DataCalendar calendar) =>
        new(year ?? calendar.LatestMonth().Year, region, group);

    public static IndicatorRequest Indicators(string? month, string? region, DataCalendar calendar) =>
        new(month is null ? calendar.LatestMonth() : ReportingPeriod.ParseMonth(month), region);

    /// <param name="agency">already resolved against the user's own agency (AgencyScope)</param>
    /// <param name="asOf">the cut-off day (compliance-and-statistics.md A.2); null = today</param>
    public static MarginRequest Margins(string? from, string? to, string? agency, string? asOf, DataCalendar calendar) =>
        new(ApiEndpoints.Months(from, to, calendar), agency, Analytics.Warehouse.Marts.Margins.AsOfDay.Parse(asOf));
}
