using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.SupplyDemand;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

public class OccupationRankingTests
{
    private static readonly ReportingPeriod Q3 = ReportingPeriod.Parse("2026Q3");

    /// <summary>The worked example of metrics.md §1 (one region, 2026Q3, minimum demand 10).</summary>
    private static DuckDbDataSource WorkedExample()
    {
        var db = CatalogDatabase.Open();
        db.ExecuteNonQuery("INSERT INTO occupations VALUES ('4-01-02-01', '营销员'), ('6-18-02-04', '电子设备装接工')");
        db.Vacancy("4-01-02-01", 95); db.Seekers("4-01-02-01", 15);
        db.Vacancy("6-18-02-04", 100); db.Vacancy("6-18-02-04", 20, "2026-09-30"); db.Seekers("6-18-02-04", 40);
        db.Vacancy("4-10-01-06", 30);
        db.Vacancy("2-02-10-01", 9); db.Seekers("2-02-10-01", 1);
        db.Vacancy("4-03-02-05", 50); db.Seekers("4-03-02-05", 70, "2026-07-01");
        // outside the quarter: must not count
        db.Vacancy("4-03-02-05", 500, "2026-10-01"); db.Seekers("4-01-02-01", 50, "2026-06-30");
        return db;
    }

    [Fact]
    public void Worked_example_table_of_metrics_section_1()
    {
        using var db = WorkedExample();
        var rows = new SupplyDemandService(db).GetByLevel(Q3, OccupationLevel.Occupation);
        rows.Select(r => (r.Code, r.Demand, r.Supply, r.Gap, r.Ratio)).ShouldBe(
        [
            ("2-02-10-01", 9L, 1L, 8L, (decimal?)9.00m),     // 9/1
            ("4-01-02-01", 95L, 15L, 80L, 6.33m),            // 95/15 = 6.333… → 6.33
            ("4-03-02-05", 50L, 70L, -20L, 0.71m),           // 50/70 = 0.714… → 0.71
            ("4-10-01-06", 30L, 0L, 30L, null),              // no supply: null
            ("6-18-02-04", 120L, 40L, 80L, 3.00m),           // 100 + 20 = 120; 120/40 = 3
        ]);
    }

    [Fact]
    public void Worked_example_shortage_list_gap_ties_by_ratio_then_null_ratio_and_min_demand()
    {
        using var db = WorkedExample();
        var ranking = new OccupationRankingService(db).GetRanking(Q3);
        ranking.Rows.Select(r => (r.Rank, r.OccupationCode, r.Demand, r.Supply, r.Gap, r.Ratio)).ShouldBe(
        [
            (1, "4-01-02-01", 95L, 15L, 80L, (decimal?)6.33m),  // gap 80 ties with the next; ratio 6.33 > 3.00
            (2, "6-18-02-04", 120L, 40L, 80L, 3.00m),
            (3, "4-10-01-06", 30L, 0L, 30L, null),
        ]);                                                    // 2-02-10-01 (demand 9) and 4-03-02-05 (surplus) not listed
        ranking.Rows[0].OccupationName.ShouldBe("营销员");
        ranking.Rows[2].OccupationName.ShouldBeNull();
        // totals over the listed rows: demand 95 + 120 + 30 = 245, supply 15 + 40 + 0 = 55, gap 190, ratio 245/55 = 4.4545… → 4.45
        ranking.Totals.ShouldBe(new RankingTotals(245, 55, 190, 4.45m));
        ranking.ListedPerMajorGroup.ShouldBe(new Dictionary<string, int> { ["4"] = 2, ["6"] = 1 });
        ranking.PreviousPeriod.Label.ShouldBe("2026Q2");
        ranking.Notes.MethodEn.ShouldContain("not by the weighted value");
        ranking.Notes.Thresholds.ShouldContain(new ThresholdUsed("min_demand", "10", "最低招聘人数"));
        ranking.Notes.DataAsOf.ShouldBeNull(); // no ingest manifest in this database
    }

    [Fact]
    public void Worked_example_surplus_list()
    {
        using var db = WorkedExample();
        var rows = new OccupationRankingService(db).GetRanking(Q3, kind: RankingKind.Surplus).Rows;
        rows.Select(r => (r.Rank, r.OccupationCode, r.Gap, r.Ratio)).ShouldBe([(1, "4-03-02-05", -20L, (decimal?)0.71m)]);
    }

    [Fact]
    public void Surplus_list_orders_by_gap_ascending_then_ratio_ascending_and_needs_supply_of_10()
    {
        using var db = CatalogDatabase.Open();
        db.Vacancy("8-01-00-01", 20); db.Seekers("8-01-00-01", 40);                 // gap −20, ratio 0.50
        db.Vacancy("8-01-00-02", 10); db.Seekers("8-01-00-02", 30);                 // gap −20, ratio 0.33: lower ratio first
        db.Seekers("8-01-00-03", 25, region: "440305"); db.Seekers("8-01-00-03", 5); // gap −30, no demand at all
        db.Seekers("8-01-00-04", 9);                                                // supply 9: below the minimum
        var rows = new OccupationRankingService(db).GetRanking(Q3, kind: RankingKind.Surplus).Rows;
        rows.Select(r => (r.OccupationCode, r.Gap, r.Ratio)).ShouldBe(
            [("8-01-00-03", -30L, (decimal?)0.00m), ("8-01-00-02", -20L, 0.33m), ("8-01-00-01", -20L, 0.50m)]);
        // mirrored typical cities: the largest surplus first (Shenzhen −25, Guangzhou −5)
        rows[0].TypicalCities.ShouldBe(["440300", "440100"]);
    }

