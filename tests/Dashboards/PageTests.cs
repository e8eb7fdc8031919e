using System.Diagnostics;
using Analytics.Ingest;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>Every page in headless Chromium, signed in through the real form, against the demo data, running in its circuit.</summary>
[Collection(DemoSiteCollection.Name)]
public class PageTests(DemoSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private readonly Browser _browser = chromium.Browser;

    private string ProjectOf(string agency) =>
        site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), agency)[0].ProjectId;

    /// <summary>Opens <paramref name="url"/> and waits until the page runs in its circuit (not only prerendered).</summary>
    private static async Task<IResponse> OpenAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url);
        await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 30_000 });
        return response!;
    }

    /// <summary>Waits until every chart on the page has been drawn by plotly (an SVG inside), and returns how many there are.</summary>
    private static async Task<int> ChartsDrawn(IPage page)
    {
        var charts = await page.QuerySelectorAllAsync(".chart");
        foreach (var chart in charts)
        {
            await page.WaitForFunctionAsync("el => el.querySelector('.main-svg') !== null", chart, new() { Timeout = 30_000 });
            int.Parse((await chart.GetAttributeAsync("data-points"))!).ShouldBeGreaterThan(0);
        }
        return charts.Count;
    }

    [Theory]
    [InlineData("policy", "/", 2, true)]
    [InlineData("policy", "/rankings?period=2026Q3", 1, true)]
    [InlineData("stat", "/wages?year=2026&region=440000", 1, true)]
    [InlineData("stat", "/data", 0, true)]
    [InlineData("agency1", "/projects?from=2026-01&to=2026-06", 1, true)]
    [InlineData("admin", "/rankings?period=2026Q3&group=4", 1, true)]
    [InlineData("admin", "/admin/users", 0, true)]
    public async Task Each_page_runs_interactively_and_draws_its_charts_with_data(string user, string url, int charts, bool hasTable)
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, user);
        (await OpenAsync(page, url)).Status.ShouldBe(200);
        (await ChartsDrawn(page)).ShouldBe(charts);
        if (hasTable) (await page.QuerySelectorAllAsync("table tbody tr")).Count.ShouldBeGreaterThan(0, await page.InnerTextAsync("main"));
        (await page.QuerySelectorAsync(".error")).ShouldBeNull();
    }

    [Fact]
    public async Task The_wall_turns_its_slides_by_itself_and_draws_each_chart()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, "/wall?seconds=1");
        (await page.QuerySelectorAllAsync(".card .value")).Count.ShouldBeGreaterThan(0);
        foreach (var slide in new[] { "shortage", "trend", "regions" })
        {
            await page.WaitForSelectorAsync($"[data-slide={slide}] .chart .main-svg", new() { Timeout = 10_000 });
        }
    }

    [Fact]
    public async Task Sign_in_loads_no_plotly_and_a_page_with_charts_does()
    {
        var context = await _browser.Chromium.NewContextAsync(new() { BaseURL = site.Server.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        var scripts = new List<string>();
        page.Request += (_, request) => { if (request.ResourceType == "script") scripts.Add(request.Url); };
        await page.GotoAsync("/login");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        scripts.ShouldNotContain(url => url.Contains("plotly", StringComparison.OrdinalIgnoreCase));
        scripts.ShouldContain(url => url.Contains("blazor.web"));
    }

    [Fact]
    public async Task A_project_drill_down_shows_costs_workers_and_receivables()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "agency1");
        var project = ProjectOf("A001");
        (await OpenAsync(page, $"/projects/{project}?from=2026-01&to=2026-06")).Status.ShouldBe(200);
        (await ChartsDrawn(page)).ShouldBe(2);
        (await page.TextContentAsync("h1"))!.ShouldContain(project);
        (await page.QuerySelectorAllAsync("#cost-table tbody tr")).Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Each_table_of_a_project_exports_the_rows_on_screen_and_another_agencys_project_exports_as_a_missing_one()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "agency1");
        var project = ProjectOf("A001");
        (await OpenAsync(page, $"/projects/{project}?from=2026-01&to=2026-06")).Status.ShouldBe(200);
        foreach (var (name, table, field) in new[] { ("workers", "workers-table", "workers"), ("costs", "cost-table", "amount"), ("receivables", "receivables-table", "outstanding") })
        {
            var shown = (await page.EvalOnSelectorAllAsync<string[]>($"#{table} tbody td[data-field={field}]", "cells => cells.map(c => c.textContent.trim())"))
                .Select(text => decimal.Parse(text.Replace("¥", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            shown.ShouldNotBeEmpty(name);
            var href = await page.GetAttributeAsync($".exports a[href*='table={name}'][href*='format=json']", "href");
            href.ShouldBe($"/api/export/project?project={project}&table={name}&from=2026-01&to=2026-06&format=json");
            var response = await page.APIRequest.GetAsync(href!);
            response.Status.ShouldBe(200);
            var rows = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement;
            (rows.ValueKind == System.Text.Json.JsonValueKind.Array ? rows : rows.GetProperty("rows")).EnumerateArray()
                .Select(r => r.GetProperty(field).GetDecimal()).ToArray().ShouldBe(shown, name);   // counts, and money to the cent: as exported
        }
        var foreign = await page.APIRequest.GetAsync($"/api/export/project?project={ProjectOf("A002")}&table=costs&format=csv");
        var missing = await page.APIRequest.GetAsync("/api/export/project?project=NO-SUCH-PROJECT&table=costs&format=csv");
        (foreign.Status, missing.Status).ShouldBe((404, 404));
        (await foreign.TextAsync()).ShouldBe(await missing.TextAsync());
    }

    [Fact]
    public async Task Another_agencys_project_answers_exactly_as_a_missing_one()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "agency1");
        var foreign = ProjectOf("A002");
        var foreignName = site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A002")[0].ProjectName!;
        var other = await page.GotoAsync($"/projects/{foreign}");
        var otherBody = await page.InnerTextAsync("main");
        var missing = await page.GotoAsync("/projects/NO-SUCH-PROJECT");
        var missingBody = await page.InnerTextAsync("main");
        other!.Status.ShouldBe(404);
        missing!.Status.ShouldBe(404);
        otherBody.ShouldBe(missingBody);
        otherBody.ShouldContain("页面不存在");
        (await page.ContentAsync()).ShouldNotContain(foreignName);
        (await page.QuerySelectorAsync("#cost-table")).ShouldBeNull();
        // The list holds only their agency's projects, and another agency's list is refused.
        await OpenAsync(page, "/projects?from=2026-01&to=2026-06");
        var listed = await page.EvalOnSelectorAllAsync<string[]>("#margin-table tbody tr", "rows => rows.map(r => r.getAttribute('data-key'))");
        listed.ShouldNotBeEmpty();
        var own = site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A001").Select(m => m.ProjectId).ToHashSet();
        listed.ShouldAllBe(p => own.Contains(p));
        (await page.GotoAsync("/projects?agency=A002"))!.Status.ShouldBe(403);
        (await page.QuerySelectorAsync("#margin-table")).ShouldBeNull();
    }

    [Fact]
    public async Task Error_pages_are_in_the_readers_language()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "agency1");
        (await page.GotoAsync("/rankings"))!.Status.ShouldBe(403);
        (await page.InnerTextAsync("body")).ShouldContain("无权访问");
        (await page.GotoAsync("/no-such-page?lang=en"))!.Status.ShouldBe(404);
        (await page.InnerTextAsync("body")).ShouldContain("Page not found");
    }

    [Fact]
    public async Task In_English_the_notes_under_each_table_are_English()
    {
        // method paragraph, thresholds (by their configuration key) and data-as-of line: no Han character left
        foreach (var (user, url) in new[] { ("stat", "/rankings?period=2026Q3&lang=en"), ("policy", "/?lang=en"),
                     ("agency1", "/projects?from=2026-01&to=2026-06&lang=en"), ("inspector", "/wage-payment?month=2026-09&as_of=2026-11-30&lang=en") })
        {
            var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, user);
            await OpenAsync(page, url);
            try { await page.WaitForSelectorAsync(".notes .method", new() { Timeout = 30_000 }); }
            catch (TimeoutException) { throw new ShouldAssertException($"{url}: no method note shown"); }
            var notes = await page.Locator(".notes .method, .notes .thresholds, .notes .data-as-of").AllInnerTextsAsync();
            notes.ShouldNotBeEmpty(url);
            notes.ShouldAllBe(text => !System.Text.RegularExpressions.Regex.IsMatch(text, @"\p{IsCJKUnifiedIdeographs}"), url);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_filter_applies_without_a_reload_and_Back_restores_the_previous_filters()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, "/rankings?period=2026Q3");
        await ChartsDrawn(page);
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var national = await page.TextContentAsync("#ranking-table tfoot");
        var nationalTitle = await page.TextContentAsync("h1");

        await page.SelectOptionAsync("select[name=region]", "320000");
        await page.ApplyFiltersAsync(url => url.Contains("region=320000"));
        await page.WaitForFunctionAsync("t => document.querySelector('#ranking-table tfoot')?.textContent !== t", national);
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue();
        (await page.TextContentAsync("h1"))!.ShouldNotBe(nationalTitle);
        (await page.InputValueAsync("select[name=region]")).ShouldBe("320000");

        await page.GoBackAsync();
        await page.WaitForLocationAsync(url => !url.Contains("region="));
        await page.WaitForFunctionAsync("t => document.querySelector('#ranking-table tfoot')?.textContent === t", national);
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue();
        (await page.InputValueAsync("select[name=region]")).ShouldBe("");
        (await page.InputValueAsync("input[name=period]")).ShouldBe("2026Q3");
        await page.WaitForFunctionAsync("t => document.querySelector('h1')?.textContent === t", nationalTitle, new() { Timeout = 5_000 });
    }

    /// <summary>Drops one vacancy of the occupation (2026-08, region 440106) in the inbox and commits it with the host's own pass.</summary>
    private async Task CommitVacancyAsync(string occupation, int positions)
    {
        var inbox = Path.Combine(site.DataDirectory, "inbox", "vacancies");
        Directory.CreateDirectory(inbox);
        await File.WriteAllTextAsync(Path.Combine(inbox, $"zz-live-{Guid.NewGuid():N}.csv"),
            $"posting_id,registered_on,region_code,employer_id,occupation_code,positions\nLIVE-{Guid.NewGuid():N},2026-08-15,440106,E-LIVE,{occupation},{positions}\n");
        (await site.Server.Get<IngestRunner>().RunPassAsync()).Files.ShouldContain(f => f.Status == "loaded");
    }

    [Fact]
    public async Task A_live_update_keeps_a_filter_the_reader_is_choosing_and_the_exports_keep_what_is_on_screen()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, "/rankings?period=2026Q3");
        var region = await page.EvalOnSelectorAsync<string>("select[name=region]", "s => [...s.options].map(o => o.value).find(v => v.length === 6)");
        await page.SelectOptionAsync("select[name=region]", region);      // chosen, not yet applied
        await page.FillAsync("input[name=period]", "2026Q2");

        await CommitVacancyAsync("1-01-00-01", 5);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-live-updates]')?.getAttribute('data-live-updates') !== '0'",
            null, new() { Timeout = 30_000 });

        // The batch re-read the figures of the URL's filters; the form still holds the reader's choice.
        (await page.InputValueAsync("select[name=region]")).ShouldBe(region);
        (await page.InputValueAsync("input[name=period]")).ShouldBe("2026Q2");
        (await page.GetAttributeAsync(".exports a[href*='format=csv']", "href")).ShouldBe("/api/export/rankings?period=2026Q3&format=csv");
        await page.ApplyFiltersAsync(url => url.Contains($"region={region}") && url.Contains("period=2026Q2"));
    }

    [Fact]
    public async Task A_batch_dropped_in_the_inbox_updates_an_open_page_in_place_within_a_second_of_its_commit()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, "/rankings?period=2026Q3");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var code = await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(2)");
        var before = long.Parse((await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(4)"))!.Replace(",", ""));

        var clock = Stopwatch.StartNew();
        TimeSpan? committed = null;
        void Committed(object? sender, LakeChangedEventArgs e) => committed ??= clock.Elapsed;
        site.Server.Get<LakeEvents>().LakeChanged += Committed;
        try
        {
            await CommitVacancyAsync(code!, 500);

            await page.WaitForFunctionAsync("() => document.querySelector('[data-live-updates]')?.getAttribute('data-live-updates') !== '0'",
                null, new() { Timeout = 30_000, PollingInterval = 20 });
            var shown = clock.Elapsed;
            committed.ShouldNotBeNull();
            (shown - committed.Value).ShouldBeLessThan(TimeSpan.FromSeconds(1));
        }
        finally { site.Server.Get<LakeEvents>().LakeChanged -= Committed; }
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue();
        var row = page.Locator("#ranking-table tbody tr", new() { HasText = code! });
        long.Parse((await row.Locator("td:nth-child(4)").TextContentAsync())!.Replace(",", "")).ShouldBe(before + 500);
        (await page.InputValueAsync("input[name=period]")).ShouldBe("2026Q3");
        (await page.TextContentAsync("[data-updated]"))!.ShouldMatch(@"^\d{2}:\d{2}:\d{2}$");
    }
}
