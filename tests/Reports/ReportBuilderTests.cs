using Analytics.Reports.Building;
using System.Text;
using Analytics.Reports.Model;
using Analytics.Reports.Writers;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

public class ReportBuilderTests
{
    private static readonly ReportColumn[] Spec =
    [
        new("region_code", "地区", "Region", ColumnKind.Text),
        new("retirees_80_plus", "80岁以上", "80+", ColumnKind.Integer),
        new("p50", "中位数", "P50", ColumnKind.Wage),
        new("change_pct", "变化", "Change", ColumnKind.Percent) { WithheldWhenSuppressed = true },
        new("n", "样本数", "n", ColumnKind.Integer),
        new("suppressed", "样本不足", "Suppressed", ColumnKind.Boolean),
    ];

    private sealed record Cell(int N, string RegionCode, decimal? P50, int Retirees80Plus, bool Suppressed, double? ChangePct);
    private sealed record WithPerson(string RegionCode, string WorkerId);
    private sealed record WithStray(string RegionCode, decimal Bonus);

    [Fact]
    public void Columns_follow_the_spec_order_and_match_properties_however_cased()
    {
        var columns = ReportBuilder.ColumnsOf<Cell>(Spec);
        columns.Select(c => c.Field).ShouldBe(["region_code", "retirees_80_plus", "p50", "change_pct", "n", "suppressed"]);

        var rows = ReportBuilder.RowsOf(columns, [new Cell(31, "440300", 4500.50m, 7, false, 2.5)]);
        rows[0].Values.ShouldBe(["440300", 7L, 4500.50m, 2.5m, 31L, false]);
    }

    [Fact]
    public void A_suppressed_record_keeps_n_and_loses_every_withheld_figure()
    {
        var columns = ReportBuilder.ColumnsOf<Cell>(Spec);
        var row = ReportBuilder.RowsOf(columns, [new Cell(29, "440300", 7777.77m, 3, true, 9.9)])[0];
        row.Suppressed.ShouldBeTrue();
        row.Values.ShouldBe(["440300", 3L, null, null, 29L, true]);
    }

    [Fact]
    public void Person_identifiers_and_properties_without_headers_are_refused()
    {
        Should.Throw<ArgumentException>(() => ReportBuilder.ColumnsOf<WithPerson>(Spec)).Message.ShouldContain("person identifier");
        Should.Throw<ArgumentException>(() => ReportBuilder.ColumnsOf<WithStray>(Spec)).Message.ShouldContain("Bonus");
    }

    [Fact]
    public void Writers_withhold_wages_even_in_a_suppressed_row_built_by_hand()
    {
        var columns = ReportBuilder.ColumnsOf<Cell>(Spec);
        var table = new ReportTable("t", "t", columns, [new ReportRow(["440300", 3L, 7777.77m, 9.9m, 29L, true], Suppressed: true)],
            new ReportNotes("m", [], null));
        foreach (IReportWriter writer in new IReportWriter[] { new JsonReportWriter(), new CsvReportWriter() })
        {
            using var output = new MemoryStream();
            writer.Write(table, output);
            var text = Encoding.UTF8.GetString(output.ToArray());
            text.ShouldContain("440300");
            text.ShouldNotContain("7777");
            text.ShouldNotContain("9.9");
        }
    }
}