    [Fact]
    public void Gap_tie_is_broken_by_the_exact_ratio_not_the_rounded_one()
    {
        using var db = CatalogDatabase.Open();
        // both gap 10 and ratio 1.00 when rounded; exact 3010/3000 = 1.003333… > 3011/3001 = 1.003332…
        db.Vacancy("1-01-00-02", 3010); db.Seekers("1-01-00-02", 3000);
        db.Vacancy("1-01-00-01", 3011); db.Seekers("1-01-00-01", 3001);
        var rows = new OccupationRankingService(db).GetRanking(Q3).Rows;
        rows.Select(r => (r.OccupationCode, r.Ratio)).ShouldBe([("1-01-00-02", (decimal?)1.00m), ("1-01-00-01", 1.00m)]);
    }

    [Fact]
    public void Null_ratio_comes_first_among_equal_gaps_and_code_breaks_full_ties()
    {
        using var db = CatalogDatabase.Open();
        db.Vacancy("3-01-00-01", 40); db.Seekers("3-01-00-01", 10);   // gap 30, ratio 4.00
        db.Vacancy("3-01-00-02", 30);                                  // gap 30, no supply
        db.Vacancy("3-01-00-04", 60); db.Seekers("3-01-00-04", 30);   // gap 30, ratio 2.00
        db.Vacancy("3-01-00-03", 60); db.Seekers("3-01-00-03", 30);   // same figures: code decides
        var rows = new OccupationRankingService(db).GetRanking(Q3).Rows;
        rows.Select(r => r.OccupationCode).ShouldBe(["3-01-00-02", "3-01-00-01", "3-01-00-03", "3-01-00-04"]);
    }

    [Fact]
    public void Minimum_demand_boundary_9_is_out_10_is_in()
    {
        using var db = CatalogDatabase.Open();
        db.Vacancy("5-01-00-09", 9);
        db.Vacancy("5-01-00-10", 10);
        new OccupationRankingService(db).GetRanking(Q3).Rows.Select(r => r.OccupationCode).ShouldBe(["5-01-00-10"]);
        new OccupationRankingService(db, new MetricsOptions { RankingMinimum = 9 }).GetRanking(Q3).Rows.Count.ShouldBe(2);
    }

    [Fact]
    public void Previous_rank_comes_from_the_previous_quarter_of_the_same_scope_and_new_when_not_listed()
    {
        using var db = CatalogDatabase.Open();
        // 2026Q2: A gap 50 (rank 1), B gap 40 (rank 2), C gap 30 (rank 3: outside top 2)
        db.Vacancy("7-01-00-0A", 50, "2026-04-01");
        db.Vacancy("7-01-00-0B", 40, "2026-06-30");
        db.Vacancy("7-01-00-0C", 30, "2026-05-10");
        // the same occupations elsewhere in Q2 (outside scope 440100): must not count
        db.Vacancy("7-01-00-0C", 900, "2026-05-10", "440305");
        // 2026Q3: B gap 60 (rank 1, was 2 → +1), A gap 20 (rank 2, was 1 → −1), C gap 10 (not kept)
        db.Vacancy("7-01-00-0B", 60);
        db.Vacancy("7-01-00-0A", 20);
        db.Vacancy("7-01-00-0C", 10);
        var rows = new OccupationRankingService(db).GetRanking(Q3, "440100", top: 2).Rows;
        rows.Select(r => (r.Rank, r.OccupationCode, r.PreviousRank, r.RankChange.ToString())).ShouldBe(
        [
            (1, "7-01-00-0B", (int?)2, "1"),
            (2, "7-01-00-0A", 1, "-1"),
        ]);
        // with top 3, C is listed now and was rank 3 in Q2 but with top 3 it was listed then too: 3 − 3 = 0
        var all = new OccupationRankingService(db).GetRanking(Q3, "440100", top: 3).Rows;
        all[2].ShouldBe(all[2] with { OccupationCode = "7-01-00-0C", PreviousRank = 3, RankChange = new RankChange(0) });
        // a month: 2026-09 against 2026-08; nothing in August, so everything is new
        var september = new OccupationRankingService(db).GetRanking(ReportingPeriod.Parse("2026-09"), "440100").Rows;
        september.ShouldAllBe(r => r.PreviousRank == null && r.RankChange.IsNew);
    }

