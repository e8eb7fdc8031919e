using Analytics.Reports.Publishing;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

public class HtmlReportTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string BarCount = "document.querySelectorAll('#chart .trace.bars .point').length";

    [Fact]
    public async Task Ranking_page_draws_the_bar_chart_offline_lists_the_rows_and_escapes_script_in_names()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Ranking(), ReportFormat.Html, "ranking.html");
        var requests = new List<string>();
        var page = await chromium.OpenAsync(path, requests);

        (await page.EvaluateAsync<int>(BarCount)).ShouldBe(6, "3 occupations × (demand, supply)");
        (await page.Locator("#report tbody tr").CountAsync()).ShouldBe(3);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("最缺工职业排行（2026Q3，全部地区）");
        (await page.Locator("#report thead th").AllTextContentsAsync())[6].ShouldBe("求人倍率");

        var firstRow = await page.Locator("#report tbody tr").First.Locator("td").AllTextContentsAsync();
        firstRow[2].ShouldBe(SampleReports.ScriptName, "the name is shown as text");
        firstRow[9].ShouldBe("深圳市、上海市");
        (await page.Locator("#report tbody tr").Nth(1).Locator("td").Nth(8).TextContentAsync()).ShouldBe("新进");
        (await page.Locator("#report tbody tr").Nth(2).Locator("td").Nth(6).TextContentAsync()).ShouldBe("—");
        (await page.EvaluateAsync<bool>("typeof window.__pwned === 'undefined'")).ShouldBeTrue("a name's <script> never runs");
        (await page.EvaluateAsync<int>("document.scripts.length")).ShouldBe(2, "plotly and the figure, nothing injected");

        (await page.Locator("#report-totals tbody tr td").Nth(3).TextContentAsync()).ShouldBe("245");
        (await page.Locator("#report-totals tbody tr td").Nth(0).TextContentAsync()).ShouldBe("", "a totals row leaves rank empty");
        (await page.Locator(".notes").TextContentAsync())!.ShouldContain("数据截至批次 20260930-001");
        requests.ShouldAllBe(url => url.StartsWith("file:"), "no CDN, no network");
    }

    [Fact]
    public async Task Wage_page_draws_ranges_for_published_cells_only_and_never_shows_a_suppressed_wage()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Wages(), ReportFormat.Html, "wages.html");
        var page = await chromium.OpenAsync(path, []);

        (await page.EvaluateAsync<int>(BarCount)).ShouldBe(2, "the suppressed cell has no range");
        (await page.Locator("#report tbody tr").CountAsync()).ShouldBe(3);
        var published = await page.Locator("#report tbody tr").Nth(0).Locator("td").AllTextContentsAsync();
        // Whole yuan, half away from zero, only when shown: 3200.5 -> 3,201; 4500.50 -> 4,501; 6100.49 -> 6,100.
        published[5].ShouldBe("¥3,201");
        published[7].ShouldBe("¥4,501");
        published[9].ShouldBe("¥6,100");
        published[12].ShouldBe("3.4");

        var suppressed = await page.Locator("#report tbody tr").Nth(1).Locator("td").AllTextContentsAsync();
        suppressed[4].ShouldBe("29");
        suppressed.Skip(5).Take(6).ShouldAllBe(text => text == "样本不足");
        suppressed[12].ShouldBe("样本不足");

        var shown = await page.EvaluateAsync<string>("document.body.innerText + JSON.stringify(figure.data.map(t => [t.x, t.y, t.base, t.customdata]))");
        foreach (var figure in SampleReports.SuppressedFigures) shown.ShouldNotContain(figure);
        (await page.Locator(".suppression-legend").TextContentAsync())!.ShouldContain("样本不足");
    }

    [Fact]
    public async Task Margin_page_charts_the_period_totals_per_project_and_lists_them_below_the_months()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Margins(), ReportFormat.Html, "margins.html");
        var page = await chromium.OpenAsync(path, []);

        (await page.EvaluateAsync<int>(BarCount)).ShouldBe(4, "2 projects × (billed revenue, gross margin)");
        (await page.Locator("#report tbody tr").CountAsync()).ShouldBe(3);
        (await page.Locator("#report-totals tbody tr").CountAsync()).ShouldBe(2);
        (await page.Locator("#report tbody tr").First.Locator("td").Nth(6).TextContentAsync()).ShouldBe("-¥1,234.56");
        (await page.Locator("#report tbody tr").First.Locator("td").Nth(9).TextContentAsync()).ShouldBe("毛利为负、低于目标毛利率");
    }

    [Fact]
    public async Task A_link_in_a_name_is_drawn_as_text_in_the_html_report_chart()
    {
        using var folder = new TempFolder();
        var page = await chromium.OpenAsync(Publish.To(folder, CsvInjectionTests.RankingNamed(CsvInjectionTests.Link), ReportFormat.Html, "ranking.html"), []);

        (await page.EvaluateAsync<int>("document.querySelectorAll('#chart .trace.bars .point').length")).ShouldBe(2, "the chart was drawn");
        (await page.EvaluateAsync<int>("document.querySelectorAll('#chart svg a').length")).ShouldBe(0, "no link from data");
        (await page.EvaluateAsync<string>("[...document.querySelectorAll('#chart .xtick text')].map(t => t.textContent).join('|')")).ShouldBe(CsvInjectionTests.Link);
    }
}
