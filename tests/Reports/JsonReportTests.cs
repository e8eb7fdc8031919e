using System.Text;
using System.Text.Json;
using Analytics.Reports.Products;
using Analytics.Reports.Publishing;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

public class JsonReportTests
{
    [Fact]
    public void Ranking_json_is_an_array_of_snake_case_objects_with_numbers_nulls_and_code_arrays()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Ranking(), ReportFormat.Json, "ranking.json");
        var bytes = File.ReadAllBytes(path);
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }, "JSON is UTF-8 without BOM");

        using var json = JsonDocument.Parse(bytes);
        var rows = json.RootElement.EnumerateArray().ToArray();
        rows.Length.ShouldBe(3);
        rows[0].EnumerateObject().Select(p => p.Name).ShouldBe(
            ["rank", "occupation_code", "occupation_name", "demand", "supply", "gap", "ratio", "previous_rank", "rank_change", "typical_cities"]);

        rows[0].GetProperty("rank").GetInt32().ShouldBe(1);
        rows[0].GetProperty("occupation_name").GetString().ShouldBe(SampleReports.ScriptName);
        rows[0].GetProperty("ratio").ValueKind.ShouldBe(JsonValueKind.Number);
        rows[0].GetProperty("ratio").GetDecimal().ShouldBe(6.33m);
        rows[0].GetProperty("rank_change").GetInt32().ShouldBe(1);
        rows[0].GetProperty("typical_cities").EnumerateArray().Select(c => c.GetString()).ShouldBe(["440300", "310000"]);

        rows[1].GetProperty("occupation_name").GetString().ShouldBe(SampleReports.AwkwardName);
        rows[1].GetProperty("previous_rank").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[1].GetProperty("rank_change").GetString().ShouldBe("new");
        rows[1].GetProperty("ratio").GetRawText().ShouldBe("3.00");

        rows[2].GetProperty("ratio").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[2].GetProperty("typical_cities").GetArrayLength().ShouldBe(0);
        Encoding.UTF8.GetString(bytes).ShouldContain("快递员", customMessage: "Chinese is written as is, not \\u-escaped");
    }

    [Fact]
    public void Wage_json_keeps_exact_decimals_and_withholds_every_figure_of_a_suppressed_cell()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Wages(), ReportFormat.Json, "wages.json");
        var text = File.ReadAllText(path);
        using var json = JsonDocument.Parse(text);
        var rows = json.RootElement.EnumerateArray().ToArray();

        rows[0].GetProperty("p50").GetRawText().ShouldBe("4500.50", "not rounded beyond the data");
        rows[0].GetProperty("mean").GetDecimal().ShouldBe(4650.125m);
        rows[0].GetProperty("level").GetString().ShouldBe("occupation");
        rows[0].GetProperty("suppressed").GetBoolean().ShouldBeFalse();
        rows[2].GetProperty("level").GetString().ShouldBe("minor_group");

        var suppressed = rows[1];
        suppressed.GetProperty("n").GetInt32().ShouldBe(29);
        suppressed.GetProperty("suppressed").GetBoolean().ShouldBeTrue();
        foreach (var field in new[] { "p10", "p25", "p50", "p75", "p90", "mean", "change_pct" })
            suppressed.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Null, field);
        foreach (var figure in SampleReports.SuppressedFigures) text.ShouldNotContain(figure);
    }

    [Fact]
    public void Margin_json_holds_the_monthly_rows_only_with_months_and_alert_names()
    {
        using var folder = new TempFolder();
        var path = Publish.To(folder, SampleReports.Margins(), ReportFormat.Json, "margins.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var rows = json.RootElement.EnumerateArray().ToArray();

        rows.Length.ShouldBe(3, "period totals are not part of JSON (metrics.md §3)");
        rows[0].GetProperty("month").GetString().ShouldBe("2026-01");
        rows[0].GetProperty("gross_margin").GetDecimal().ShouldBe(-1234.56m);
        rows[0].GetProperty("alerts").EnumerateArray().Select(a => a.GetString()).ShouldBe(["negative_margin", "below_target"]);
        rows[0].GetProperty("revenue_variance").ValueKind.ShouldBe(JsonValueKind.Null);
        rows[1].GetProperty("alerts").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Indicator_json_matches_fields_like_retirees_80_plus_and_writes_months_and_money()
    {
        using var folder = new TempFolder();
        IndicatorResult[] rows =
        [
            new(new DateOnly(2026, 9, 1), "440000", "广东省", false, 300, 120, 2.50m, 4, 123456.78m, 12),
            new(new DateOnly(2026, 9, 1), "440300", "深圳市", true, 200, 100, 2.00m, 3, 100000.00m, 7),
        ];
        var table = IndicatorReport.Build(rows, SampleReports.Context() with { Period = "2026-09", Scope = "广东省" });
        using var json = JsonDocument.Parse(File.ReadAllBytes(Publish.To(folder, table, ReportFormat.Json, "indicators.json")));
        var first = json.RootElement[0];
        first.EnumerateObject().Select(p => p.Name).ShouldBe(["month", "region_code", "region_name", "is_child", "demand", "supply", "ratio", "new_employment_self_employed", "ui_paid", "retirees_80_plus"]);
        first.GetProperty("month").GetString().ShouldBe("2026-09");
        first.GetProperty("ui_paid").GetRawText().ShouldBe("123456.78");
        first.GetProperty("retirees_80_plus").GetInt32().ShouldBe(12);
        table.Chart!.Labels.ShouldBe(["广东省", "深圳市"]);
    }
}
