using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Wages;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

public class WageGuidanceTests
{
    private static readonly MetricsOptions NoSuppression = new() { MinSample = 1 };

    private static void Placements(DuckDbDataSource db, string occupation, decimal[] wages, int year = 2026, string region = "440106", bool fullTime = true)
    {
        foreach (var wage in wages)
            db.ExecuteNonQuery("INSERT INTO employment (person_id, employed_on, region_code, occupation_code, employment_type, full_time, monthly_wage) VALUES (md5(random()::VARCHAR), make_date(?, 5, 1), ?, ?, 'employee', ?, ?)",
                year, region, occupation, fullTime, wage);
    }

    private static void Placements(DuckDbDataSource db, string occupation, int count, decimal wage, int year = 2026) =>
        db.ExecuteNonQuery("INSERT INTO employment (person_id, employed_on, region_code, occupation_code, employment_type, full_time, monthly_wage) SELECT md5(random()::VARCHAR), make_date(?, 3, 1), '440106', ?, 'employee', TRUE, ? FROM range(?)",
            year, occupation, wage, count);

    private static WageGuidanceRow Single(DuckDbDataSource db, MetricsOptions? options = null) =>
        new WageGuidanceService(db, options ?? NoSuppression).GetGuidance(2026).Rows.ShouldHaveSingleItem();

    [Fact]
    public void Quantiles_odd_n_match_the_hand_computed_interpolation()
    {
        using var db = CatalogDatabase.Open();
        Placements(db, "4-01-01-01", [6000m, 1000m, 3000m, 2000m, 4000m]);
        // not in the sample: part-time, no wage, another year, outside the scope
        Placements(db, "4-01-01-01", [90000m], fullTime: false);
        db.ExecuteNonQuery("INSERT INTO employment (person_id, employed_on, region_code, occupation_code, employment_type, full_time) VALUES ('x', DATE '2026-02-01', '440106', '4-01-01-01', 'employee', TRUE)");
        Placements(db, "4-01-01-01", [70000m], year: 2027);
        Placements(db, "4-01-01-01", [80000m], region: "450102");
        var row = new WageGuidanceService(db, NoSuppression).GetGuidance(2026, "440000").Rows.ShouldHaveSingleItem();
        // sorted 1000 2000 3000 4000 6000, n = 5; h = 4p + 1
        // P10: h = 1.4 → 1000 + 0.4·1000 = 1400; P25: h = 2 → 2000; P50: h = 3 → 3000; P75: h = 4 → 4000
        // P90: h = 4.6 → 4000 + 0.6·2000 = 5200; mean 16000 / 5 = 3200
        // fences: Q1 2000, Q3 4000, IQR 2000 → [−4000, 10000]: nothing dropped
        (row.N, row.P10, row.P25, row.P50, row.P75, row.P90, row.Mean).ShouldBe((5, 1400m, 2000m, 3000m, 4000m, 5200m, 3200m));
        (row.Level, row.RegionCode, row.Suppressed, row.ChangePct).ShouldBe(("occupation", "440000", false, null));
    }

    [Fact]
    public void An_empty_table_says_why()
    {
        using var db = CatalogDatabase.Open();
        Placements(db, "4-01-01-01", [5000m], fullTime: false);
        var guidance = new WageGuidanceService(db).GetGuidance(2026, "440100");
        guidance.Rows.ShouldBeEmpty();
        guidance.EmptyReason.ShouldBe("No full-time placement with a monthly wage in 2026 for region 440100.");
    }

    [Fact]
    public void Quantiles_even_n_keep_sub_cent_precision()
    {
        using var db = CatalogDatabase.Open();
        Placements(db, "4-01-01-01", [3000.00m, 3000.01m, 3500.00m, 5000.00m]);
        var row = Single(db);
        // n = 4, h = 3p + 1
        // P10: h = 1.3 → 3000 + 0.3·0.01 = 3000.003; P25: h = 1.75 → 3000 + 0.75·0.01 = 3000.0075
        // P50: h = 2.5 → 3000.01 + 0.5·499.99 = 3250.005 (quantile_cont over DECIMAL(14,2) would say 3250.00)
        // P75: h = 3.25 → 3500 + 0.25·1500 = 3875; P90: h = 3.7 → 3500 + 0.7·1500 = 4550
        // mean 14500.01 / 4 = 3625.0025
        (row.N, row.P10, row.P25, row.P50, row.P75, row.P90, row.Mean).ShouldBe((4, 3000.003m, 3000.0075m, 3250.005m, 3875m, 4550m, 3625.0025m));
    }

