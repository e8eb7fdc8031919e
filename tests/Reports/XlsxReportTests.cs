using Analytics.Reports.Publishing;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

public class XlsxReportTests
{
    [Fact]
    public void Wage_workbook_has_chinese_headers_wage_formats_a_frozen_header_and_fitted_widths()
    {
        using var folder = new TempFolder();
        using var book = new XlsxWorkbook(Publish.To(folder, SampleReports.Wages(), ReportFormat.Xlsx, "wages.xlsx"));
        book.ValidationErrors().ShouldBeEmpty();
        book.SheetNames.ShouldBe(["数据", "说明"]);

        var data = book.Sheet("数据");
        // region_code, occupation_code, occupation_name, level, n, p10, p25, p50, p75, p90, mean, suppressed, change_pct
        string[] headers = ["地区", "职业代码", "职业名称", "层级", "样本数", "低位数（P10）", "P25", "中位数（P50）", "P75", "高位数（P90）", "平均数", "样本不足", "中位数较上年变化（%）"];
        headers.Select((_, i) => book.Text(data, $"{(char)('A' + i)}1")).ShouldBe(headers);

        var pane = data.Descendants<Pane>().Single();
        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.VerticalSplit!.Value.ShouldBe(1);
        pane.TopLeftCell!.Value.ShouldBe("A2");

        book.Text(data, "A2").ShouldBe("深圳市");
        book.Text(data, "D2").ShouldBe("职业");
        book.Text(data, "D4").ShouldBe("小类合并");
        book.Text(data, "E2").ShouldBe("31");
        book.FormatCode(data, "E2").ShouldBe("#,##0");
        book.Text(data, "H2").ShouldBe("4500.50", "stored exact, rounded by the format only");
        book.FormatCode(data, "H2").ShouldBe("#,##0");
        book.Text(data, "K2").ShouldBe("4650.125");
        book.Text(data, "L2").ShouldBe("否");
        book.Text(data, "M2").ShouldBe("3.4");
        book.FormatCode(data, "M2").ShouldBe("0.0");

        // Occupation names: "商品营业员小类" is 7 CJK characters = 14 units, + 2 padding.
        var widths = data.Descendants<Column>().ToDictionary(c => c.Min!.Value, c => c.Width!.Value);
        widths[3].ShouldBe(16);
        widths[8].ShouldBe(15, "中位数（P50）: 3 CJK + 2 full-width brackets + 3 ASCII = 13, + 2");
    }

    [Fact]
    public void Suppressed_wage_row_shows_n_and_the_mark_and_no_figure()
    {
        using var folder = new TempFolder();
        using var book = new XlsxWorkbook(Publish.To(folder, SampleReports.Wages(), ReportFormat.Xlsx, "wages.xlsx"));
        var data = book.Sheet("数据");
        book.Text(data, "E3").ShouldBe("29");
        foreach (var column in "FGHIJKM") book.Text(data, $"{column}3").ShouldBe("样本不足", $"column {column}");
        book.Text(data, "L3").ShouldBe("是");
        foreach (var text in book.AllTexts())
        foreach (var figure in SampleReports.SuppressedFigures)
            text.ShouldNotContain(figure);
    }

    [Fact]
    public void Notes_sheet_states_method_thresholds_data_as_of_and_the_suppression_legend()
    {
        using var folder = new TempFolder();
        using var book = new XlsxWorkbook(Publish.To(folder, SampleReports.Wages(), ReportFormat.Xlsx, "wages.xlsx"));
        var notes = book.Sheet("说明");
        var lines = notes.Descendants<Row>().Select(r => (book.Text(notes, $"A{r.RowIndex}"), book.Text(notes, $"B{r.RowIndex}"))).ToArray();
        lines[0].ShouldBe(("标题", "市场工资价位（2026Q3，全部地区）"));
        lines.ShouldContain(l => l.Item1 == "方法说明" && l.Item2.Contains("PERCENTILE.INC"));
        lines.ShouldContain(("阈值", "公布工资的最低样本数：30"));
        lines.ShouldContain(("数据截至", "数据截至批次 20260930-001"));
        lines.ShouldContain(l => l.Item1 == "样本不足" && l.Item2.Contains("不公布任何工资数值"));
    }

    [Fact]
    public void Margin_workbook_has_money_and_month_formats_and_a_sheet_of_period_totals_per_project()
    {
        using var folder = new TempFolder();
        using var book = new XlsxWorkbook(Publish.To(folder, SampleReports.Margins(), ReportFormat.Xlsx, "margins.xlsx"));
        book.ValidationErrors().ShouldBeEmpty();
        book.SheetNames.ShouldBe(["数据", "合计", "说明"]);

        // project_id, project_name, month, headcount, payroll, billed_revenue, gross_margin, margin_pct, revenue_variance, alerts
        var data = book.Sheet("数据");
        book.Text(data, "C2").ShouldBe("46023", "2026-01-01 as an Excel date serial");
        book.FormatCode(data, "C2").ShouldBe("yyyy-mm");
        book.Text(data, "E2").ShouldBe("50000.00");
        book.FormatCode(data, "E2").ShouldBe("#,##0.00");
        book.Text(data, "G2").ShouldBe("-1234.56");
        book.FormatCode(data, "H2").ShouldBe("0.00");
        XlsxWorkbook.Cell(data, "I2").ShouldBeNull("a null is an empty cell");
        book.Text(data, "J2").ShouldBe("毛利为负、低于目标毛利率");
        data.Descendants<Row>().Count().ShouldBe(4);

        var totals = book.Sheet("合计");
        totals.Descendants<Row>().Count().ShouldBe(3);
        book.Text(totals, "A2").ShouldBe("P001");
        XlsxWorkbook.Cell(totals, "C2").ShouldBeNull();
        book.Text(totals, "D2").ShouldBe("10.5");
        book.FormatCode(totals, "D2").ShouldBe("#,##0.##", "an average headcount is not rounded away");
        book.Text(totals, "F2").ShouldBe("130000.00");
    }

    [Fact]
    public void Ranking_workbook_shows_ratios_city_names_and_raw_text()
    {
        using var folder = new TempFolder();
        using var book = new XlsxWorkbook(Publish.To(folder, SampleReports.Ranking(), ReportFormat.Xlsx, "ranking.xlsx"));
        book.ValidationErrors().ShouldBeEmpty();
        var data = book.Sheet("数据");
        book.Text(data, "C2").ShouldBe(SampleReports.ScriptName);
        book.Text(data, "C3").ShouldBe(SampleReports.AwkwardName);
        book.Text(data, "G2").ShouldBe("6.33");
        book.FormatCode(data, "G2").ShouldBe("0.00");
        book.Text(data, "I3").ShouldBe("新进");
        book.Text(data, "J2").ShouldBe("深圳市、上海市");

        var totals = book.Sheet("合计");
        book.Text(totals, "C2").ShouldBe("合计");
        book.Text(totals, "D2").ShouldBe("245");
        book.Text(totals, "E2").ShouldBe("55");
        book.Text(totals, "F2").ShouldBe("190");
        book.Text(totals, "G2").ShouldBe("4.45");
    }
}
