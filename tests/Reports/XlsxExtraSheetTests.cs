using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Reports.Writers;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

/// <summary>
/// Further sheets of a workbook (the wage officer's drill-down lists): after the table's sheets and before 说明,
/// each printed like 数据; only the XLSX takes them, and a name Excel would refuse is refused before any file is written.
/// </summary>
public class XlsxExtraSheetTests
{
    [Fact]
    public async Task Extra_sheets_follow_the_totals_print_like_the_data_sheet_and_no_other_format_takes_them()
    {
        using var folder = new TempFolder();
        var margins = SampleReports.Margins();                                    // 数据 and 合计
        var report = new PublishableReport(margins, "m", null) { ExtraSheets = [new XlsxSheet("明细-排行", SampleReports.Ranking())] };
        var path = Path.Combine(folder.Path, "m.xlsx");
        await report.WriteAsync(ReportFormat.Xlsx, path);
        using (var workbook = new XlsxWorkbook(path))
        {
            workbook.SheetNames.ShouldBe(["数据", "合计", "明细-排行", "说明"]);
            workbook.ValidationErrors().ShouldBeEmpty();
            workbook.PrintTitles().ShouldBe([(0u, "'数据'!$1:$1"), (1u, "'合计'!$1:$1"), (2u, "'明细-排行'!$1:$1")]);
            var sheet = workbook.Sheet("明细-排行");
            workbook.Text(sheet, "A1").ShouldBe(SampleReports.Ranking().Columns[0].HeaderZh);
            sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count().ShouldBe(SampleReports.Ranking().Rows.Count + 1);
        }
        foreach (var format in new[] { ReportFormat.Csv, ReportFormat.Json, ReportFormat.Html, ReportFormat.Arrow, ReportFormat.Parquet })
        {
            await Should.ThrowAsync<InvalidOperationException>(() => report.WriteAsync(format, Path.Combine(folder.Path, $"m.{format}")));
            await Should.ThrowAsync<InvalidOperationException>(() => report.WriteAsync(format, new MemoryStream()));
        }
        Directory.GetFiles(folder.Path).Select(Path.GetFileName).ShouldBe(["m.xlsx"]);   // nothing half-written left behind
    }

    [Theory]
    [InlineData("")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二")]       // 32 characters
    [InlineData("明细/欠薪")]
    [InlineData("'明细")]
    public void A_name_Excel_refuses_is_refused(string name) =>
        Should.Throw<ArgumentException>(() => new XlsxSheet(name, SampleReports.Ranking()));

    [Fact]
    public void A_sheet_may_not_take_the_name_of_the_tables_own() =>
        Should.Throw<ArgumentException>(() => new XlsxReportWriter().Write(SampleReports.Ranking(), [new XlsxSheet("说明", SampleReports.Ranking())], new MemoryStream()));
}