    [Theory]
    [InlineData("3250.005", "3250")]
    [InlineData("3250.5", "3251")]
    [InlineData("2.5", "3")]       // Math.Round's default would give 2
    [InlineData("-2.5", "-3")]
    public void Wages_are_shown_in_whole_yuan_half_away_from_zero(string value, string shown) =>
        Rounding.WholeYuan(decimal.Parse(value)).ShouldBe(decimal.Parse(shown));

    [Fact]
    public void Quantiles_of_a_single_wage_are_that_wage()
    {
        using var db = CatalogDatabase.Open();
        Placements(db, "4-01-01-01", [4321.50m]);
        var row = Single(db);
        (row.N, row.P10, row.P25, row.P50, row.P75, row.P90, row.Mean).ShouldBe((1, 4321.50m, 4321.50m, 4321.50m, 4321.50m, 4321.50m, 4321.50m));
    }

    [Fact]
    public void Outlier_fences_are_inclusive_and_computed_on_the_cell_before_dropping()
    {
        using var db = CatalogDatabase.Open();
        // n = 5: Q1 = x2 = 2000, Q3 = x4 = 3000, IQR 1000 → fences [2000 − 3000, 3000 + 3000] = [−1000, 6000]
        Placements(db, "4-01-01-01", [1000m, 2000m, 2500m, 3000m, 6000.00m]);   // 6000.00 on the fence: kept
        Placements(db, "4-01-01-02", [1000m, 2000m, 2500m, 3000m, 6000.01m]);   // 6000.01 past it: dropped
        var rows = new WageGuidanceService(db, NoSuppression).GetGuidance(2026).Rows;
        rows.Select(r => (r.OccupationCode, r.N)).ShouldBe([("4-01-01-01", 5), ("4-01-01-02", 4)]);
        // after dropping: 1000 2000 2500 3000, P50: h = 2.5 → 2000 + 0.5·500 = 2250; mean 8500 / 4 = 2125
        (rows[1].P50, rows[1].Mean).ShouldBe((2250m, 2125m));
        // a narrower fence (k = 1: [1000, 4000]) drops the 6000.00 too
        new WageGuidanceService(db, new MetricsOptions { MinSample = 1, IqrFactor = 1m }).GetGuidance(2026).Rows[0].N.ShouldBe(4);
    }

    [Fact]
    public void Suppression_at_29_and_30_with_the_pooled_minor_group_row_right_after_its_last_occupation()
    {
        using var db = CatalogDatabase.Open();
        Placements(db, "1-01-01-01", 30, 5000m);   // n = 30: published
        Placements(db, "1-01-01-02", 29, 6000m);   // n = 29: suppressed → group 1-01-01 gets its row
        Placements(db, "1-01-02-01", 30, 4000m);   // group 1-01-02: nothing suppressed, no group row
        Placements(db, "1-02-01-01", 10, 4000m);   // group 1-02-01: 10 + 5 = 15 pooled, itself suppressed
        Placements(db, "1-02-01-02", 5, 4500m);
        var rows = new WageGuidanceService(db).GetGuidance(2026).Rows;
        rows.Select(r => (r.OccupationCode, r.Level, r.N, r.Suppressed)).ShouldBe(
        [
            ("1-01-01-01", "occupation", 30, false),
            ("1-01-01-02", "occupation", 29, true),
            ("1-01-01", "minor_group", 59, false),
            ("1-01-02-01", "occupation", 30, false),
            ("1-02-01-01", "occupation", 10, true),
            ("1-02-01-02", "occupation", 5, true),
            ("1-02-01", "minor_group", 15, true),
        ]);
        rows[1].ShouldBe(rows[1] with { P10 = null, P25 = null, P50 = null, P75 = null, P90 = null, Mean = null, ChangePct = null });
        rows[6].P50.ShouldBeNull();
        // pool: 30 × 5000 then 29 × 6000, n = 59, h = 58p + 1
        // Q1: h = 15.5 → 5000; Q3: h = 44.5 → 6000; fences [2000, 9000] keep all
        // P10: h = 6.8 → 5000; P50: h = 30 → x30 = 5000; P75 = 6000; P90: h = 53.2 → 6000
        // mean (150000 + 174000) / 59 = 5491.525423728813… → 5491.5254237288 (10 places, truncated)
        var group = rows[2];
        (group.P10, group.P50, group.P75, group.P90, group.Mean).ShouldBe(((decimal?)5000m, (decimal?)5000m, (decimal?)6000m, (decimal?)6000m, (decimal?)5491.5254237288m));
    }

