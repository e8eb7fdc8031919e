using System.Text;
using Analytics.Reports.Publishing;
using CsvHelper;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

public class CsvReportTests
{
    internal static List<string[]> Parse(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true }, leaveOpen: false);
        var records = new List<string[]>();
        while (csv.Read()) records.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return records;
    }

    [Fact]
    public void Ranking_csv_has_a_bom_the_field_names_as_header_and_survives_commas_quotes_newlines_and_chinese()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Ranking(), ReportFormat.Csv, "ranking.csv");
        File.ReadAllBytes(path).Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

        var records = Parse(path);
        records.Count.ShouldBe(4);
        records[0].ShouldBe(["rank", "occupation_code", "occupation_name", "demand", "supply", "gap", "ratio", "previous_rank", "rank_change", "typical_cities"]);
        records[1].ShouldBe(["1", "4-01-02-01", SampleReports.ScriptName, "95", "15", "80", "6.33", "2", "1", "440300;310000"]);
        records[2][2].ShouldBe(SampleReports.AwkwardName);
        records[2][6].ShouldBe("3.00");
        records[2][7].ShouldBe("");
        records[2][8].ShouldBe("new");
        records[3].ShouldBe(["3", "4-10-01-06", "快递员", "30", "0", "30", "", "3", "0", ""]);
        File.ReadAllText(path).ShouldContain("\"装卸工, \"\"搬运\"\"\n夜班\"", customMessage: "RFC 4180 quoting");
    }

    [Fact]
    public void Wage_csv_shows_only_n_and_the_flag_for_a_suppressed_cell()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Wages(), ReportFormat.Csv, "wages.csv");
        var records = Parse(path);
        var header = records[0];
        string Field(string[] row, string name) => row[Array.IndexOf(header, name)];

        Field(records[1], "p50").ShouldBe("4500.50");
        Field(records[1], "mean").ShouldBe("4650.125");
        Field(records[1], "level").ShouldBe("occupation");
        Field(records[2], "n").ShouldBe("29");
        Field(records[2], "suppressed").ShouldBe("true");
        foreach (var field in new[] { "p10", "p25", "p50", "p75", "p90", "mean", "change_pct" })
            Field(records[2], field).ShouldBe("", field);
        var text = File.ReadAllText(path);
        foreach (var figure in SampleReports.SuppressedFigures) text.ShouldNotContain(figure);
    }

    [Fact]
    public void Margin_csv_holds_monthly_rows_with_months_and_alerts_joined_by_semicolons()
    {
        using var folder = new TempFolder();
        var records = Parse(Publish.To(folder, SampleReports.Margins(), ReportFormat.Csv, "margins.csv"));
        records.Count.ShouldBe(4);
        records[0].ShouldBe(["project_id", "project_name", "month", "headcount", "payroll", "billed_revenue", "gross_margin", "margin_pct", "revenue_variance", "alerts"]);
        records[1].ShouldBe(["P001", "甲项目", "2026-01", "10", "50000.00", "60000.00", "-1234.56", "-2.06", "", "negative_margin;below_target"]);
    }
}
