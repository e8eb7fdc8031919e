using Analytics.Reports.Formatting;
using Analytics.Reports.Model;
using Analytics.Reports.Products;
using Analytics.Reports.Publication;
using Analytics.Warehouse.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reports;

/// <summary>
/// Cards and wall tiles: a figure in its unit (万 from 100,000 in Chinese), its change in the same unit,
/// and ▲/▼ coloured by whether a rise of that figure is good news, as the product definitions say.
/// </summary>
public sealed class ChangeTextTests
{
    private static ReportColumn Indicator(string field) => IndicatorReport.Columns.Single(c => c.Field == field);
    private static ReportColumn Margin(string field) => MarginReport.Columns(new MetricsOptions()).Single(c => c.Field == field);

    [Fact]
    public void Figures_from_100000_are_shown_in_wan_in_chinese_only()
    {
        FigureText.Format(Indicator("demand"), 123_456m).ShouldBe("12.3万");        // 123,456 / 10,000 = 12.3456 → 12.3
        FigureText.Format(Indicator("demand"), 99_999m).ShouldBe("99,999");
        FigureText.Format(Indicator("demand"), 123_456m, english: true).ShouldBe("123,456");
        FigureText.Format(Indicator("ui_paid"), 3_508_765.43m).ShouldBe("¥350.9万");  // 350.876543 → 350.9
        FigureText.Format(Indicator("ui_paid"), -150_000m).ShouldBe("-¥15万");
        FigureText.Format(Indicator("ui_paid"), 85_000.50m).ShouldBe("¥85,001");      // whole yuan, half away from zero
        FigureText.Format(Indicator("ratio"), 1.2m).ShouldBe("1.20");
        FigureText.Format(Margin("margin_pct"), 12.5m).ShouldBe("12.50%");
        FigureText.Format(Indicator("ratio"), null).ShouldBe("—");
    }

    [Fact]
    public void A_change_is_stated_in_the_unit_of_its_figure()
    {
        // 98,000 → 100,500: the card shows 10.1万 (100,500 ≥ 100,000), so the change is 2,500 = 0.25万 → 0.3万, not "2,500"
        ChangeText.Of(Indicator("demand"), 100_500m, 98_000m)!.Text.ShouldBe("▲ 0.3万");
        // ¥3,508,765.43 vs ¥3,600,000: −91,234.57 = −9.123457万 → ▼ ¥9.1万, not raw yuan
        ChangeText.Of(Indicator("ui_paid"), 3_508_765.43m, 3_600_000m)!.Text.ShouldBe("▼ ¥9.1万");
        // under 100,000 money is whole yuan: 85,000.40 − 80,000 = 5,000.40 → ¥5,000
        ChangeText.Of(Indicator("dispatch_billed"), 85_000.40m, 80_000m)!.Text.ShouldBe("▲ ¥5,000");
        // a percent changes by percentage points: 10.00% → 12.50% is 2.50 points
        ChangeText.Of(Margin("margin_pct"), 12.50m, 10.00m)!.Text.ShouldBe("▲ 2.50个百分点");
        ChangeText.Of(Margin("margin_pct"), 12.50m, 10.00m, english: true)!.Text.ShouldBe("▲ 2.50 pp");
        ChangeText.Of(Indicator("new_unemployed"), 1_250m, 1_000m)!.Text.ShouldBe("▲ 250");
        ChangeText.Of(Indicator("demand"), 150_000m, 100_000m, english: true)!.Text.ShouldBe("▲ 50,000");
    }

    [Fact]
    public void A_change_that_rounds_to_zero_in_its_unit_is_unchanged_and_a_missing_value_has_no_change()
    {
        // 150,000 vs 149,990: 10 = 0.001万 → 0.0万 as shown
        ChangeText.Of(Indicator("demand"), 150_000m, 149_990m).ShouldBe(new ChangeDisplay("持平", ChangeTone.Neutral));
        ChangeText.Of(Indicator("ratio"), 1.25m, 1.25m)!.Text.ShouldBe("持平");
        ChangeText.Of(Indicator("ratio"), 1.25m, null).ShouldBeNull();
        ChangeText.Of(Indicator("ratio"), null, 1.25m).ShouldBeNull();
    }

    [Fact]
    public void The_arrow_is_coloured_by_whether_a_rise_is_good_news_for_that_figure()
    {
        ChangeText.Of(Indicator("new_unemployed"), 1_250m, 1_000m)!.Tone.ShouldBe(ChangeTone.Bad);   // ▲ new unemployment: bad
        ChangeText.Of(Indicator("new_unemployed"), 900m, 1_000m)!.Tone.ShouldBe(ChangeTone.Good);    // ▼ new unemployment: good
        ChangeText.Of(Indicator("demand"), 1_250m, 1_000m)!.Tone.ShouldBe(ChangeTone.Good);          // ▲ vacancies: good
        ChangeText.Of(Indicator("demand"), 900m, 1_000m)!.Tone.ShouldBe(ChangeTone.Bad);
        ChangeText.Of(Indicator("ui_paid"), 3_508_765.43m, 3_600_000m)!.Tone.ShouldBe(ChangeTone.Good);
        ChangeText.Of(Indicator("retirees"), 1_250m, 1_000m)!.Tone.ShouldBe(ChangeTone.Neutral);      // ▲ retirees: neither
        ChangeText.Of(Indicator("new_unemployed"), 1_250m, 1_000m)!.CssClass.ShouldBe("change-bad");
        ChangeText.Of(Indicator("demand"), 1_250m, 1_000m)!.CssClass.ShouldBe("change-good");
    }

