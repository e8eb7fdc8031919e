using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Dashboards.Api;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Projects;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.SupplyDemand;
using Analytics.Warehouse.Marts.Wages;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

[Collection(DemoSiteCollection.Name)]
public class ApiTests(DemoSite site)
{
    private static readonly JsonSerializerOptions Json = Options();

    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }

    private async Task<JsonNode> GetJson(string user, string url)
    {
        using var client = await site.Server.SignedInClientAsync(user);
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static void ShouldEqualService(JsonNode api, object service) =>
        api.ToJsonString().ShouldBe(JsonSerializer.SerializeToNode(service, Json)!.ToJsonString());

    [Fact]
    public async Task Rankings_answer_what_the_service_answers_with_the_metrics_field_names()
    {
        var api = await GetJson("stat", "/api/rankings?period=2026Q3&kind=shortage");
        var service = site.Server.Get<OccupationRankingService>().GetRanking(ReportingPeriod.Parse("2026Q3"));
        service.Rows.ShouldNotBeEmpty();
        ShouldEqualService(api, service);
        var first = api["rows"]![0]!.AsObject();
        first.Select(p => p.Key).ShouldBe(["rank", "occupation_code", "occupation_name", "demand", "supply", "gap", "ratio",
            "previous_rank", "rank_change", "typical_cities"]);
    }

    [Fact]
    public async Task Supply_demand_wages_and_indicators_answer_what_the_services_answer()
    {
        ShouldEqualService(await GetJson("stat", "/api/supply-demand?period=2026Q3&level=minor&region=440000"),
            site.Server.Get<SupplyDemandService>().GetByLevel(ReportingPeriod.Parse("2026Q3"), OccupationLevel.Minor, "440000"));
        var wages = site.Server.Get<WageGuidanceService>().GetGuidance(2026, "440000");
        wages.Rows.ShouldContain(r => r.Suppressed);
        ShouldEqualService(await GetJson("policy", "/api/wages?year=2026&region=440000"), wages);
        ShouldEqualService(await GetJson("policy", "/api/indicators?month=2026-09&region=440000"),
            site.Server.Get<IndicatorService>().GetMonthly(new DateOnly(2026, 9, 1), "440000"));
    }

    [Fact]
    public async Task Suppressed_wage_cells_carry_no_wage_figure()
    {
        var api = await GetJson("stat", "/api/wages?year=2026&region=440000");
        var suppressed = api["rows"]!.AsArray().Where(r => r!["suppressed"]!.GetValue<bool>()).ToList();
        suppressed.ShouldNotBeEmpty();
        foreach (var row in suppressed)
            foreach (var field in new[] { "p10", "p25", "p50", "p75", "p90", "mean", "change_pct" })
                row![field].ShouldBeNull();
    }

    [Fact]
    public async Task An_agency_manager_gets_only_their_agencys_margins_and_403_for_another_agency()
    {
        var margins = site.Server.Get<ProjectMarginService>();
        var months = MonthRange.Parse("2026-01", "2026-06");
        var own = margins.GetMonthly(months, "A001");
        var other = margins.GetMonthly(months, "A002");
        own.ShouldNotBeEmpty();
        other.ShouldNotBeEmpty();

        ShouldEqualService(await GetJson("agency1", "/api/margins?from=2026-01&to=2026-06"), own);
        ShouldEqualService(await GetJson("admin", "/api/margins?from=2026-01&to=2026-06&agency=A002"), other);

        using var manager = await site.Server.SignedInClientAsync("agency1");
        (await manager.GetAsync("/api/margins?from=2026-01&to=2026-06&agency=A002")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var foreign = await manager.GetAsync($"/api/projects/{other[0].ProjectId}?from=2026-01&to=2026-06");
        var missing = await manager.GetAsync("/api/projects/NO-SUCH-PROJECT?from=2026-01&to=2026-06");
        // Another agency's project answers exactly as a missing one: same status, same body.
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreign.Content.ReadAsStringAsync()).ShouldBe(await missing.Content.ReadAsStringAsync());
        (await foreign.Content.ReadAsStringAsync()).ShouldNotContain(other[0].ProjectId);

        var detail = await GetJson("agency1", $"/api/projects/{own[0].ProjectId}?from=2026-01&to=2026-06");
        ShouldEqualService(detail, site.Server.Get<ProjectDetailService>().Get(own[0].ProjectId, months)!);
    }

    [Fact]
    public async Task Bad_filters_are_400_with_the_reason()
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var period = await client.GetAsync("/api/rankings?period=2026-13");
        period.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await period.Content.ReadAsStringAsync()).ShouldContain("Unknown period format");
        var region = await client.GetAsync("/api/rankings?period=2026Q3&region=999999");
        region.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await region.Content.ReadAsStringAsync()).ShouldContain("not in the reference data");
    }

    public static TheoryData<string, string?, HttpStatusCode> Access => new()
    {
        // route, user (null = anonymous), expected status
        { "/api/rankings", null, HttpStatusCode.Unauthorized },
        { "/api/rankings", "stat", HttpStatusCode.OK },
        { "/api/rankings", "policy", HttpStatusCode.OK },
        { "/api/rankings", "admin", HttpStatusCode.OK },
        { "/api/rankings", "agency1", HttpStatusCode.Forbidden },
        { "/api/wages", "agency1", HttpStatusCode.Forbidden },
        { "/api/indicators", "agency1", HttpStatusCode.Forbidden },
        { "/api/supply-demand", "policy", HttpStatusCode.OK },
        { "/api/margins", null, HttpStatusCode.Unauthorized },
        { "/api/margins", "agency1", HttpStatusCode.OK },
        { "/api/margins", "admin", HttpStatusCode.OK },
        { "/api/margins", "stat", HttpStatusCode.Forbidden },
        { "/api/margins", "policy", HttpStatusCode.Forbidden },
        { "/api/margins/totals", "agency2", HttpStatusCode.OK },
        { "/openapi/v1.json", null, HttpStatusCode.Unauthorized },
        { "/openapi/v1.json", "stat", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Access))]
    public async Task Every_role_reaches_exactly_its_own_endpoints(string route, string? user, HttpStatusCode expected)
    {
        using var client = user is null ? site.Server.AnonymousClient() : await site.Server.SignedInClientAsync(user);
        (await client.GetAsync(route)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_api_route()
    {
        var doc = await GetJson("stat", "/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/rankings");
        paths.ShouldContain("/api/wages");
        paths.ShouldContain("/api/margins");
        paths.ShouldContain("/api/indicators");
        paths.ShouldContain("/api/projects/{projectId}");
    }
}
