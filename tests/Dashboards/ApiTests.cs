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

    /// <summary>The document's rows are the JSON export of the same URL's filters, byte for byte (one ReportTable).</summary>
    private async Task<JsonNode> ReportShouldEqualExport(string user, string api, string export)
    {
        var document = await GetJson(user, api);
        using var client = await site.Server.SignedInClientAsync(user);
        var exported = JsonNode.Parse(await client.GetStringAsync(export))!;
        document["rows"]!.ToJsonString().ShouldBe(exported.ToJsonString(), api);
        return document;
    }

    [Fact]
    public async Task Rankings_answer_the_report_document_whose_rows_are_the_service_rows_and_the_json_export()
    {
        var api = await ReportShouldEqualExport("stat", "/api/rankings?period=2026Q3&kind=shortage", "/api/export/rankings?period=2026Q3&kind=shortage&format=json");
        var service = site.Server.Get<OccupationRankingService>().GetRanking(ReportingPeriod.Parse("2026Q3"));
        service.Rows.ShouldNotBeEmpty();
        api["rows"]!.AsArray().Select(r => r!["occupation_code"]!.GetValue<string>()).ShouldBe(service.Rows.Select(r => r.OccupationCode));
        var first = api["rows"]![0]!.AsObject();
        first.Select(p => p.Key).ShouldBe(["rank", "occupation_code", "occupation_name", "demand", "supply", "gap", "ratio",
            "previous_rank", "rank_change", "typical_cities"]);
        api["columns"]!.AsArray().Select(c => c!["header_zh"]!.GetValue<string>()).ShouldContain("求人倍率");
        api["columns"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "demand")!["increase"]!.GetValue<string>().ShouldBe("good");
        api["totals"]![0]!["demand"]!.GetValue<long>().ShouldBe(service.Totals.Demand);
        api["notes"]!["data_as_of"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_group_filter_keeps_exactly_the_groups_rows_and_recomputes_the_totals()
    {
        var service = site.Server.Get<OccupationRankingService>().GetRanking(ReportingPeriod.Parse("2026Q3"));
        // the major group with most listed occupations, so the filter keeps some rows and drops others
        var group = service.Rows.GroupBy(r => r.OccupationCode[..1]).OrderByDescending(g => g.Count()).First().Key;
        var expected = service.Rows.Where(r => r.OccupationCode.StartsWith(group + "-", StringComparison.Ordinal)).ToList();
        expected.Count.ShouldBeLessThan(service.Rows.Count, "the demo data has listed occupations of several major groups");

        var api = await ReportShouldEqualExport("stat", $"/api/rankings?period=2026Q3&group={group}", $"/api/export/rankings?period=2026Q3&group={group}&format=json");
        api["rows"]!.AsArray().Select(r => r!["occupation_code"]!.GetValue<string>()).ShouldBe(expected.Select(r => r.OccupationCode));
        // ranks stay those of the full list: the group is a filter on the published top-N list
        api["rows"]!.AsArray().Select(r => r!["rank"]!.GetValue<int>()).ShouldBe(expected.Select(r => r.Rank));
        api["totals"]![0]!["demand"]!.GetValue<long>().ShouldBe(expected.Sum(r => r.Demand));
        api["totals"]![0]!["supply"]!.GetValue<long>().ShouldBe(expected.Sum(r => r.Supply));
        api["title_zh"]!.GetValue<string>().ShouldContain($"第{group}大类");
        api["file_name"]!.GetValue<string>().ShouldBe($"最缺工职业排行_2026Q3_第{group}大类");
    }

    [Fact]
    public async Task Wages_with_a_minor_group_keep_its_occupations_and_its_pooled_row_named_by_the_group()
    {
        var wages = site.Server.Get<WageGuidanceService>().GetGuidance(2026, "440000");
        wages.Rows.ShouldContain(r => r.Suppressed);
        var pooled = wages.Rows.FirstOrDefault(r => r.Level == "minor_group");
        pooled.ShouldNotBeNull("the demo data has a minor group with a suppressed occupation in 440000");
        var expected = wages.Rows.Where(r => r.OccupationCode == pooled.OccupationCode || r.OccupationCode.StartsWith(pooled.OccupationCode + "-")).ToList();

        var api = await ReportShouldEqualExport("policy", $"/api/wages?year=2026&region=440000&group={pooled.OccupationCode}",
            $"/api/export/wages?year=2026&region=440000&group={pooled.OccupationCode}&format=json");
        var rows = api["rows"]!.AsArray();
        rows.Select(r => r!["occupation_code"]!.GetValue<string>()).ShouldBe(expected.Select(r => r.OccupationCode));
        rows.Last()!["level"]!.GetValue<string>().ShouldBe("minor_group");
        rows.Last()!["occupation_name"]!.GetValue<string>().ShouldBe($"小类 {pooled.OccupationCode} 合并样本");
    }

    [Fact]
    public async Task Indicators_and_margins_answer_the_report_document_of_their_exports()
    {
        var indicators = await ReportShouldEqualExport("policy", "/api/indicators?month=2026-09&region=440000", "/api/export/indicators?month=2026-09&region=440000&format=json");
        var service = site.Server.Get<IndicatorService>().GetMonthly(new DateOnly(2026, 9, 1), "440000");
        indicators["rows"]!.AsArray().Select(r => r!["demand"]!.GetValue<long>()).ShouldBe(service.Select(r => r.Demand));
        indicators["columns"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "new_unemployed")!["increase"]!.GetValue<string>().ShouldBe("bad");

        var margins = await ReportShouldEqualExport("agency1", "/api/margins?from=2026-01&to=2026-06", "/api/export/margins?from=2026-01&to=2026-06&format=json");
        var own = site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A001");
        margins["rows"]!.AsArray().Select(r => r!["project_id"]!.GetValue<string>()).ShouldBe(own.Select(m => m.ProjectId));
        margins["totals"]!.AsArray().Count.ShouldBeGreaterThan(0, "the period totals per project");
    }

    [Fact]
    public async Task Supply_demand_drills_down_within_a_group_with_its_names_as_its_export_does()
    {
        var majors = await ReportShouldEqualExport("stat", "/api/supply-demand?period=2026Q3&level=major&region=440000",
            "/api/export/supply-demand?period=2026Q3&level=major&region=440000&format=json");
        var service = site.Server.Get<SupplyDemandService>();
        majors["rows"]!.AsArray().Select(r => r!["code"]!.GetValue<string>())
            .ShouldBe(service.GetByLevel(ReportingPeriod.Parse("2026Q3"), OccupationLevel.Major, "440000").Select(r => r.Code));
        var first = majors["rows"]![0]!;
        first["name"]!.GetValue<string>().ShouldBe(Analytics.Reports.Products.OccupationGroupNames.MajorNameZh(first["code"]!.GetValue<string>()));

        // a click on major group G: its medium groups only
        var group = first["code"]!.GetValue<string>();
        var medium = await ReportShouldEqualExport("stat", $"/api/supply-demand?period=2026Q3&level=medium&region=440000&group={group}",
            $"/api/export/supply-demand?period=2026Q3&level=medium&region=440000&group={group}&format=json");
        medium["rows"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ShouldBe(service
            .GetByLevel(ReportingPeriod.Parse("2026Q3"), OccupationLevel.Medium, "440000").Where(r => r.Code.StartsWith(group + "-")).Select(r => r.Code));
        medium["file_name"]!.GetValue<string>().ShouldBe($"职业供求_中类_2026Q3_440000_第{group}大类");
    }

    [Theory]
    [InlineData("/api/rankings?period=2026Q3&group=22")]
    [InlineData("/api/wages?year=2026&group=2-2")]
    [InlineData("/api/export/rankings?period=2026Q3&group=x&format=csv")]
    [InlineData("/api/export/wages?year=2026&group=2-02-1&format=xlsx")]
    public async Task A_bad_group_is_400_with_the_reason(string url)
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("group must be an occupation group code like 2, 2-02 or 2-02-10");
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

        (await GetJson("agency1", "/api/margins?from=2026-01&to=2026-06"))["rows"]!.AsArray().Select(r => r!["project_id"]!.GetValue<string>())
            .ShouldBe(own.Select(m => m.ProjectId));
        (await GetJson("admin", "/api/margins?from=2026-01&to=2026-06&agency=A002"))["rows"]!.AsArray().Select(r => r!["project_id"]!.GetValue<string>())
            .ShouldBe(other.Select(m => m.ProjectId));

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
