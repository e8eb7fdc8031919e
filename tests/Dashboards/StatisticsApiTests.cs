using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Dashboards.Api;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.Structure;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>/api/structure and /api/release (compliance-and-statistics.md B.1, C) and their exports, under the LabourMarket policy.</summary>
[Collection(DemoSiteCollection.Name)]
public class StatisticsApiTests(DemoSite site)
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

    [Fact]
    public async Task Structure_answers_what_the_service_answers_with_snake_case_keys()
    {
        var api = await GetJson("stat", "/api/structure?period=2026Q3&breakdown=age_band&region=440000");
        var service = site.Server.Get<StructureService>().Get(ReportingPeriod.Parse("2026Q3"), StructureBreakdown.AgeBand, "440000");
        service.Rows.ShouldNotBeEmpty();
        api.ToJsonString().ShouldBe(JsonSerializer.SerializeToNode(service, Json)!.ToJsonString());
        api["breakdown"]!.GetValue<string>().ShouldBe("age_band");
        api["rows"]![0]!.AsObject().Select(p => p.Key).ShouldBe(["key", "demand", "supply", "demand_share_pct", "supply_share_pct", "ratio"]);
    }

    [Fact]
    public async Task Release_answers_what_the_service_answers()
    {
        var api = await GetJson("policy", "/api/release?period=2026Q3&top=20");
        var service = site.Server.Get<RankingReleaseService>().Get(ReportingPeriod.Parse("2026Q3"), top: 20);
        api.ToJsonString().ShouldBe(JsonSerializer.SerializeToNode(service, Json)!.ToJsonString());
        api["listed"]!.GetValue<int>().ShouldBe(service.Listed);
        api["top_entering"]!.AsArray().Count.ShouldBe(service.TopEntering.Count);
    }

    [Theory]
    [InlineData("/api/structure?breakdown=age", HttpStatusCode.BadRequest)]
    [InlineData("/api/structure?period=2026Q5", HttpStatusCode.BadRequest)]
    [InlineData("/api/release?period=2026Q3&top=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/release?period=2026Q3&kind=weird", HttpStatusCode.BadRequest)]
    [InlineData("/api/export/structure?breakdown=industry&format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("/api/structure", HttpStatusCode.OK)]
    [InlineData("/api/release", HttpStatusCode.OK)]
    public async Task Bad_filters_are_400_and_no_filters_the_latest_quarter(string url, HttpStatusCode expected)
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        (await client.GetAsync(url)).StatusCode.ShouldBe(expected);
    }

    [Theory]
    [InlineData("/api/structure", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/structure", "agency1", HttpStatusCode.Forbidden)]
    [InlineData("/api/structure", "policy", HttpStatusCode.OK)]
    [InlineData("/api/release", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/release", "agency1", HttpStatusCode.Forbidden)]
    [InlineData("/api/release", "admin", HttpStatusCode.OK)]
    [InlineData("/api/export/structure?format=csv", "agency1", HttpStatusCode.Forbidden)]
    [InlineData("/api/export/release?format=json", "agency2", HttpStatusCode.Forbidden)]
    [InlineData("/api/export/release?format=json", "stat", HttpStatusCode.OK)]
    public async Task Only_the_labour_market_roles_reach_them(string route, string? user, HttpStatusCode expected)
    {
        using var client = user is null ? site.Server.AnonymousClient() : await site.Server.SignedInClientAsync(user);
        (await client.GetAsync(route)).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Exports_are_the_publish_files()
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var csv = await client.GetAsync("/api/export/structure?period=2026Q3&breakdown=education&format=csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').ShouldStartWith("key,demand,supply,demand_share_pct,supply_share_pct,ratio");
        var release = await client.GetAsync("/api/export/release?period=2026Q3&format=json");
        release.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await release.Content.ReadAsStringAsync())!["demand_total"]!.GetValue<long>()
            .ShouldBe(site.Server.Get<RankingReleaseService>().Get(ReportingPeriod.Parse("2026Q3")).DemandTotal);
    }
}
