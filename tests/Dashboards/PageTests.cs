using Analytics.Ingest;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>Every page in headless Chromium, signed in through the real form, against the demo data.</summary>
[Collection(DemoSiteCollection.Name)]
public class PageTests(DemoSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private readonly Browser _browser = chromium.Browser;

    private string ProjectOf(string agency) =>
        site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), agency)[0].ProjectId;

    /// <summary>Waits until every chart on the page has been drawn by plotly, and returns how many there are.</summary>
    private static async Task<int> ChartsDrawn(IPage page)
    {
        var charts = await page.QuerySelectorAllAsync(".chart");
        foreach (var chart in charts)
        {
            await page.WaitForFunctionAsync("el => el.getAttribute('data-drawn') !== null && el.querySelector('.main-svg') !== null", chart);
            int.Parse((await chart.GetAttributeAsync("data-drawn"))!).ShouldBeGreaterThan(0);
        }
        return charts.Count;
    }

    [Theory]
    [InlineData("policy", "/", 2, true)]
    [InlineData("policy", "/rankings?period=2026Q3", 1, true)]
    [InlineData("stat", "/wages?year=2026&region=440000", 1, true)]
    [InlineData("stat", "/data", 0, true)]
    [InlineData("stat", "/wall", 3, false)]
    [InlineData("agency1", "/projects?from=2026-01&to=2026-06", 1, true)]
    [InlineData("admin", "/admin/users", 0, true)]
    public async Task Each_page_draws_its_charts_with_data(string user, string url, int charts, bool hasTable)
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, user);
        var response = await page.GotoAsync(url);
        response!.Status.ShouldBe(200);
        (await ChartsDrawn(page)).ShouldBe(charts);
        if (hasTable) (await page.QuerySelectorAllAsync("table tbody tr")).Count.ShouldBeGreaterThan(0);
        else (await page.QuerySelectorAllAsync(".card .value")).Count.ShouldBeGreaterThan(0);
        (await page.QuerySelectorAsync(".error")).ShouldBeNull();
    }

    [Fact]
    public async Task A_project_drill_down_shows_costs_workers_and_receivables()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "agency1");
        var project = ProjectOf("A001");
        (await page.GotoAsync($"/projects/{project}?from=2026-01&to=2026-06"))!.Status.ShouldBe(200);
        (await ChartsDrawn(page)).ShouldBe(2);
        (await page.TextContentAsync("h1"))!.ShouldContain(project);
        (await page.QuerySelectorAllAsync("#cost-table tbody tr")).Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_agency_manager_cannot_reach_another_agencys_project()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "agency1");
        var foreign = ProjectOf("A002");
        var foreignName = site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A002")[0].ProjectName!;
        var detail = await page.GotoAsync($"/projects/{foreign}");
        detail!.Status.ShouldBe(403);
        (await page.QuerySelectorAsync("#cost-table")).ShouldBeNull();
        (await page.ContentAsync()).ShouldNotContain(foreignName);
        (await page.GotoAsync("/projects?agency=A002"))!.Status.ShouldBe(403);
        (await page.QuerySelectorAsync("#margin-table")).ShouldBeNull();
        // Their own list holds only their agency's projects.
        await page.GotoAsync("/projects?from=2026-01&to=2026-06");
        var listed = await page.EvalOnSelectorAllAsync<string[]>("#margin-table tbody tr", "rows => rows.map(r => r.getAttribute('data-project'))");
        listed.ShouldNotBeEmpty();
        var own = site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A001").Select(m => m.ProjectId).ToHashSet();
        listed.ShouldAllBe(p => own.Contains(p));
    }

    [Fact]
    public async Task Changing_a_filter_changes_the_figures_and_keeps_them_in_the_url()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await page.GotoAsync("/rankings?period=2026Q3");
        var national = await page.TextContentAsync("#ranking-table tfoot");
        await page.SelectOptionAsync("select[name=region]", "320000");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("region=320000"));
        await ChartsDrawn(page);
        var jiangsu = await page.TextContentAsync("#ranking-table tfoot");
        jiangsu.ShouldNotBe(national);
        (await page.InputValueAsync("select[name=region]")).ShouldBe("320000");
    }

    [Fact]
    public async Task A_committed_batch_updates_an_open_page_without_a_reload()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await page.GotoAsync("/rankings?period=2026Q3");
        await page.WaitForSelectorAsync("body[data-live-connected=true]");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var code = await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(2)");
        var before = long.Parse((await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(4)"))!.Replace(",", ""));

        var inbox = Path.Combine(site.DataDirectory, "inbox", "vacancies");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, "zz-live-test.csv"),
            $"posting_id,registered_on,region_code,employer_id,occupation_code,positions\nLIVE-{Guid.NewGuid():N},2026-08-15,440106,E-LIVE,{code},500\n");
        (await site.Server.Get<IngestRunner>().RunPassAsync()).Files.ShouldContain(f => f.Status == "loaded");

        // Generous: the speed of the push is held by the load bench, not by this test.
        await page.WaitForSelectorAsync("body[data-refreshes]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue();
        var row = page.Locator("#ranking-table tbody tr", new() { HasText = code! });
        var after = long.Parse((await row.Locator("td:nth-child(4)").TextContentAsync())!.Replace(",", ""));
        after.ShouldBe(before + 500);
        (await page.InputValueAsync("input[name=period]")).ShouldBe("2026Q3");
    }
}