    [Fact]
    public void Rank_changes_read_as_arrows_and_new_entries_as_new()
    {
        var column = RankingReport.Columns(new Dictionary<string, string>()).Single(c => c.Field == "rank_change");
        HumanText.Format(column, 3L).ShouldBe("↑3");
        HumanText.Format(column, -2L).ShouldBe("↓2");
        HumanText.Format(column, 0L).ShouldBe("持平");
        HumanText.Format(column, "new").ShouldBe("新进");
        MachineText.Format(column, -2L).ShouldBe("-2");
    }

    [Fact]
    public void Alert_labels_state_the_thresholds_configuration_sets()
    {
        var defaults = MarginReport.AlertNames(new MetricsOptions());
        defaults["dispatch_cap"].ShouldBe("派遣用工超过用工总量10%");
        defaults["overdue_receivable"].ShouldBe("应收款逾期超过30天");
        var changed = new MetricsOptions { DispatchCapPct = 12.5m, SiBasePct = 70m, OverdueDays = 45 };
        MarginReport.AlertName("dispatch_cap", changed).ShouldBe("派遣用工超过用工总量12.5%");
        MarginReport.AlertName("si_base_low", changed).ShouldBe("社保基数低于工资70%");
        MarginReport.AlertName("overdue_receivable", changed, english: true).ShouldBe("Receivable over 45 days overdue");
        MarginReport.AlertNames(changed).Keys.ShouldBe(MarginAlertsInOrder);

        var table = MarginReport.Build(SampleReports.MarginRows, SampleReports.MarginTotals, SampleReports.Context() with { Options = changed });
        table.Columns.Single(c => c.Field == "alerts").Label("dispatch_cap").ShouldBe("派遣用工超过用工总量12.5%");
    }

    private static readonly string[] MarginAlertsInOrder = [.. Analytics.Warehouse.Marts.Margins.MarginAlerts.All];

    [Fact]
    public void Major_group_names_have_one_definition_and_group_codes_are_checked()
    {
        OccupationGroupNames.Major.Select(g => g.Code).ShouldBe(["1", "2", "3", "4", "5", "6", "7", "8"]);
        OccupationGroupNames.MajorNameZh("7").ShouldBe("军队人员");
        OccupationGroup.Parse(" 2-02 ").ShouldBe("2-02");
        OccupationGroup.Parse("").ShouldBeNull();
        foreach (var bad in new[] { "22", "2-2", "2-02-1", "2-02-10-01", "x", "2-" })
            Should.Throw<MartValidationException>(() => OccupationGroup.Parse(bad));
        OccupationGroup.Contains("2-02-10", "2-02-10").ShouldBeTrue("a pooled minor-group row carries its group's code");
        OccupationGroup.Contains("2-02", "2-02-10-01").ShouldBeTrue();
        OccupationGroup.Contains("2", "2-02-10-01").ShouldBeTrue();
        OccupationGroup.Contains("2", "20-01").ShouldBeFalse();
        OccupationGroup.Contains("2-02", "2-020").ShouldBeFalse();
    }

    [Fact]
    public void Pages_in_english_get_english_labels_from_the_same_definitions()
    {
        var alerts = MarginReport.Columns(new MetricsOptions { DispatchCapPct = 15m }).Single(c => c.Field == "alerts");
        HumanText.Format(alerts, new[] { "dispatch_cap", "negative_margin" }).ShouldBe("派遣用工超过用工总量15%、毛利为负");
        HumanText.Format(alerts, new[] { "dispatch_cap", "negative_margin" }, english: true).ShouldBe("Dispatch share over 15%, Negative margin");
        var region = WageReport.Columns(new Dictionary<string, string> { ["440300"] = "深圳市" }).Single(c => c.Field == "region_code");
        HumanText.Format(region, null).ShouldBe("全部地区");
        HumanText.Format(region, null, english: true).ShouldBe("All regions");
        HumanText.Format(region, "440300").ShouldBe("深圳市");
        var change = RankingReport.Columns(new Dictionary<string, string>()).Single(c => c.Field == "rank_change");
        HumanText.Format(change, "new", english: true).ShouldBe("new");
        HumanText.Format(change, 0L, english: true).ShouldBe("unchanged");
        var name = RankingReport.Columns(new Dictionary<string, string>()).Single(c => c.Field == "occupation_name");
        HumanText.Format(name, null).ShouldBe("(未知)", "datasets.md: reports show the code with the name (未知)");
        IndicatorReport.Column("new_unemployed").ShortLabel(english: false).ShouldBe("新增失业登记");
        IndicatorReport.Column("supply").ShortLabel(english: true).ShouldBe("Supply", "the header when there is no shorter name");
    }
}
