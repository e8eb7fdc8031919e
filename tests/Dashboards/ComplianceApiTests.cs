using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Dashboards.Api;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>The margins API and export carry the compliance fields of compliance-and-statistics.md A.4 and take the as-of day.</summary>
[Collection(DemoSiteCollection.Name)]
public class ComplianceApiTests(DemoSite site)
{
    private static readonly MonthRange Quarter = MonthRange.Parse("2026-07", "2026-09");
    private static readonly DateOnly AsOf = new(2026, 10, 10);

    [Fact]
    public async Task The_margins_api_answers_the_service_with_the_new_fields_at_the_as_of_day()
    {
        using var client = await site.Server.SignedInClientAsync("admin");
        var response = await client.GetAsync("/api/margins?from=2026-07&to=2026-09&agency=A003&asOf=2026-10-10");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        // the API answers the report document; its rows are the JSON export of the same request
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["rows"]!.AsArray();
        var export = JsonNode.Parse(await client.GetStringAsync("/api/export/margins?from=2026-07&to=2026-09&agency=A003&asOf=2026-10-10&format=json"))!.AsArray();
        api.ToJsonString().ShouldBe(export.ToJsonString());
        // one row per project and month the service computes at that cut-off
        api.Count.ShouldBe(site.Server.Get<ProjectMarginService>().GetMonthly(Quarter, "A003", asOf: AsOf).Count);
        var uncontracted = api.Single(r => r!["project_id"]!.GetValue<string>() == "A003-P001" && r["month"]!.GetValue<string>().StartsWith("2026-09"))!;
        foreach (var field in new[] { "joiners", "leavers", "client_headcount", "client_workforce", "no_contract_workers",
                     "expiring_contract_workers", "si_missing_workers", "si_floor", "si_below_floor_workers", "due_soon_invoices" })
            uncontracted.AsObject().ContainsKey(field).ShouldBeTrue(field);
        uncontracted["no_contract_workers"]!.GetValue<int>().ShouldBe(1);
        uncontracted["alerts"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("no_contract");
    }

    [Fact]
    public async Task A_bad_as_of_is_400_on_the_api_and_the_export()
    {
        using var client = await site.Server.SignedInClientAsync("agency1");
        foreach (var url in new[] { "/api/margins?from=2026-07&to=2026-09&asOf=2026-02-30", "/api/export/margins?from=2026-07&to=2026-09&format=json&asOf=2026-02-30" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain("Unknown day format", Case.Sensitive, url);
        }
    }

    [Fact]
    public async Task The_margins_export_carries_the_new_fields_as_the_service_computes_them()
    {
        using var client = await site.Server.SignedInClientAsync("agency1");
        var json = JsonNode.Parse(await client.GetStringAsync("/api/export/margins?from=2026-07&to=2026-09&format=json&asOf=2026-10-10"))!.AsArray();
        var own = site.Server.Get<ProjectMarginService>().GetMonthly(Quarter, "A001", asOf: AsOf);
        json.Select(r => (r!["project_id"]!.GetValue<string>(), r["si_floor"]!.GetValue<decimal>(), r["si_below_floor_workers"]!.GetValue<int>(),
                r["client_headcount"]!.GetValue<int>(), r["due_soon_invoices"]!.GetValue<int>()))
            .ShouldBe(own.Select(m => (m.ProjectId, m.SiFloor!.Value, m.SiBelowFloorWorkers, m.ClientHeadcount, m.DueSoonInvoices)));
        own.ShouldContain(m => m.SiBelowFloorWorkers > 0, "A001-P003 declares last year's floor from 2026-07");
    }
}
