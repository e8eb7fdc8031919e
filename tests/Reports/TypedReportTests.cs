using Analytics.Reports.Publishing;
using Analytics.Tests.Publish;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

/// <summary>The Arrow and Parquet writers over hand-built tables: awkward text, withheld figures, empty lists, and a value they must not round.</summary>
public class TypedReportTests
{
    public static TheoryData<ReportFormat> Formats => new(ReportFormat.Arrow, ReportFormat.Parquet);

    private static async Task<TypedFile> ReadAsync(string path, ReportFormat format) =>
        format == ReportFormat.Arrow ? TypedFile.ReadArrow(File.ReadAllBytes(path)) : await TypedFile.ReadParquetAsync(File.ReadAllBytes(path));

    [Theory, MemberData(nameof(Formats))]
    public async Task Ranking_keeps_text_nulls_lists_and_new_entries(ReportFormat format)
    {
        using var folder = new TempFolder();
        var file = await ReadAsync(Publish.To(folder, SampleReports.Ranking(), format, "ranking." + format), format);

        file.Names.ShouldBe(["rank", "occupation_code", "occupation_name", "demand", "supply", "gap", "ratio", "previous_rank", "rank_change", "typical_cities"]);
        file.Rows[0].ShouldBe(["1", "4-01-02-01", SampleReports.ScriptName, "95", "15", "80", "6.33", "2", "1", "[440300|310000]"]);
        file.Rows[1][2].ShouldBe(SampleReports.AwkwardName);
        file.Rows[1][7].ShouldBe(TypedFile.Null);
        file.Rows[1][8].ShouldBe("new");
        file.Rows[2].ShouldBe(["3", "4-10-01-06", "快递员", "30", "0", "30", TypedFile.Null, "3", "0", "[]"]);
    }

    [Theory, MemberData(nameof(Formats))]
    public async Task A_suppressed_wage_cell_publishes_n_and_the_flag_only(ReportFormat format)
    {
        using var folder = new TempFolder();
        var file = await ReadAsync(Publish.To(folder, SampleReports.Wages(), format, "wages." + format), format);

        var suppressed = file.Rows[1];
        suppressed[file.Names.ToList().IndexOf("n")].ShouldBe("29");
        suppressed[file.Names.ToList().IndexOf("suppressed")].ShouldBe("true");
        foreach (var figure in new[] { "p10", "p25", "p50", "p75", "p90", "mean", "change_pct" })
            suppressed[file.Names.ToList().IndexOf(figure)].ShouldBe(TypedFile.Null, figure);
        file.Rows[0][file.Names.ToList().IndexOf("mean")].ShouldBe("4650.125", "a wage keeps the data's decimals");
    }

    [Theory, MemberData(nameof(Formats))]
    public void Money_with_more_than_two_decimals_is_refused_not_rounded(ReportFormat format)
    {
        using var folder = new TempFolder();
        var rows = SampleReports.MarginRows;
        rows[1] = rows[1] with { GrossMargin = 3000.105m };
        var table = Analytics.Reports.Products.MarginReport.Build(rows, SampleReports.MarginTotals, SampleReports.Context());

        var error = Should.Throw<InvalidOperationException>(() => Publish.To(folder, table, format, "margins." + format));
        error.Message.ShouldContain("'gross_margin' holds 3000.105");
        Directory.GetFiles(folder.Path).ShouldBeEmpty("no half-written or rounded file is left");
    }
}
