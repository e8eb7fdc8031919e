using Analytics.Reports.Formatting;
using Analytics.Reports.Products;
using Analytics.Reports.Writers;
using Analytics.Warehouse.Marts.WagePayment;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

/// <summary>
/// A source line number is a place in a file, not a count: the wage officer looks up line 12345, so neither the page
/// nor the XLSX sheet may show it as 12,345. Counts beside it keep their separators.
/// </summary>
public class LineNumberTests
{
    private static readonly WageDrillDownRow Row = new("attended_not_paid", "a1b2c3d4", "SUB-1", null, null, null, null, null,
        DaysWorked: 12345, null, null, null, "site_attendance/2026-10.csv", SourceLine: 12345);

    [Fact]
    public void The_drill_down_shows_a_source_line_without_separators_and_a_count_with_them()
    {
        var table = WageDrillDownReport.Table(WageDrillDownReport.List("attended_not_paid"), "GC-001", [Row]);
        var line = table.Columns.Single(c => c.Field == "source_line");
        var days = table.Columns.Single(c => c.Field == "days_worked");
        var values = table.Rows.Single().Values;
        HumanText.Shown(line, values[table.Columns.ToList().IndexOf(line)]).ShouldBe("12345");
        HumanText.Shown(days, values[table.Columns.ToList().IndexOf(days)]).ShouldBe("12,345");

        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "drill.xlsx");
        using (var file = File.Create(path)) new XlsxReportWriter().Write(table, file);
        using var workbook = new XlsxWorkbook(path);
        var sheet = workbook.Sheet("数据");
        // columns: worker_key, subcontractor_id, days_worked, source_file, source_line
        workbook.Text(sheet, "C2").ShouldBe("12345");
        workbook.FormatCode(sheet, "C2").ShouldBe("#,##0");
        workbook.Text(sheet, "E2").ShouldBe("12345");
        workbook.FormatCode(sheet, "E2").ShouldBe("builtin 0");   // General: 12345 as typed
    }
}
