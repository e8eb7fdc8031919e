using System.Text.Json;
using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Reports.Publishing;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

public class ProductReportTests
{
    private sealed record PlainRanking(int Rank, string OccupationCode, int Demand, int Supply, int? PreviousRank, int? RankChange);

    [Fact]
    public void Ranking_states_totals_over_the_listed_occupations_and_counts_per_major_group()
    {
        var table = SampleReports.Ranking();
        var totals = table.Totals.ShouldHaveSingleItem();
        totals.Values[table.IndexOf("occupation_name")].ShouldBe("合计");
        totals.Values[table.IndexOf("demand")].ShouldBe(245L);
        totals.Values[table.IndexOf("supply")].ShouldBe(55L);
        totals.Values[table.IndexOf("gap")].ShouldBe(190L);
        totals.Values[table.IndexOf("ratio")].ShouldBe(4.45m, "245 / 55 = 4.4545…");
        table.Notes.Remarks.ShouldBe(["列入职业按大类：第4大类（社会生产服务和生活服务人员）2个；第6大类（生产制造及有关人员）1个。"]);
        table.Notes.Method.ShouldContain("本表仅按缺口数排序");
    }

    [Fact]
    public void A_null_rank_change_of_an_entry_without_previous_rank_is_published_as_new()
    {
        var table = RankingReport.Build([new PlainRanking(1, "4-01-02-01", 20, 5, null, null), new PlainRanking(2, "4-01-02-02", 12, 4, 5, 3)],
            RankingKind.Shortage, SampleReports.Context());
        table.Rows[0].Values[table.IndexOf("rank_change")].ShouldBe("new");
        table.Rows[1].Values[table.IndexOf("rank_change")].ShouldBe(3L);
    }

    [Fact]
    public void An_empty_result_still_publishes_a_valid_file_in_every_format()
    {
        using var folder = new TempFolder();
        var empty = RankingReport.Build(Array.Empty<RankingResult>(), RankingKind.Surplus, SampleReports.Context());

        JsonDocument.Parse(File.ReadAllText(Publish.To(folder, empty, ReportFormat.Json, "e.json"))).RootElement.GetArrayLength().ShouldBe(0);
        File.ReadAllLines(Publish.To(folder, empty, ReportFormat.Csv, "e.csv")).Length.ShouldBe(1);
        using (var book = new XlsxWorkbook(Publish.To(folder, empty, ReportFormat.Xlsx, "e.xlsx")))
        {
            book.ValidationErrors().ShouldBeEmpty();
            book.Text(book.Sheet("数据"), "A1").ShouldBe("排名");
        }
        var html = File.ReadAllText(Publish.To(folder, empty, ReportFormat.Html, "e.html"));
        html.ShouldContain("本期没有符合条件的数据");
        html.ShouldNotContain("<script", Case.Insensitive, "no chart, so no plotly either");
    }
}
