using DuckDB.NET.Data;
using System.Security.Claims;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Data;
using Analytics.Reports.Publication;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Projects;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.Structure;
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
        market.MapGet("/rankings", (HttpContext http, string? period, string? region, string? kind, int? top, string? group, ProductPublication publication, DataCalendar calendar) =>
            Report(http, () => publication.Rankings(ProductRequestsFromQuery.Rankings(period, region, kind, top, group, calendar))))
            .WithSummary("Shortage or surplus occupation ranking (metrics.md §1), optionally one occupation group (group=2, 2-02 or 2-02-10)");
        market.MapGet("/supply-demand", (HttpContext http, string? period, string? region, string? level, string? group, ProductPublication publication, DataCalendar calendar) =>
            Report(http, () => publication.SupplyDemand(ProductRequestsFromQuery.SupplyDemand(period, level, region, group, calendar))))
            .WithSummary("Supply, demand, gap and ratio by occupation or group (level=major|medium|minor|occupation), optionally within one group (the drill-down)");
        market.MapGet("/wages", (HttpContext http, int? year, string? region, string? group, ProductPublication publication, DataCalendar calendar) =>
            Report(http, () => publication.Wages(ProductRequestsFromQuery.Wages(year, region, group, calendar))))
            .WithSummary("Market wage guidance (metrics.md §2), optionally one occupation group; suppressed cells carry no wage figure");
        market.MapGet("/indicators", (HttpContext http, string? month, string? region, ProductPublication publication, DataCalendar calendar) =>
            Report(http, () => publication.Indicators(ProductRequestsFromQuery.Indicators(month, region, calendar))))
            .WithSummary("Labour-market indicators of a month: the scope, then its direct children (metrics.md §4)");
        market.MapGet("/structure", (HttpContext http, string? period, string? breakdown, string? region, StructureService service, DataCalendar calendar) =>
            Answer(http, () => service.Get(PeriodOrLatest(period, calendar), StructureService.Parse(breakdown ?? "gender"), region)))
            .WithSummary("Demand and supply split by gender, age_band, education, category or industry (compliance-and-statistics.md B.1)");
        market.MapGet("/release", (HttpContext http, string? period, string? region, string? kind, int? top, RankingReleaseService service, DataCalendar calendar) =>
            Answer(http, () => service.Get(PeriodOrLatest(period, calendar), region, ParseKind(kind), top)))
            .WithSummary("A ranking's release figures: totals and their change, entries, exits, movers, major groups (compliance-and-statistics.md C)");

        var projects = api.MapGroup("").RequireAuthorization(Policies.Projects);
        // asOf: the cut-off day of compliance-and-statistics.md A.2 (default today, so a cached answer lasts the day at most)
        projects.MapGet("/margins", (HttpContext http, string? from, string? to, string? agency, string? asOf, ClaimsPrincipal user, ProductPublication publication, DataCalendar calendar) =>
            WithAgency(user, agency, id => Report(http, () => publication.Margins(ProductRequestsFromQuery.Margins(from, to, id, asOf, calendar)), vary: $"{AsOfDay.Today()}")))
            .WithSummary("Project cost and revenue per project and month, with alerts and the period totals per project (metrics.md §3)");
        projects.MapGet("/margins/totals", (HttpContext http, string? from, string? to, string? agency, string? asOf, ClaimsPrincipal user, ProjectMarginService service, DataCalendar calendar) =>
            WithAgency(user, agency, id => Answer(http, () => service.GetPeriodTotals(Months(from, to, calendar), id, asOf: AsOfDay.Parse(asOf)), vary: $"{AsOfDay.Today()}")))
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
    /// A published product as the API's JSON document (<see cref="ReportDocument"/>): its rows are the JSON
    /// export's rows for the same request, byte for byte, because both come from one <see cref="PublishableReport"/>.
    /// </summary>
    private static Task<IResult> Report(HttpContext http, Func<PublishableReport> build, string? vary = null) =>
        Answer(http, () => ReportDocument.Write(build()), document => Results.Bytes(document, "application/json; charset=utf-8"), vary);

    /// <summary>
    /// The cached answer, or the query queued at the gate as this client's: the request awaits
    /// its turn without holding a thread; a full queue, or an answer that does not come within
    /// Dashboards:QueryWaitSeconds (its own turn, or an answer another request or the warming is
    /// computing), is 503 with Retry-After.
    /// </summary>
    /// <param name="vary">what else the answer depends on beyond the request (the margins: today, their default as-of day)</param>
    internal static async Task<IResult> Answer<T>(HttpContext http, Func<T> query, Func<T, IResult>? respond = null, string? vary = null)
    {
        respond ??= value => Results.Ok(value);
        var cache = http.RequestServices.GetRequiredService<MartCache>();
        var gate = http.RequestServices.GetRequiredService<MartGate>();
        var key = $"api|{http.Request.Path}{http.Request.QueryString}|{Roles.BindingOf(http.User)}|{vary}";
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        wait.CancelAfter(TimeSpan.FromSeconds(http.RequestServices.GetRequiredService<Host.QueryLimits>().QueryWaitSeconds));
        while (true)
        {
            try { return respond(await cache.GetAsync(key, () => gate.RunAsync(Client(http), query, wait.Token), warm => gate.RunAheadAsync(query, warm), cancellation: wait.Token)); }
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
