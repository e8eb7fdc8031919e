using System.Security.Claims;
using Analytics.Dashboards.Auth;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.WagePayment;

namespace Analytics.Dashboards.Api;

/// <summary>
/// Construction wage payment (metrics.md §6) as JSON under /api/wage-payment and as downloads under
/// /api/export/wage-payment, with product.md's access rule (<see cref="WageAccess"/>): a project
/// outside the user's binding is 404 exactly as a missing one, a region outside an inspector's scope
/// is 400 exactly as an unknown one, and worker rows (the drill-down) reach only a bound wage officer.
/// <c>as_of</c> is the cut-off day (default today); <c>month</c> the work month (default the month before as_of).
/// </summary>
public static class WagePaymentEndpoints
{
    public static void MapWagePaymentEndpoints(this IEndpointRouteBuilder app)
    {
        var wage = app.MapGroup("/api/wage-payment").WithTags("wage-payment").RequireAuthorization(Policies.WagePayment);

        wage.MapGet("/projects", (HttpContext http, ClaimsPrincipal user, string? month, string? as_of, string? region, WagePaymentService service) =>
            ApiEndpoints.Answer(http, () =>
            {
                var (day, workMonth) = (AsOf(as_of), Month(month, as_of));
                var bound = WageAccess.BoundProjects(user);
                return service.GetProjectMonths(day, workMonth, WageAccess.Scope(user, region)).Where(r => bound?.Contains(r.ProjectId) ?? true).ToList();
            }))
            .WithSummary("Project-month rows of a work month with their alerts, in the user's scope or binding");

        wage.MapGet("/projects/{projectId}", (HttpContext http, ClaimsPrincipal user, string projectId, string? month, string? as_of, WagePaymentService service) =>
            Visible(http, user, projectId, service, () => service.GetProjectMonths(AsOf(as_of), month is null ? null : ReportingPeriod.ParseMonth(month), projectId: projectId)))
            .WithSummary("One project's rows: every work month up to as_of, or one month");

        wage.MapGet("/projects/{projectId}/drilldown", (HttpContext http, ClaimsPrincipal user, string projectId, string? month, string? as_of, WagePaymentService service) =>
            WageAccess.MayDrillDown(user, projectId)
                ? Visible(http, user, projectId, service, () => service.GetDrillDown(projectId, Month(month, as_of), AsOf(as_of)))
                : Task.FromResult(Results.NotFound()))
            .WithSummary("The worker rows behind each count (worker_key, source file and line): a bound wage officer only");

        var inspection = wage.MapGroup("").RequireAuthorization(Policies.WageInspection);
        inspection.MapGet("/rollup", (HttpContext http, ClaimsPrincipal user, string? month, string? as_of, string? region, WagePaymentService service) =>
            ApiEndpoints.Answer(http, () => service.GetRollup(Month(month, as_of), AsOf(as_of), WageAccess.Scope(user, region))))
            .WithSummary("The roll-up: the scope, its direct child regions, the sectors");
        inspection.MapGet("/arrears", (HttpContext http, ClaimsPrincipal user, string? as_of, string? region, int? top, WagePaymentService service) =>
            ApiEndpoints.Answer(http, () => service.GetArrearsRanking(AsOf(as_of), WageAccess.Scope(user, region), top)))
            .WithSummary("The arrears ranking over every work month due before as_of");

        // The page's export buttons. `project` keeps the rows to one project, answered as the API answers it (404 when it
        // is missing or outside the binding). A wage officer's XLSX adds, after the rows, one sheet per drill-down list
        // of the exported projects bound to them; every other format and every other user's XLSX carries no worker row.
        app.MapGet("/api/export/wage-payment", async (HttpContext http, ClaimsPrincipal user, string? format, string? kind, string? month, string? as_of,
            string? region, int? top, string? project, ProductPublication publication, WagePaymentService service) =>
        {
            WagePaymentKind parsedKind;
            try { parsedKind = Kind(kind); }
            catch (MartValidationException e) { return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest); }
            var bound = WageAccess.BoundProjects(user);
            // a wage officer exports their projects' rows; the roll-up and the ranking are the inspection side's
            if (bound is not null && parsedKind != WagePaymentKind.Projects) return Results.Forbid();
            var projects = bound;
            if (!string.IsNullOrWhiteSpace(project))
            {
                if (await Hidden(http, user, project.Trim(), service) is { } hidden) return hidden;
                projects = new HashSet<string>([project.Trim()], StringComparer.Ordinal);
            }
            return await ExportEndpoints.Download(http, format, parsed =>
            {
                var request = new WagePaymentRequest(parsedKind, parsedKind == WagePaymentKind.Arrears ? null : Month(month, as_of),
                    AsOf(as_of), WageAccess.Scope(user, region), top) { Projects = projects };
                var report = publication.WagePayment(request);
                if (parsed != ReportFormat.Xlsx || bound is null) return report;
                var idColumn = report.Table.IndexOf("project_id");
                var drillable = report.Table.Rows.Select(r => (string)r.Values[idColumn]!).Where(id => WageAccess.MayDrillDown(user, id));
                return report with { ExtraSheets = publication.WageDrillDownSheets(drillable, request.Month!.Value, request.AsOf, http.RequestAborted) };
            });
        }).WithTags("exports").RequireAuthorization(Policies.WagePayment);
    }

    /// <summary>The project's answer, or 404 both when it does not exist and when it lies outside the user's binding.</summary>
    private static async Task<IResult> Visible<T>(HttpContext http, ClaimsPrincipal user, string projectId, WagePaymentService service, Func<T> query) =>
        await Hidden(http, user, projectId, service) ?? await ApiEndpoints.Answer(http, query);

    /// <summary>Null when the user may see the project; otherwise the answer a missing project gets (404), or 503 when the gate is full.</summary>
    private static async Task<IResult?> Hidden(HttpContext http, ClaimsPrincipal user, string projectId, WagePaymentService service)
    {
        string? region;
        try { region = await http.RequestServices.GetRequiredService<MartGate>().RunAsync(ApiEndpoints.Client(http), () => service.RegionOf(projectId), http.RequestAborted); }
        catch (MartQueueFullException e) { return ApiEndpoints.Busy(http, e); }
        return region is null || !WageAccess.MaySee(user, projectId, region) ? Results.NotFound() : null;
    }

    private static DateOnly AsOf(string? asOf) =>
        string.IsNullOrWhiteSpace(asOf) ? DateOnly.FromDateTime(DateTime.Now) : ReportingPeriod.ParseDay(asOf);

    private static DateOnly Month(string? month, string? asOf)
    {
        if (!string.IsNullOrWhiteSpace(month)) return ReportingPeriod.ParseMonth(month);
        var day = AsOf(asOf);
        return new DateOnly(day.Year, day.Month, 1).AddMonths(-1);
    }

    private static WagePaymentKind Kind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        null or "" or "projects" => WagePaymentKind.Projects,
        "rollup" => WagePaymentKind.Rollup,
        "arrears" => WagePaymentKind.Arrears,
        _ => throw new MartValidationException($"Unknown kind '{kind}': use projects, rollup or arrears."),
    };
}
