using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Reports.Publishing;
using Analytics.Reports.Writers;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

/// <summary>
/// Files a bureau publishes as they are: an XLSX that prints on A4 (fitted to the width, landscape when
/// wide, the header row on every page) with its as-of day as a date; an HTML page that a 390 px phone shows
/// without sideways scrolling of the page and that prints on A4 with repeated headers and column bands.
/// </summary>
public sealed class PrintReadyTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>Committed 2026-09-30 17:30 UTC = 2026-10-01 01:30 China Standard Time: the as-of day is 1 October.</summary>
    private static readonly DateTime CommittedUtc = new(2026, 9, 30, 17, 30, 0);

    private static ReportTable Wages(string? region = "440300", string? pooledName = "商品营业员小类")
    {
        var rows = SampleReports.WageRows.Select(r => r with { RegionCode = region! }).ToArray();
        rows[^1] = rows[^1] with { OccupationName = pooledName! };
        return WageReport.Build(rows, SampleReports.Context() with { DataAsOfTime = CommittedUtc });
    }

    /// <summary>A table like the margins' with every figure: 1 key column and 30 money columns, far wider than a landscape page.</summary>
    private static ReportTable Wide()
    {
        var columns = new List<ReportColumn> { new("project_name", "项目名称", "Project", ColumnKind.Text) { Key = true } };
        columns.AddRange(Enumerable.Range(1, 30).Select(i => new ReportColumn($"figure_{i}", $"金额项目{i}", $"Figure {i}", ColumnKind.Money)));
        var rows = Enumerable.Range(1, 3).Select(r => new ReportRow(
            [$"项目{r}", .. Enumerable.Range(1, 30).Select(i => (object?)(1_234_567.89m * r + i))], false)).ToArray();
        return new ReportTable("宽表", "Wide table", columns, rows, new ReportNotes("方法", [], "20260930-001"));
    }

    private static ReportTable Narrow() => new("窄表", "Narrow table",
        [new ReportColumn("region_name", "地区", "Region", ColumnKind.Text), new ReportColumn("demand", "需求人数", "Demand", ColumnKind.Integer)],
        [new ReportRow(["深圳市", 12L], false)], new ReportNotes("方法", [], null));

    [Fact]
    public void Xlsx_prints_on_a4_fitted_to_the_width_landscape_when_wide_with_the_header_row_on_every_page()
    {
        using var folder = new TempFolder();
        using var book = new XlsxWorkbook(Publish.To(folder, SampleReports.Margins(), ReportFormat.Xlsx, "margins.xlsx"));
        book.ValidationErrors().ShouldBeEmpty();
        foreach (var name in new[] { "数据", "合计" })
        {
            var sheet = book.Sheet(name);
            sheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value.ShouldBeTrue(name);
            var setup = sheet.GetFirstChild<PageSetup>()!;
            setup.PaperSize!.Value.ShouldBe(9u, "A4");
            setup.FitToWidth!.Value.ShouldBe(1u);
            setup.FitToHeight!.Value.ShouldBe(0u, "as many pages tall as the rows need");
            // 10 columns of margins: their fitted widths add up to more than a portrait page's 90
            setup.Orientation!.Value.ShouldBe(OrientationValues.Landscape);
        }
        book.PrintTitles().ShouldBe([(0u, "'数据'!$1:$1"), (1u, "'合计'!$1:$1")]);

        using var narrow = new XlsxWorkbook(Publish.To(folder, Narrow(), ReportFormat.Xlsx, "narrow.xlsx"));
        narrow.Sheet("数据").GetFirstChild<PageSetup>()!.Orientation!.Value.ShouldBe(OrientationValues.Portrait);
        narrow.ValidationErrors().ShouldBeEmpty();
    }

    [Fact]
    public void Xlsx_shows_the_as_of_day_as_a_date_cell_and_names_the_all_regions_scope()
    {
        using var folder = new TempFolder();
        using var book = new XlsxWorkbook(Publish.To(folder, Wages(region: null), ReportFormat.Xlsx, "wages.xlsx"));
        book.ValidationErrors().ShouldBeEmpty();
        var notes = book.Sheet("说明");
        var row = notes.Descendants<Row>().Single(r => book.Text(notes, $"A{r.RowIndex}") == XlsxReportWriter.DataAsOfDateLabel).RowIndex!.Value;
        var cell = XlsxWorkbook.Cell(notes, $"B{row}")!;
        cell.DataType!.Value.ShouldBe(CellValues.Number);
        cell.CellValue!.Text.ShouldBe("46296", "2026-10-01 is day 46296 after Excel's 1899-12-30");
        book.FormatCode(notes, $"B{row}").ShouldBe("yyyy-mm-dd");

        var data = book.Sheet("数据");
        book.Text(data, "A1").ShouldBe("地区");
        book.Text(data, "A2").ShouldBe("全部地区", "a null scope is all regions, not a blank");
    }

    [Fact]
    public void A_pooled_wage_row_without_a_name_is_named_by_its_minor_group_in_every_format()
    {
        var table = Wages(pooledName: null);
        var name = table.IndexOf("occupation_name");
        table.Rows[^1].Values[name].ShouldBe("小类 4-01-02 合并样本");
        table.Chart!.Labels.ShouldContain("小类 4-01-02 合并样本", "the chart names it as the table does");
    }

    [Fact]
    public void Html_carries_a4_print_css_with_repeated_headers_and_landscape_pages_for_wide_tables()
    {
        using var folder = new TempFolder();
        var html = File.ReadAllText(Publish.To(folder, SampleReports.Margins(), ReportFormat.Html, "margins.html"));
        html.ShouldContain("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.ShouldContain("@page{size:A4 portrait;margin:12mm}");
        html.ShouldContain("@page wide{size:A4 landscape;margin:12mm}");
        html.ShouldContain("thead{display:table-header-group}");
        html.ShouldContain("break-inside:avoid");
        html.ShouldContain("window.addEventListener('beforeprint'");
    }

    [Fact]
    public async Task On_a_390px_phone_the_page_never_scrolls_sideways_and_a_wide_table_scrolls_in_its_own_box()
    {
        using var folder = new TempFolder();
        foreach (var (table, name) in new[] { (SampleReports.Ranking(), "ranking"), (Wages(), "wages"), (SampleReports.Margins(), "margins"), (Wide(), "wide") })
        {
            var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, DeviceScaleFactor = 2 });
            await page.GotoAsync(new Uri(Publish.To(folder, table, ReportFormat.Html, name + ".html")).AbsoluteUri);
            if (table.Chart is { Labels.Count: > 0 }) await page.WaitForSelectorAsync("#chart .main-svg");
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, name + ": the page is no wider than the phone");
            (await page.EvaluateAsync<int>("document.body.scrollWidth")).ShouldBeLessThanOrEqualTo(390, name);
            var box = await page.EvaluateAsync<int[]>("(() => { const b = document.querySelector('#report').parentElement; return [b.scrollWidth, b.clientWidth]; })()");
            box[0].ShouldBeGreaterThan(box[1], name + ": the table is wider than the phone and scrolls inside its box");
            (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#report').parentElement).overflowX")).ShouldBe("auto");
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Printed_a_table_wider_than_a_landscape_page_comes_in_column_bands_each_with_the_key_column()
    {
        using var folder = new TempFolder();
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Publish.To(folder, Wide(), ReportFormat.Html, "wide.html")).AbsoluteUri);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#report').parentElement).display")).ShouldBe("none", "the screen's full table");
        var bands = await page.EvaluateAsync<string[][]>("[...document.querySelectorAll('table.print-band')].map(t => [...t.querySelectorAll('thead th')].map(th => th.textContent))");
        bands.Length.ShouldBeGreaterThan(1);
        bands.ShouldAllBe(headers => headers[0] == "项目名称");
        bands.SelectMany(headers => headers.Skip(1)).ShouldBe(Enumerable.Range(1, 30).Select(i => $"金额项目{i}"), "every other column once, in order");
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('table.print-band thead')).display")).ShouldBe("table-header-group");
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.print-only')).display")).ShouldBe("block");
        (await page.Locator("table.print-band").First.Locator("tbody tr").CountAsync()).ShouldBe(3);

        // Chromium's PDF of it has landscape A4 pages for the bands (297 × 210 mm ≈ 842 × 595 pt).
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
        var boxes = System.Text.RegularExpressions.Regex.Matches(pdf, @"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]")
            .Select(m => (Width: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                          Height: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        boxes.ShouldContain(b => Math.Abs(b.Width - 842) < 1 && Math.Abs(b.Height - 595) < 1, "a landscape A4 page");
    }
}