    [Fact]
    public void Typical_cities_are_the_largest_positive_gaps_inside_the_scope()
    {
        using var db = CatalogDatabase.Open();
        const string occupation = "2-02-01-01";
        db.Vacancy(occupation, 30, region: "440106");                         // Guangzhou (county 天河区): gap 30 + 25 = 55
        db.Vacancy(occupation, 25, region: "440111");                         // Guangzhou (county 白云区)
        db.Vacancy(occupation, 40, region: "440305");                         // Shenzhen: gap 40
        db.Vacancy(occupation, 12, region: "440400");                         // Zhuhai: gap 12
        db.Vacancy(occupation, 11, region: "440500"); db.Seekers(occupation, 1, region: "440500"); // Shantou: gap 10
        db.Vacancy(occupation, 5, region: "440600"); db.Seekers(occupation, 9, region: "440600");  // Foshan: gap −4, never typical
        db.Vacancy(occupation, 500, region: "450102");                        // Nanning: outside Guangdong

        var guangdong = new OccupationRankingService(db).GetRanking(Q3, "440000").Rows.ShouldHaveSingleItem();
        // 30 + 25 + 40 + 12 + 11 + 5 = 123 demand; 1 + 9 = 10 supply
        (guangdong.Demand, guangdong.Supply).ShouldBe((123L, 10L));
        guangdong.TypicalCities.ShouldBe(["440100", "440300", "440400"]);

        var national = new OccupationRankingService(db).GetRanking(Q3).Rows.ShouldHaveSingleItem();
        national.TypicalCities.ShouldBe(["450100", "440100", "440300"]);
        new OccupationRankingService(db, new MetricsOptions { TypicalCities = 1 }).GetRanking(Q3, "440000").Rows[0]
            .TypicalCities.ShouldBe(["440100"]);
    }

    [Fact]
    public void Group_levels_aggregate_major_medium_and_minor_groups()
    {
        using var db = WorkedExample();
        var service = new SupplyDemandService(db);
        // major 4: demand 95 + 30 + 50 = 175, supply 15 + 0 + 70 = 85, ratio 175/85 = 2.0588… → 2.06
        service.GetByLevel(Q3, OccupationLevel.Major).Select(r => (r.Code, r.Demand, r.Supply, r.Ratio))
            .ShouldBe([("2", 9L, 1L, (decimal?)9.00m), ("4", 175L, 85L, 2.06m), ("6", 120L, 40L, 3.00m)]);
        service.GetByLevel(Q3, OccupationLevel.Medium).Select(r => r.Code).ShouldBe(["2-02", "4-01", "4-03", "4-10", "6-18"]);
        service.GetByLevel(Q3, OccupationLevel.Minor).Select(r => r.Code).ShouldBe(["2-02-10", "4-01-02", "4-03-02", "4-10-01", "6-18-02"]);
    }

    [Fact]
    public void Bad_period_and_unknown_region_get_clear_messages()
    {
        using var db = CatalogDatabase.Open();
        Should.Throw<MartValidationException>(() => ReportingPeriod.Parse("2026-Q3")).Message
            .ShouldBe("Unknown period format '2026-Q3': use a quarter like 2026Q3 or a month like 2026-09.");
        Should.Throw<MartValidationException>(() => new OccupationRankingService(db).GetRanking(Q3, "440199")).Message
            .ShouldBe("Region code '440199' is not in the reference data (regions).");
        Should.Throw<MartValidationException>(() => new OccupationRankingService(db).GetRanking(Q3, "44")).Message
            .ShouldContain("not a 6-digit");
        db.ExecuteNonQuery("DROP TABLE regions");   // reference data not loaded yet
        Should.Throw<MartValidationException>(() => new OccupationRankingService(db).GetRanking(Q3, "440000")).Message
            .ShouldBe("Region code '440000' is not in the reference data (regions).");
    }

    [Fact]
    public void An_empty_ranking_says_why()
    {
        using var db = CatalogDatabase.Open();
        var service = new OccupationRankingService(db);
        service.GetRanking(Q3, "440000").EmptyReason.ShouldBe("No vacancy or job-seeker registrations in 2026Q3 for region 440000.");
        db.Vacancy("5-01-00-09", 9);
        service.GetRanking(Q3).EmptyReason
            .ShouldBe("No occupation in 2026Q3 for all regions has demand above supply with demand of at least 10.");
        db.Vacancy("5-01-00-10", 10);
        service.GetRanking(Q3).EmptyReason.ShouldBeNull();
    }

    [Theory]
    [InlineData("2026Q3", "2026-07-01", "2026-10-01", "2026Q2")]
    [InlineData("2026q1", "2026-01-01", "2026-04-01", "2025Q4")]
    [InlineData("2026-09", "2026-09-01", "2026-10-01", "2026-08")]
    [InlineData("202601", "2026-01-01", "2026-02-01", "2025-12")]
    public void Periods_parse_and_step_back_by_their_own_length(string text, string start, string end, string previous)
    {
        var period = ReportingPeriod.Parse(text);
        (period.Start, period.End).ShouldBe((DateOnly.Parse(start), DateOnly.Parse(end)));
        period.Previous.Label.ShouldBe(previous);
    }
}
