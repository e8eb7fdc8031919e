using DuckDB.NET.Data;
using System.Security.Claims;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Data;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Projects;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.SupplyDemand;
using Analytics.Warehouse.Marts.Wages;

namespace Analytics.Dashboards.Api;

/// <summary>
/// The JSON API under /api: one endpoint per mart, answering from the same services as the pages.
/// Bad filters are 400 with the service's message; another agency's data is 403 and nothing else.
/// </summary>
public static class ApiEndpoints
{
    public static void MapApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("marts");

        var market = api.MapGroup("").RequireAuthorization(Policies.LabourMarket);
        market.MapGet("/rankings", (HttpContext http, string? period, string? region, string? kind, int? top, OccupationRankingService service, DataCalendar calendar) =>
            Answer(http, () => service.GetRanking(PeriodOrLatest(period, calendar), region, ParseKind(kind), top)))
            .WithSummary("Shortage or surplus occupation ranking (metrics.md §1)");
        market.MapGet("/supply-demand", (HttpContext http, string? period, string? region, string? level, SupplyDemandService service, DataCalendar calendar) =>
            Answer(http, () => service.GetByLevel(PeriodOrLatest(period, calendar), ParseLevel(level), region)))
            .WithSummary("Supply, demand, gap and ratio by occupation or group");
        market.MapGet("/wages", (HttpContext http, int? year, string? region, WageGuidanceService service, DataCalendar calendar) =>
            Answer(http, () => service.GetGuidance(year ?? calendar.LatestMonth().Year, region)))
            .WithSummary("Market wage guidance (metrics.md §2); suppressed cells carry no wage figure");
        market.MapGet("/indicators", (HttpContext http, string? month, string? region, IndicatorService service, DataCalendar calendar) =>
            Answer(http, () => service.GetMonthly(month is null ? calendar.LatestMonth() : ReportingPeriod.ParseMonth(month), region)))
            .WithSummary("Labour-market indicators of a month: the scope, then its direct children (metrics.md §4)");

        var projects = api.MapGroup("").RequireAuthorization(Policies.Projects);
        projects.MapGet("/margins", (HttpContext http, string? from, string? to, string? agency, ClaimsPrincipal user, ProjectMarginService service, DataCalendar calendar) =>
            WithAgency(user, agency, id => Answer(http, () => service.GetMonthly(Months(from, to, calendar), id))))
            .WithSummary("Project cost and revenue per project and month, with alerts (metrics.md §3)");
        projects.MapGet("/margins/totals", (HttpContext http, string? from, string? to, string? agency, ClaimsPrincipal user, ProjectMarginService service, DataCalendar calendar) =>
            WithAgency(user, agency, id => Answer(http, () => service.GetPeriodTotals(Months(from, to, calendar), id))))
            .WithSummary("Project totals over a period (money summed, percentages recomputed)");
        projects.MapGet("/projects/{projectId}", async (HttpContext http, string projectId, string? from, string? to, ClaimsPrincipal user, ProjectDetailService service, DataCalendar calendar) =>
        {
            string? agency;
            try { agency = await http.RequestServices.GetRequiredService<MartGate>().RunAsync(Client(http), () => service.AgencyOf(projectId), http.RequestAborted); }
            catch (MartQueueFullException e) { return Busy(http, e); }
            // Another agency's project answers exactly as a missing one, so ids cannot be probed.
            if (agency is null || !AgencyScope.MaySee(user, agency)) return Results.NotFound();
            return await Answer(http, () => service.Get(projectId, Months(from, to, calendar)));
        }).WithSummary("One project's drill-down: cost items, workers per month, receivables aging");
    }

    /// <summary>
    /// The cached answer, or the query queued at the gate as this client's: the request awaits
    /// its turn without holding a thread; a full queue, or a turn that does not come within
    /// Dashboards:QueryWaitSeconds, is 503 with Retry-After.
    /// </summary>
    private static async Task<IResult> Answer<T>(HttpContext http, Func<T> query)
    {
        var cache = http.RequestServices.GetRequiredService<MartCache>();
        var gate = http.RequestServices.GetRequiredService<MartGate>();
        var key = $"api|{http.Request.Path}{http.Request.QueryString}|{http.User.FindFirstValue(Roles.AgencyClaim)}";
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        wait.CancelAfter(TimeSpan.FromSeconds(http.RequestServices.GetRequiredService<Host.QueryLimits>().QueryWaitSeconds));
        while (true)
        {
            try { return Results.Ok(await cache.GetAsync(key, () => gate.RunAsync(Client(http), query, wait.Token))); }
            catch (OperationCanceledException) when (wait.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
            {
                return Busy(http, new MartQueueFullException(gate.RetryAfter));
            }
            // The asker who queued this answer gave up before its turn; ask again as this request.
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested) { }
            catch (MartValidationException e) { return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest); }
            catch (MartQueueFullException e) { return Busy(http, e); }
            catch (DuckDB.NET.Data.DuckDBException e) when (e.Message.Contains("does not exist"))
            {
                return Results.Problem("No data yet: the catalog has no ingested data.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }
    }

    private static Task<IResult> WithAgency(ClaimsPrincipal user, string? requested, Func<string?, Task<IResult>> answer)
    {
        var (agency, forbidden) = AgencyScope.Resolve(user, requested);
        return forbidden ? Task.FromResult(Results.Forbid()) : answer(agency);
    }

    /// <summary>Whose turn a query takes at the gate: the signed-in user, else the remote address.</summary>
    public static string Client(HttpContext http) =>
        http.User.Identity?.Name is { Length: > 0 } name ? "user:" + name : "ip:" + http.Connection.RemoteIpAddress;

    public static IResult Busy(HttpContext http, MartQueueFullException e)
    {
        Host.BusyRefusal.SetRetryAfter(http.Response, e);
        return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public static ReportingPeriod PeriodOrLatest(string? period, DataCalendar calendar) =>
        string.IsNullOrWhiteSpace(period) ? calendar.LatestQuarter() : ReportingPeriod.Parse(period);

    public static RankingKind ParseKind(string? kind) => kind?.ToLowerInvariant() switch
    {
        null or "" or "shortage" => RankingKind.Shortage,
        "surplus" => RankingKind.Surplus,
        _ => throw new MartValidationException($"Unknown ranking kind '{kind}': use shortage or surplus."),
    };

    public static OccupationLevel ParseLevel(string? level) =>
        string.IsNullOrWhiteSpace(level) ? OccupationLevel.Major
        : Enum.TryParse<OccupationLevel>(level, ignoreCase: true, out var parsed) && !int.TryParse(level, out _) ? parsed
        : throw new MartValidationException($"Unknown occupation level '{level}': use occupation, major, medium or minor.");

    /// <summary>--from/--to months; without them the six months up to the newest data.</summary>
    public static MonthRange Months(string? from, string? to, DataCalendar calendar)
    {
        if (!string.IsNullOrWhiteSpace(from)) return MonthRange.Parse(from, string.IsNullOrWhiteSpace(to) ? null : to);
        var last = calendar.LatestDispatchMonth();
        return new MonthRange(last.AddMonths(-5), last);
    }
}
