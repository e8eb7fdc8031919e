using System.Security.Claims;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Data;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Api;

/// <summary>
/// The pages' export buttons: the same files the <c>publish</c> verbs write (one publication
/// service), streamed as a download. Margins exports keep the agency boundary.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/api/export").WithTags("exports");

        // The same requests as the JSON API (ProductRequestsFromQuery): an export holds exactly the API's and the page's rows.
        export.MapGet("/rankings", (HttpContext http, string? format, string? period, string? region, string? kind, int? top, string? group,
                ProductPublication publication, DataCalendar calendar) =>
            Download(http, format, () => publication.Rankings(ProductRequestsFromQuery.Rankings(period, region, kind, top, group, calendar))))
            .RequireAuthorization(Policies.LabourMarket);

        export.MapGet("/supply-demand", (HttpContext http, string? format, string? period, string? region, string? level, string? group,
                ProductPublication publication, DataCalendar calendar) =>
            Download(http, format, () => publication.SupplyDemand(ProductRequestsFromQuery.SupplyDemand(period, level, region, group, calendar))))
            .RequireAuthorization(Policies.LabourMarket);

        export.MapGet("/wages", (HttpContext http, string? format, int? year, string? region, string? group, ProductPublication publication, DataCalendar calendar) =>
            Download(http, format, () => publication.Wages(ProductRequestsFromQuery.Wages(year, region, group, calendar))))
            .RequireAuthorization(Policies.LabourMarket);

        export.MapGet("/indicators", (HttpContext http, string? format, string? month, string? region, ProductPublication publication, DataCalendar calendar) =>
            Download(http, format, () => publication.Indicators(ProductRequestsFromQuery.Indicators(month, region, calendar))))
            .RequireAuthorization(Policies.LabourMarket);

        export.MapGet("/structure", (HttpContext http, string? format, string? period, string? breakdown, string? region,
                ProductPublication publication, DataCalendar calendar) =>
            Download(http, format, () => publication.Structure(new StructureRequest(ApiEndpoints.PeriodOrLatest(period, calendar),
                Analytics.Warehouse.Marts.Structure.StructureService.Parse(breakdown ?? "gender"), region))))
            .RequireAuthorization(Policies.LabourMarket);

        export.MapGet("/release", (HttpContext http, string? format, string? period, string? region, string? kind, int? top,
                ProductPublication publication, DataCalendar calendar) =>
            Download(http, format, () => publication.Release(new ReleaseRequest(ApiEndpoints.PeriodOrLatest(period, calendar), region, top, ApiEndpoints.ParseKind(kind)))))
            .RequireAuthorization(Policies.LabourMarket);

        export.MapGet("/margins", (HttpContext http, ClaimsPrincipal user, string? format, string? from, string? to, string? agency, string? asOf,
            ProductPublication publication, DataCalendar calendar) =>
        {
            var (scope, forbidden) = AgencyScope.Resolve(user, agency);
            return forbidden
                ? Task.FromResult(Results.Forbid())
                : Download(http, format, () => publication.Margins(ProductRequestsFromQuery.Margins(from, to, scope, asOf, calendar)));
        }).RequireAuthorization(Policies.Projects);

        // One table of a project's page (table = costs, workers or receivables). Another agency's project answers
        // exactly as a missing one, checked before any figure is read, as on the page and in the JSON API.
        export.MapGet("/project", (HttpContext http, ClaimsPrincipal user, string? format, string? project, string? table, string? from, string? to,
            ProductPublication publication, Analytics.Warehouse.Marts.Projects.ProjectDetailService service, DataCalendar calendar) =>
        {
            if (string.IsNullOrWhiteSpace(project) || service.AgencyOf(project) is not { } agency || !AgencyScope.MaySee(user, agency))
                return Task.FromResult(Results.NotFound());
            var name = string.IsNullOrWhiteSpace(table) ? ProductPublication.ProjectTableNames[0] : table.Trim();
            if (!ProductPublication.ProjectTableNames.Contains(name))
                return Task.FromResult(Results.Problem($"Unknown table '{table}': use {string.Join(", ", ProductPublication.ProjectTableNames)}.", statusCode: StatusCodes.Status400BadRequest));
            MonthRange months;
            try { months = ApiEndpoints.Months(from, to, calendar); }
            catch (MartValidationException e) { return Task.FromResult(Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest)); }
            var tables = publication.ProjectDetail(new ProjectDetailRequest(project, months));
            return tables is null ? Task.FromResult(Results.NotFound()) : Download(http, format, () => tables.Tables[name]);
        }).RequireAuthorization(Policies.Projects);
    }

    internal static Task<IResult> Download(HttpContext http, string? format, Func<PublishableReport> build) =>
        Download(http, format, _ => build());

    /// <summary>As above, for a product whose file depends on the format (the wage officer's XLSX adds the drill-down sheets).</summary>
    internal static async Task<IResult> Download(HttpContext http, string? format, Func<ReportFormat, PublishableReport> build)
    {
        ReportFormat parsed;
        PublishableReport report;
        try
        {
            parsed = ReportFormats.Parse(format ?? "xlsx");
            report = build(parsed);
        }
        catch (Exception e) when (e is MartValidationException or ArgumentException)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
        http.Response.ContentType = PublishableReport.ContentType(parsed);
        var name = report.FileName(parsed);
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{Ascii(name)}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
        await report.WriteAsync(parsed, http.Response.Body, null, http.RequestAborted);
        return Results.Empty;
    }

    // The plain filename is for old clients; filename* carries the Chinese name.
    private static string Ascii(string name) => new(name.Select(c => c < 128 && c != '"' ? c : '_').ToArray());
}
