using Analytics.Dashboards.Ui;
using Analytics.Reports.Products;
using Analytics.Reports.Publishing;
using Analytics.Tests.Ingest;
using Analytics.Warehouse.Marts.Rankings;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

/// <summary>
/// Names from the data that a spreadsheet would run (OWASP "CSV injection") come out of every CSV
/// the product writes as text, numbers stay numbers; in dashboard charts a name is text, never a link
/// (the HTML report's chart: <see cref="HtmlReportTests"/>).
/// </summary>
public class CsvInjectionTests
{
    /// <summary>What an attacker might register as an occupation or project name, and what the CSV must hold instead.</summary>
    public static TheoryData<string> Formulas() => new()
    {
        "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1", "\r=1+1", "＝1+1", "−1+1",
    };

    public const string Link = "<a href=\"http://example.com/\">点我</a>";

    public static global::Analytics.Reports.Model.ReportTable RankingNamed(string name) =>
        RankingReport.Build([SampleReports.RankingRows[2] with { OccupationName = name }], RankingKind.Shortage, SampleReports.Context());

    [Theory]
    [MemberData(nameof(Formulas))]
    public void A_formula_in_a_name_is_text_in_the_report_csv(string formula)
    {
        using var folder = new TempFolder();
        var records = CsvReportTests.Parse(Publish.To(folder, RankingNamed(formula), ReportFormat.Csv, "ranking.csv"));
        records[1][2].ShouldBe("'" + formula);
        records[1][3].ShouldBe("30", "numbers are untouched");
    }

    [Fact]
    public void A_formula_in_a_rejected_value_is_text_in_the_rejects_csv_and_a_negative_amount_stays_a_number()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "v.csv",
            "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n"
            + "P1,2026-09-01,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",E1,2-02-01-01,3,8000\n"
            + "P2,2026-09-01,110105,E1,@SUM(1+1),3,8000\n"
            + "P3,2026-09-01,110105,E1,2-02-01-01,3,-12.50\n");
        var result = sandbox.PassOne();
        var records = CsvReportTests.Parse(Path.Combine(sandbox.Root, result.Rejects!));

        records.Skip(1).Select(r => (r[1], r[3])).ShouldBe(
        [
            ("region_code", "'=HYPERLINK(\"http://x\",\"y\")"),
            ("occupation_code", "'@SUM(1+1)"),
            ("wage_min", "-12.50"),
        ]);
    }

    [Fact]
    public void Every_string_of_a_dashboard_figure_is_plain_text_for_plotly()
    {
        var figure = new Analytics.Dashboards.Ui.Figure(Analytics.Dashboards.Ui.FigureKind.Bars, "t", [Link, "R&D"],
            [new Analytics.Dashboards.Ui.FigureSeries("<b>x</b>", [1, 2])]);
        var bar = (Plotly.Blazor.Traces.Bar)figure.Traces().Single();

        bar.X.Cast<string>().ShouldBe(["&lt;a href=\"http://example.com/\"&gt;点我&lt;/a&gt;", "R&amp;D"]);
        bar.Name.ShouldBe("&lt;b&gt;x&lt;/b&gt;");
    }
}