    [Fact]
    public void The_group_row_fences_its_pooled_sample_not_each_occupation()
    {
        using var db = CatalogDatabase.Open();
        Placements(db, "3-01-01-01", 30, 3000m);
        Placements(db, "3-01-01-02", 5, 20000m);   // alone: IQR 0, all 5 kept (n = 5, suppressed)
        var rows = new WageGuidanceService(db).GetGuidance(2026).Rows;
        // pool: 30 × 3000, 5 × 20000, n = 35, h = 34p + 1: Q1 h = 9.5 → 3000, Q3 h = 26.5 → 3000,
        // IQR 0 → fences [3000, 3000]: the five 20000 are dropped from the pool, n = 30, P50 3000
        rows.Select(r => (r.OccupationCode, r.N, r.Suppressed, r.P50)).ShouldBe(
        [
            ("3-01-01-01", 30, false, (decimal?)3000m),
            ("3-01-01-02", 5, true, null),
            ("3-01-01", 30, false, 3000m),
        ]);
    }

    [Fact]
    public void Change_pct_against_the_previous_median_is_null_when_either_year_is_suppressed_or_missing()
    {
        using var db = CatalogDatabase.Open();
        Placements(db, "2-01-01-01", 30, 5000m); Placements(db, "2-01-01-01", 30, 4000m, 2025); // 5000/4000 − 1 = 25.0 %
        Placements(db, "2-01-01-02", 30, 4002m); Placements(db, "2-01-01-02", 30, 4000m, 2025); // 4002/4000 − 1 = 0.05 % → 0.1 (half away from zero)
        Placements(db, "2-01-01-03", 30, 3000m); Placements(db, "2-01-01-03", 30, 2800m, 2025); // 3000/2800 − 1 = 7.142… % → 7.1
        Placements(db, "2-01-01-04", 30, 3000m); Placements(db, "2-01-01-04", 29, 2800m, 2025); // previous year suppressed
        Placements(db, "2-01-01-05", 30, 3000m);                                                 // no previous sample
        Placements(db, "2-01-01-06", 30, 2700m, 2025); Placements(db, "2-01-01-06", 30, 2000m, 2025); // previous year only: not listed
        Placements(db, "2-01-01-07", 29, 3000m); Placements(db, "2-01-01-07", 30, 2800m, 2025); // this year suppressed
        var rows = new WageGuidanceService(db).GetGuidance(2026).Rows;
        rows.Select(r => (r.OccupationCode, r.ChangePct)).ShouldBe(
        [
            ("2-01-01-01", (decimal?)25.0m),
            ("2-01-01-02", 0.1m),
            ("2-01-01-03", 7.1m),
            ("2-01-01-04", null),
            ("2-01-01-05", null),
            ("2-01-01-07", null),
            // group 2-01-01 (07 is suppressed): pool 2026 = 30×5000, 30×4002, 30+30+30+29 = 119×3000 (n = 179),
            // median h = 90 → 3000. Pool 2025 (n = 209): 30×2000, 30×2700, 30+29+30 = 89×2800 (x61..x149),
            // 60×4000; Q1 h = 53 → 2700, Q3 h = 157 → 4000, fences [−1200, 7900] keep all; median h = 105 → 2800.
            // 3000 / 2800 − 1 = 7.142… % → 7.1
            ("2-01-01", 7.1m),
        ]);
    }
}
