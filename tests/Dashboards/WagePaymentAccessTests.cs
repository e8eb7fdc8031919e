using System.Net;
using System.Text.Json.Nodes;
using Analytics.Dashboards.Auth;
using Analytics.Tests.Marts;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// product.md's access rule over real HTTP, on the worked example's lake plus GC-009 outside 武汉市:
/// an inspector of 武汉市 (scope 420100) sees only its projects and never a worker row; officer1 (GC-001)
/// and officer2 (GC-002, GC-003) see only theirs, and another's project answers as a missing one.
/// </summary>
public sealed class WagePaymentAccessTests : IAsyncLifetime
{
    private readonly WageLake _lake = WagePaymentFixtures.WorkedExample();
    private AppServer _server = default!;
    private List<string> _hashes = [];

    public async Task InitializeAsync()
    {
        _lake.Drop("construction_projects", $"{WageLake.ProjectHeader}\nGC-009,黄石港棚改,420202,housing,C9,黄石建工,黄石城投,1000000.00,20,2026-01-01,2026-12-31,15,next,2026-01-10,exempt,,true,")
            .Drop("site_roster", $"{WageLake.RosterHeader}\nGC-009,z1,2026-03-01,,C9,,2026-03-01,true")
            .Drop("site_payroll", $"{WageLake.PayrollHeader}\n2026-04,GC-009,C9,z1,9999.00,0,,,true")
            .Ingest();
        _hashes = _lake.Query("SELECT worker_id FROM site_payroll UNION SELECT worker_id FROM site_roster").Select(r => (string)r[0]!).ToList();
        _server = await AppServer.StartAsync(_lake.Root);
        // the worked example lies in 武汉市; the demo inspector's scope is 广州市, so this one is 武汉's (password "inspector-demo")
        _server.Get<UserStore>().Add(new AppUser("inspector-wh", "劳动监察员 武汉市", Roles.LabourInspector, null, PasswordHasher.Hash("inspector-demo"))
            { RegionScope = "420100" });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _lake.Dispose();
    }

