using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Data;
using Analytics.Reports.Products;
using Analytics.Warehouse.Marts.WagePayment;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// The construction wage-payment pages (issue 13, product.md) in headless Chromium on the demo data: the demo
/// inspector's scope is 广州市 (440100), officer1 is bound to GC-001, officer2 to GC-002 and GC-003. The cut-off
/// day is pinned (2026-11-30, after the demo's export day) so September's wages are past due.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public partial class WagePaymentPageTests(DemoSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const string AsOf = "2026-11-30", Month = "2026-09";
    private readonly Browser _browser = chromium.Browser;

    private static async Task OpenAsync(IPage page, string url)
    {
        (await page.GotoAsync(url))!.Status.ShouldBe(200);
        await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 30_000 });
    }

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

    /// <summary>An 18-character resident id (17 digits and a check character) or a stored hash (64 hex): never on a page.</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])|[0-9a-f]{64}")]
    private static partial Regex IdShaped();

    /// <summary>What the page shows and carries: its text and its markup (attributes included), without Blazor's own comment markers.</summary>
    private static async Task<string> IdShapedText(IPage page) =>
        IdShaped().Match(await page.InnerTextAsync("body") + "\n"
            + Regex.Replace(await page.InnerHTMLAsync("main"), "<!--.*?-->", "", RegexOptions.Singleline)).Value;

    /// <summary>What the page's XLSX export link downloads, with the page's own sign-in (a file deleted on dispose).</summary>
    private static async Task<(Analytics.Tests.Reports.XlsxWorkbook Workbook, string Path)> PageXlsx(IPage page)
    {
        var href = await page.GetAttributeAsync(".exports a[href*='format=xlsx']", "href");
        href.ShouldNotBeNull();
        var response = await page.Context.APIRequest.GetAsync(href);
        response.Status.ShouldBe(200, href);
        var path = Path.Combine(Path.GetTempPath(), $"wage-page-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, await response.BodyAsync());
        return (new Analytics.Tests.Reports.XlsxWorkbook(path), path);
    }

    private static decimal Money(string cell) => decimal.Parse(cell.Replace("¥", "").Replace(",", ""), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_inspector_overview_is_live_filters_without_reload_exports_what_it_shows_and_drills_to_a_project()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "inspector");
        page.Url.ShouldEndWith("/wage-payment");                                  // the inspector lands on the overview
        await OpenAsync(page, $"/wage-payment?month={Month}&as_of={AsOf}");
        (await ChartsDrawn(page)).ShouldBe(2);                                    // the arrears trend and the regions compared
        var rollupRows = page.Locator("#rollup-table tbody tr");
        (await rollupRows.CountAsync()).ShouldBeGreaterThan(1);
        var names = site.Server.Get<ReferenceData>().RegionNames();
        // regions and sectors read by name on the page (广州市, 住建); CSV/JSON keep the codes
        (await page.TextContentAsync("#rollup-table tbody tr:first-child td[data-field=region_code]"))!.Trim().ShouldBe(names["440100"]);
        (await page.Locator("#arrears-table tbody tr").CountAsync()).ShouldBeGreaterThan(0, await page.InnerTextAsync("main"));
        (await page.QuerySelectorAsync(".error")).ShouldBeNull();

        // the JSON export of the roll-up is the table on screen, row for row
        var href = await page.GetAttributeAsync(".exports a[href*='kind=rollup'][href*='format=json']", "href");
        href.ShouldNotBeNull();
        href.ShouldContain($"month={Month}");
        href.ShouldContain($"as_of={AsOf}");
        var exported = JsonNode.Parse(await (await page.Context.APIRequest.GetAsync(href)).TextAsync())!.AsArray();
        var shown = await rollupRows.EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => ['region_code', 'sector', 'projects', 'projects_wage_arrears', 'arrears', 'arrears_workers']" +
            ".map(f => r.querySelector(`td[data-field=${f}]`).textContent.trim()))");
        shown.Length.ShouldBe(exported.Count);
        for (var i = 0; i < shown.Length; i++)
        {
            var row = exported[i]!;
            shown[i][0].ShouldBe((string?)row["region_code"] is { } code ? names[code] : "—");     // a null cell reads as a dash
            shown[i][1].ShouldBe((string?)row["sector"] is { } sector ? WagePaymentReport.SectorName(sector, english: false) : "—");
            int.Parse(shown[i][2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBe((int)row["projects"]!);
            int.Parse(shown[i][3], NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBe((int)row["projects_wage_arrears"]!);
            Money(shown[i][4]).ShouldBe((decimal)row["arrears"]!);
            int.Parse(shown[i][5], NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBe((int)row["arrears_workers"]!);
        }

        // a filter is a navigation in the circuit: no reload, the URL carries it, the table follows
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        var before = await page.TextContentAsync("#rollup-table tbody");
        var child = exported.Select(r => (string?)r!["region_code"]).First(code => code is { Length: 6 } && code != "440100")!;
        await page.SelectOptionAsync("select[name=region]", child);
        await page.ApplyFiltersAsync(url => url.Contains($"region={child}"));   // an in-circuit navigation fires no load event: wait for the URL
        await page.WaitForFunctionAsync("t => document.querySelector('#rollup-table tbody')?.textContent !== t", before);
        (await page.TextContentAsync("#rollup-table tbody tr:first-child td[data-field=region_code]"))!.Trim().ShouldBe(names[child]);
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue();
        // a region outside the scope reads as an unknown one
        await OpenAsync(page, $"/wage-payment?month={Month}&as_of={AsOf}&region=320100");
        (await page.TextContentAsync(".error"))!.ShouldContain("320100");
        (await page.QuerySelectorAsync("#rollup-table")).ShouldBeNull();

        // the ranking drills down to the project page: figures and alerts, never a worker row
        await OpenAsync(page, $"/wage-payment?month={Month}&as_of={AsOf}");
        var project = (await page.GetAttributeAsync("#arrears-table tbody tr:first-child", "data-key"))!;
        await page.ClickAsync("#arrears-table tbody tr:first-child td[data-field=project_id] a");
        await page.WaitForLocationAsync(url => url.Contains($"/wage-payment/projects/{project}"));
        await page.WaitForSelectorAsync("#month-figures");
        (await page.TextContentAsync("h1"))!.ShouldContain(project);
        (await ChartsDrawn(page)).ShouldBe(2);                                    // wage trend, labour cost transferred vs expected
        (await page.Locator("#alert-list li[data-alert=wage_arrears]").CountAsync()).ShouldBe(1);
        (await page.GetAttributeAsync("#alert-list li[data-alert=wage_arrears] a", "href")).ShouldBe("#figure-arrears");
        Money((await page.TextContentAsync("#figure-arrears td"))!).ShouldBeGreaterThan(0m);
        (await page.QuerySelectorAsync("#drill-down")).ShouldBeNull();
        (await page.QuerySelectorAllAsync(".worker-key")).ShouldBeEmpty();
        (await IdShapedText(page)).ShouldBeEmpty();
        // and the page's XLSX is the project's month row alone: no drill-down sheet for an inspector
        var (workbook, path) = await PageXlsx(page);
        using (workbook)
        {
            workbook.SheetNames.ShouldBe(["数据", "说明"]);
            workbook.Text(workbook.Sheet("数据"), "A2").ShouldBe(project);
        }
        File.Delete(path);
    }

    [Fact]
    public async Task Officer1_lands_on_GC_001_with_the_drill_down_by_worker_key_and_GC_002_reads_as_missing()
    {
        var service = site.Server.Get<WagePaymentService>();
        var asOf = DateOnly.Parse(AsOf, CultureInfo.InvariantCulture);
        var month = DateOnly.Parse(Month + "-01", CultureInfo.InvariantCulture);
        var rows = service.GetDrillDown("GC-001", month, asOf);
        rows.ShouldNotBeEmpty();                                                  // the demo's GC-001 has rows to check in September

        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "officer1");
        page.Url.ShouldContain("/wage-payment/projects/GC-001");                  // lands on the bound project
        await OpenAsync(page, $"/wage-payment/projects/GC-001?month={Month}&as_of={AsOf}");
        (await ChartsDrawn(page)).ShouldBe(2);
        var keys = await page.Locator("#drill-down .worker-key").AllTextContentsAsync();
        keys.Count.ShouldBe(rows.Count);
        keys.ShouldAllBe(k => Regex.IsMatch(k, "^[0-9a-f]{8}$"));
        keys.Order().ShouldBe(rows.Select(r => r.WorkerKey).Order());
        (await page.Locator("#drill-down .source-file").AllTextContentsAsync()).ShouldAllBe(f => f.Length > 0);
        foreach (var list in rows.Select(r => r.List).Distinct())
            (await page.Locator($"table.drill-down[data-list={list}] tbody tr").CountAsync()).ShouldBe(rows.Count(r => r.List == list));
        (await IdShapedText(page)).ShouldBeEmpty();

        // the page's XLSX export carries one sheet per drill-down list, each holding the page's rows of that list
        var (workbook, path) = await PageXlsx(page);
        using (workbook)
        {
            workbook.SheetNames.ShouldBe(["数据", .. WageDrillDownReport.Lists.Select(l => l.SheetName), "说明"]);
            foreach (var list in WageDrillDownReport.Lists)
            {
                var sheet = workbook.Sheet(list.SheetName);
                var count = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count() - 1;
                // columns A project_id, B worker_key, last two source_file and source_line (WageDrillDownReport's order)
                var last = (char)('A' + WageDrillDownReport.Columns(list, withProject: true).Count - 1);
                var sheetRows = Enumerable.Range(2, count).Select(r => string.Join("|", workbook.Text(sheet, $"A{r}"), workbook.Text(sheet, $"B{r}"),
                    workbook.Text(sheet, $"{(char)(last - 1)}{r}"), workbook.Text(sheet, $"{last}{r}"))).ToArray();
                var pageRows = await page.Locator($"table.drill-down[data-list={list.Name}] tbody tr").EvaluateAllAsync<string[]>(
                    "rows => rows.map(r => ['worker_key', 'source_file', 'source_line'].map(f => r.querySelector(`td[data-field=${f}]`).textContent.trim()).join('|'))");
                sheetRows.ShouldBe(pageRows.Select(r => "GC-001|" + r.Replace(",", "")).ToArray(), list.Name);   // the page shows line 1,234 with a separator
            }
            workbook.Text(workbook.Sheet("数据"), "A2").ShouldBe("GC-001");
        }
        File.Delete(path);

        // another officer's project: exactly the missing-project page
        var other = await page.GotoAsync($"/wage-payment/projects/GC-002?as_of={AsOf}");
        var otherBody = await page.InnerTextAsync("main");
        var otherHtml = await page.ContentAsync();
        var missing = await page.GotoAsync($"/wage-payment/projects/GC-404?as_of={AsOf}");
        other!.Status.ShouldBe(404);
        missing!.Status.ShouldBe(404);
        otherBody.ShouldBe(await page.InnerTextAsync("main"));
        otherBody.ShouldContain("页面不存在");
        otherHtml.ShouldNotContain(service.GetProject("GC-002")!.ProjectName);
        // and the inspection overview is not theirs
        (await page.GotoAsync("/wage-payment"))!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task The_wall_shows_the_arrears_slide_and_the_admin_page_binds_inspectors_and_officers()
    {
        var wall = await _browser.SignedInPageAsync(site.Server.BaseAddress, "policy");
        await OpenAsync(wall, "/wall?seconds=3600&slide=4");   // held on the arrears slide: a turning wall could leave it mid-count
        await wall.WaitForSelectorAsync("[data-slide=arrears] .card .value", new() { Timeout = 15_000 });
        (await wall.Locator("[data-slide=arrears] .card").CountAsync()).ShouldBe(4);

        var admin = await _browser.SignedInPageAsync(site.Server.BaseAddress, "admin");
        await OpenAsync(admin, "/admin/users");
        (await admin.QuerySelectorAsync("input[name=regionScope]")).ShouldNotBeNull();
        (await admin.QuerySelectorAsync("input[name=projectIds]")).ShouldNotBeNull();
        (await admin.InnerTextAsync("#user-table")).ShouldContain("440100");      // the demo inspector's scope
    }
}
