using System.Globalization;
using System.Text.Json;
using Analytics.Reports.Publication;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Rankings;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// The figures of issue 14 on the pages (breakdowns, YTD/YoY, ▲/▼ by the indicator's sense, the ranking's
/// 本期特点, alerts with their figures) and exports of filtered views that hold the rows on screen; in
/// headless Chromium against the demo data. Expected values come from the marts, not from the page's code.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public class ProductPageTests(DemoSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const string Month = "2026-09";
    private readonly Browser _browser = chromium.Browser;

    private static async Task OpenAsync(IPage page, string url)
    {
        (await page.GotoAsync(url))!.Status.ShouldBe(200);
        await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 30_000 });
    }

    private (IndicatorRow Current, IndicatorRow Previous) Scope(string month)
    {
        var service = site.Server.Get<IndicatorService>();
        var m = ReportingPeriod.ParseMonth(month);
        return (service.GetMonthly(m).First(r => !r.IsChild), service.GetMonthly(m.AddMonths(-1)).First(r => !r.IsChild));
    }

    /// <summary>A count as a Chinese card shows it: 12.3万 from 100,000 up (one decimal, half away from zero), else 1,234.</summary>
    private static string CardCount(long value) => Math.Abs(value) >= 100_000
        ? decimal.Round(value / 10_000m, 1, MidpointRounding.AwayFromZero).ToString("#,##0.#", CultureInfo.InvariantCulture) + "万"
        : value.ToString("#,##0", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_breakdown_switch_changes_the_structure_table_without_a_reload()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, $"/?month={Month}");
        (await page.TextContentAsync("#structure-table th[data-field=key]"))!.Trim().ShouldBe("性别");
        // gender splits job seekers only: M, F (and unknown where not stated)
        var genders = await page.EvalOnSelectorAllAsync<string[]>("#structure-table tbody tr", "rows => rows.map(r => r.getAttribute('data-key'))");
        genders.ShouldContain("M");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.SelectOptionAsync("#breakdown-switch", "education");
        await page.WaitForLocationAsync(url => url.Contains("breakdown=education"));
        await page.WaitForFunctionAsync("() => document.querySelector('#structure-table th[data-field=key]')?.textContent.trim() === '文化程度'");
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue();
        var expected = site.Server.Get<ProductPublication>().Structure(new StructureRequest(ReportingPeriod.Month(2026, 9),
            Analytics.Warehouse.Marts.Structure.StructureBreakdown.Education)).Table;
        var keys = await page.EvalOnSelectorAllAsync<string[]>("#structure-table tbody tr", "rows => rows.map(r => r.getAttribute('data-key'))");
        keys.ShouldBe(expected.Rows.Select(r => (string)r.Values[0]!).ToArray());
        keys.ShouldNotContain("M");
    }

    [Fact]
    public async Task A_card_shows_its_year_to_date_and_its_change_on_last_year()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, $"/?month={Month}");
        var (row, _) = Scope(Month);
        var card = page.Locator("[data-indicator=new_employment]");
        // January through September, as the mart counts it
        (await card.Locator(".ytd").TextContentAsync())!.ShouldBe($"1至本月累计 {CardCount(row.NewEmploymentYtd)}");
        row.NewEmploymentYoyPct.ShouldNotBeNull();
        var pct = row.NewEmploymentYoyPct!.Value;
        var yoy = (pct > 0 ? "+" : "") + decimal.Round(pct, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        (await card.Locator(".yoy").TextContentAsync())!.ShouldBe($"同比 {yoy}");
        // a stock has no year to date, only its change on last year
        (await page.Locator("[data-indicator=registered_unemployed] .ytd").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-indicator=registered_unemployed] .yoy").CountAsync()).ShouldBe(1);
    }

    [Theory]
    [InlineData("new_unemployed", false)]   // more new unemployment is bad news
    [InlineData("demand", true)]            // more vacancies good news
    public async Task The_arrow_of_a_change_is_coloured_by_whether_a_rise_is_good_news(string field, bool riseIsGood)
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, $"/?month={Month}");
        var (current, previous) = Scope(Month);
        var (now, before) = field == "demand" ? (current.Demand, previous.Demand) : (current.NewUnemployed, previous.NewUnemployed);
        // the change is stated in the card's unit: in 万 (one decimal) when the figure is, so it may round to 持平
        var shown = Math.Abs(now) >= 100_000 ? decimal.Round((now - before) / 10_000m, 1, MidpointRounding.AwayFromZero) : now - before;
        var delta = page.Locator($"[data-indicator={field}] .delta");
        var text = (await delta.TextContentAsync())!;
        var css = await delta.GetAttributeAsync("class");
        if (shown == 0)
        {
            text.ShouldStartWith("持平");
            css.ShouldContain("change-neutral");
            return;
        }
        text.ShouldStartWith(shown > 0 ? "▲" : "▼");
        css.ShouldContain(shown > 0 == riseIsGood ? "change-good" : "change-bad");
    }

    [Fact]
    public async Task The_rankings_page_states_the_release_figures_publish_release_computes()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "policy");
        await OpenAsync(page, "/rankings?period=2026Q3&region=440000");
        var release = site.Server.Get<ProductPublication>().Release(new ReleaseRequest(ReportingPeriod.Parse("2026Q3"), "440000")).Table.Notes.Remarks;
        release.ShouldNotBeEmpty();
        (await page.TextContentAsync("#release-remarks h2"))!.ShouldBe("本期特点");
        var shown = await page.EvalOnSelectorAllAsync<string[]>("#release-remarks p", "ps => ps.map(p => p.textContent)");
        shown.ShouldBe(release.ToArray());
        shown[0].ShouldStartWith("本期特点：列入职业");
    }

    [Fact]
    public async Task The_projects_page_shows_each_alert_with_the_figure_that_raised_it_at_the_as_of_day()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "admin");
        var margins = site.Server.Get<ProjectMarginService>();
        var asOf = new DateOnly(2026, 9, 30);
        // the demo leaves the longest-serving worker of A003-P001 without contract dates from 2026-07
        var planted = margins.GetMonthly(MonthRange.Parse("2026-07", "2026-07"), "A003", asOf: asOf).Single(r => r.ProjectId == "A003-P001");
        planted.Alerts.ShouldContain(MarginAlerts.NoContract);
        planted.NoContractWorkers.ShouldBeGreaterThan(0);
        await OpenAsync(page, "/projects?from=2026-07&to=2026-07&agency=A003&asOf=2026-09-30");
        var alert = page.Locator("#margin-alerts li[data-project='A003-P001'][data-alert=no_contract]");
        (await alert.TextContentAsync())!.ShouldBe($"A003-P001 2026-07：未签劳动合同（未签合同人数 {planted.NoContractWorkers}）");
        (await page.TextContentAsync("#margin-alerts h2"))!.ShouldContain("2026-09-30");
        (await page.GetAttributeAsync(".exports a:first-child", "href"))!.ShouldContain("asOf=2026-09-30");

        // and A001-P003's social insurance base under the local floor, with the floor
        var months = MonthRange.Parse("2026-01", "2026-09");
        var low = margins.GetMonthly(months, "A001", asOf: asOf).First(r => r.ProjectId == "A001-P003" && r.Alerts.Contains(MarginAlerts.SiBaseBelowFloor));
        await OpenAsync(page, $"/projects?from={low.Month:yyyy-MM}&to={low.Month:yyyy-MM}&agency=A001&asOf=2026-09-30");
        var floor = page.Locator("#margin-alerts li[data-project='A001-P003'][data-alert=si_base_below_floor]");
        (await floor.TextContentAsync())!.ShouldStartWith($"A001-P003 {low.Month:yyyy-MM}：社保基数低于下限（基数低于下限人数 {low.SiBelowFloorWorkers}，社保缴费基数下限 ¥");
    }

    /// <summary>The JSON export behind the page's own export link (same filters), as field → value rows.</summary>
    private static async Task<JsonElement[]> ExportedRows(IPage page)
    {
        var href = await page.GetAttributeAsync(".exports a[href*='format=json']", "href");
        href.ShouldNotBeNull();
        var response = await page.APIRequest.GetAsync(href);
        response.Status.ShouldBe(200);
        var root = JsonDocument.Parse(await response.TextAsync()).RootElement;
        return (root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("rows")).EnumerateArray().ToArray();
    }

    [Theory]
    [InlineData("/rankings?period=2026Q3&group=4", "#ranking-table", "group=4", "occupation_code")]
    [InlineData("/wages?year=2026&region=440000&group=2", "#wage-table", "group=2", "occupation_code")]
    [InlineData("/groups?period=2026Q3&group=2", "#group-table", "group=2", "code")]   // the drill-down's medium groups of major group 2
    public async Task An_export_of_a_group_filtered_view_holds_the_rows_on_screen(string url, string table, string filter, string key)
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, url);
        (await page.GetAttributeAsync(".exports a[href*='format=csv']", "href"))!.ShouldContain(filter);
        var shown = await page.EvalOnSelectorAllAsync<string[]>($"{table} tbody tr", "rows => rows.map(r => r.getAttribute('data-key'))");
        shown.ShouldNotBeEmpty();
        var major = filter.Substring(filter.Length - 1);
        shown.ShouldAllBe(code => code.StartsWith(major));   // that major group only, pooled minor-group rows included
        var exported = (await ExportedRows(page)).Select(r => r.GetProperty(key).GetString()).ToArray();
        exported.ShouldBe(shown);
    }

    [Fact]
    public async Task The_indicators_export_holds_the_indicator_rows_on_screen()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        await OpenAsync(page, $"/?month={Month}&region=440000");
        (await page.GetAttributeAsync(".exports a[href*='format=xlsx']", "href"))!.ShouldBe($"/api/export/indicators?month={Month}&region=440000&format=xlsx");
        var regions = await page.EvalOnSelectorAllAsync<string[]>("#indicator-table tbody td[data-field=region_name]", "cells => cells.map(c => c.textContent.trim())");
        var demand = await page.EvalOnSelectorAllAsync<string[]>("#indicator-table tbody td[data-field=demand]", "cells => cells.map(c => c.textContent.trim())");
        regions.Length.ShouldBeGreaterThan(1);   // the province, then its cities
        var exported = await ExportedRows(page);
        exported.Select(r => r.GetProperty("region_name").GetString()).ToArray().ShouldBe(regions);
        exported.Select(r => r.GetProperty("demand").GetInt64().ToString("#,##0", CultureInfo.InvariantCulture)).ToArray().ShouldBe(demand);
    }

    [Fact]
    public async Task A_month_without_data_says_so_instead_of_showing_zeros()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "stat");
        // after the demo's last month: stocks (retirees, registered unemployed) carry over, nothing is registered
        await OpenAsync(page, "/?month=2030-01");
        (await page.TextContentAsync("#no-data", new() { Timeout = 10_000 }))!.ShouldContain("该月/该地区没有数据");
        (await page.Locator("#indicator-cards").CountAsync()).ShouldBe(0);
    }
}