    private async Task<(HttpStatusCode Status, string Body)> Get(string user, string url)
    {
        using var client = user == "inspector"
            ? await _server.SignedInClientAsync("inspector-wh", password: "inspector-demo")
            : await _server.SignedInClientAsync(user);
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonArray> GetArray(string user, string url)
    {
        var (status, body) = await Get(user, url);
        status.ShouldBe(HttpStatusCode.OK, $"{user} {url}: {body}");
        return JsonNode.Parse(body)!.AsArray();
    }

    private static string[] Ids(JsonArray rows) => rows.Select(r => (string)r!["project_id"]!).Distinct().ToArray();

    private void ShouldCarryNoWorker(string body)
    {
        body.ShouldNotContain("worker_key");
        foreach (var hash in _hashes) body.ShouldNotContain(hash[..8]);
    }

    [Fact]
    public async Task The_inspector_sees_only_projects_in_scope_and_no_worker_row()
    {
        const string asOf = "as_of=2026-05-20";
        var projects = await GetArray("inspector", $"/api/wage-payment/projects?month=2026-04&{asOf}");
        Ids(projects).ShouldBe(["GC-001", "GC-002", "GC-003"]);          // GC-009 lies in 420202, outside 420100
        Ids(await GetArray("inspector", $"/api/wage-payment/arrears?{asOf}")).ShouldBe(["GC-003", "GC-001"]);
        Ids(await GetArray("admin", $"/api/wage-payment/arrears?{asOf}")).ShouldBe(["GC-003", "GC-009", "GC-001"]); // 15,000; 9,999; 2,300
        var rollup = await GetArray("inspector", $"/api/wage-payment/rollup?month=2026-04&{asOf}");
        ((string)rollup[0]!["region_code"]!, (decimal)rollup[0]!["arrears"]!).ShouldBe(("420100", 11_300.00m));
        foreach (var url in new[] { "/api/wage-payment/projects?month=2026-04", "/api/wage-payment/arrears?", "/api/wage-payment/rollup?month=2026-04" })
            ShouldCarryNoWorker((await Get("inspector", $"{url}&{asOf}")).Body);

        // a project outside the scope is answered exactly as a missing one; the drill-down too
        var outside = await Get("inspector", $"/api/wage-payment/projects/GC-009?{asOf}");
        var missing = await Get("inspector", $"/api/wage-payment/projects/GC-404?{asOf}");
        outside.Status.ShouldBe(HttpStatusCode.NotFound);
        outside.ShouldBe(missing);
        (await Get("inspector", $"/api/wage-payment/projects/GC-001?{asOf}")).Status.ShouldBe(HttpStatusCode.OK);
        (await Get("inspector", $"/api/wage-payment/projects/GC-001/drilldown?month=2026-04&{asOf}")).ShouldBe(missing);
        // a region outside the scope is answered as an unknown region
        var foreign = await Get("inspector", $"/api/wage-payment/rollup?month=2026-04&region=420200&{asOf}");
        var unknown = await Get("inspector", $"/api/wage-payment/rollup?month=2026-04&region=999999&{asOf}");
        foreign.Status.ShouldBe(HttpStatusCode.BadRequest);
        foreign.Body.Replace("420200", "999999").ShouldBe(unknown.Body);
    }

    [Fact]
    public async Task A_wage_officer_sees_only_the_bound_projects_and_their_drill_down()
    {
        const string asOf = "as_of=2026-05-20";
        Ids(await GetArray("officer1", $"/api/wage-payment/projects?month=2026-04&{asOf}")).ShouldBe(["GC-001"]);
        Ids(await GetArray("officer2", $"/api/wage-payment/projects?month=2026-04&{asOf}")).ShouldBe(["GC-002", "GC-003"]);
        var missing = await Get("officer1", $"/api/wage-payment/projects/GC-404?{asOf}");
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        (await Get("officer1", $"/api/wage-payment/projects/GC-002?{asOf}")).ShouldBe(missing);
        (await Get("officer1", $"/api/wage-payment/projects/GC-002/drilldown?month=2026-04&{asOf}")).ShouldBe(missing);
        (await Get("officer2", $"/api/wage-payment/projects/GC-001/drilldown?month=2026-04&{asOf}")).ShouldBe(missing);

        var drill = await GetArray("officer1", $"/api/wage-payment/projects/GC-001/drilldown?month=2026-04&{asOf}");
        drill.Select(r => (string)r!["list"]!).ShouldBe(["outstanding", "late_payment", "attended_not_paid", "paid_not_on_roster", "no_contract", "unsigned", "no_bank_card"]);
        drill.ShouldAllBe(r => ((string)r!["worker_key"]!).Length == 8 && r["source_file"] != null && r["source_line"] != null);
        var body = (await Get("officer1", $"/api/wage-payment/projects/GC-001/drilldown?month=2026-04&{asOf}")).Body;
        foreach (var hash in _hashes) body.ShouldNotContain(hash);                 // the key, never the hash
        // the roll-up and the ranking are the inspection side's; a statistician has no wage-payment access at all
        (await Get("officer1", $"/api/wage-payment/rollup?month=2026-04&{asOf}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Get("officer1", $"/api/wage-payment/arrears?{asOf}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Get("stat", $"/api/wage-payment/projects?{asOf}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await Get("admin", $"/api/wage-payment/projects/GC-001/drilldown?month=2026-04&{asOf}")).ShouldBe(missing); // not even an admin
    }

    [Fact]
    public async Task Exports_keep_the_binding_and_never_carry_a_worker()
    {
        const string query = "month=2026-04&as_of=2026-05-20";
        foreach (var format in new[] { "csv", "json", "html" })
        {
            var (status, body) = await Get("inspector", $"/api/export/wage-payment?kind=projects&{query}&format={format}");
            status.ShouldBe(HttpStatusCode.OK, body);
            body.ShouldContain("GC-001");
            body.ShouldNotContain("GC-009");
            ShouldCarryNoWorker(body);
            var arrears = await Get("inspector", $"/api/export/wage-payment?kind=arrears&as_of=2026-05-20&format={format}");
            arrears.Body.ShouldNotContain("GC-009");
            ShouldCarryNoWorker(arrears.Body);
            ShouldCarryNoWorker((await Get("inspector", $"/api/export/wage-payment?kind=rollup&{query}&format={format}")).Body);
        }
        (await Get("inspector", $"/api/export/wage-payment?kind=rollup&{query}&region=420200&format=csv")).Status.ShouldBe(HttpStatusCode.BadRequest);
        var officer = JsonNode.Parse((await Get("officer1", $"/api/export/wage-payment?kind=projects&{query}&format=json")).Body)!.AsArray();
        Ids(officer).ShouldBe(["GC-001"]);
        (await Get("officer1", $"/api/export/wage-payment?kind=arrears&as_of=2026-05-20&format=json")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
