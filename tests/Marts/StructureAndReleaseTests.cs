using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.Structure;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>
/// The structure example of compliance-and-statistics.md B.5 (天河区 440106, 2026-09), age-band
/// boundaries (白云区 440111) and the release example of section C (江岸区 420102, 2026Q2 → 2026Q3),
/// loaded through a real ingest pass.
/// </summary>
public sealed class StructureAndReleaseLake : IDisposable
{
    private readonly LakeFixture _lake = new();
    public DuckDbDataSource Catalog { get; }

    public StructureAndReleaseLake()
    {
        _lake.Csv("jobseekers", "seeker_id,registered_on,region_code,occupation_code,gender,birth_year,education,category",
            "S-S1,2026-09-01,440106,4-01-02-01,M,2002,associate,new_graduate",
            "S-S2,2026-09-02,440106,4-01-02-01,F,2001,bachelor,new_graduate",
            "S-S3,2026-09-03,440106,4-01-02-01,F,1981,high_school,unemployed",
            "S-S4,2026-09-04,440106,4-01-02-01,M,1971,junior_high,migrant_worker",
            "S-S5,2026-09-05,440106,4-01-02-01,,,,",
            "S-S6,2026-09-06,440106,4-01-02-01,M,1992,vocational,employed_seeking",
            "S-S7,2026-08-31,440106,4-01-02-01,M,1992,vocational,employed_seeking", // August: not in P
            // age boundaries in 2026: 15 → under_16, 16 → 16_24, 54 → 45_54, 55 → 55_plus
            "S-A1,2026-09-01,440111,4-01-02-01,F,2011,,", "S-A2,2026-09-01,440111,4-01-02-01,F,2010,,",
            "S-A3,2026-09-01,440111,4-01-02-01,F,1972,,", "S-A4,2026-09-01,440111,4-01-02-01,F,1971,,");
        _lake.Csv("vacancies", "posting_id,registered_on,region_code,employer_id,industry_code,occupation_code,positions,education_min",
            "P1,2026-09-10,440106,E1,C13,4-01-02-01,10,none",
            "P2,2026-09-10,440106,E1,I,4-01-02-01,4,associate",
            "P3,2026-09-10,440106,E1,,4-01-02-01,3,bachelor",
            "P4,2026-09-10,440106,E1,c,4-01-02-01,2,high_school");
        Release();
        Catalog = _lake.Ingest();
    }

    /// <summary>Section C's worked example: each occupation's demand and supply in 2026Q2 and 2026Q3.</summary>
    private void Release()
    {
        var vacancies = new List<string>();
        var seekers = new List<string>();
        void Figures(string occupation, string day, int demand, int supply)
        {
            if (demand > 0) vacancies.Add($"R-{occupation}-{day},{day},420102,E1,{occupation},{demand}");
            seekers.AddRange(Enumerable.Range(1, supply).Select(i => $"S-{occupation}-{day}-{i:D3},{day},420102,{occupation}"));
        }
        // 2026Q2: ranks 1–5 by gap 90, 70, 40, 35, 30; then 5-01-01-01 (25) and 6-31-01-03 (20), listed only in a longer list
        Figures("6-18-02-04", "2026-05-10", 130, 40);
        Figures("4-01-02-01", "2026-05-10", 90, 20);
        Figures("2-02-10-01", "2026-05-10", 60, 20);
        Figures("4-02-01-01", "2026-05-10", 50, 15);
        Figures("3-01-01-01", "2026-05-10", 45, 15);
        Figures("5-01-01-01", "2026-05-10", 40, 15);
        Figures("6-31-01-03", "2026-05-10", 30, 10);
        // 2026Q3: gap 80 (ratio 6.33), 80 (3.00), 30 (no supply), 25, 23; then 4-02-01-01 (15)
        Figures("4-01-02-01", "2026-08-10", 95, 15);
        Figures("6-18-02-04", "2026-08-10", 120, 40);
        Figures("4-10-01-06", "2026-08-10", 30, 0);
        Figures("2-02-10-01", "2026-08-10", 40, 15);
        Figures("6-31-01-03", "2026-08-10", 35, 12);
        Figures("4-02-01-01", "2026-08-10", 20, 5);
        _lake.Csv("vacancies", "posting_id,registered_on,region_code,employer_id,occupation_code,positions", vacancies);
        _lake.Csv("jobseekers", "seeker_id,registered_on,region_code,occupation_code", seekers);
        _lake.Csv("occupations", "occupation_code,occupation_name", "4-10-01-06,快递员", "2-02-10-01,电子工程技术人员");
    }

    public void Dispose()
    {
        Catalog.Dispose();
        _lake.Dispose();
    }
}

public class StructureAndReleaseTests(StructureAndReleaseLake lake) : IClassFixture<StructureAndReleaseLake>
{
    private static readonly ReportingPeriod September = ReportingPeriod.Parse("2026-09");

    private IReadOnlyList<(string, long?, long?, decimal?, decimal?, decimal?)> Structure(StructureBreakdown breakdown, string region = "440106") =>
        new StructureService(lake.Catalog).Get(September, breakdown, region).Rows
            .Select(r => (r.Key, r.Demand, r.Supply, r.DemandSharePct, r.SupplySharePct, r.Ratio)).ToArray();

    [Fact]
    public void Gender_splits_supply_only()
    {
        // 6 seekers: M 3 (50.0), F 2 (33.3), unknown 1 (16.7); vacancies carry no gender
        Structure(StructureBreakdown.Gender).ShouldBe(
        [
            ("M", null, 3L, null, 50.0m, null),
            ("F", null, 2L, null, 33.3m, null),
            ("unknown", null, 1L, null, 16.7m, null),
        ]);
    }

    [Fact]
    public void Age_bands_use_the_year_of_the_period_and_leave_out_empty_bands()
    {
        // s1 2026 − 2002 = 24; s2 25, s6 34; s3 45, s4 55; s5 unknown. Shares add to 100.1: rounding
        Structure(StructureBreakdown.AgeBand).ShouldBe(
        [
            ("16_24", null, 1L, null, 16.7m, null),
            ("25_34", null, 2L, null, 33.3m, null),
            ("45_54", null, 1L, null, 16.7m, null),
            ("55_plus", null, 1L, null, 16.7m, null),
            ("unknown", null, 1L, null, 16.7m, null),
        ]);
        // bands are inclusive: 15 under_16, 16 in 16_24, 54 in 45_54, 55 in 55_plus; 4 seekers, 25.0 each
        Structure(StructureBreakdown.AgeBand, "440111").Select(r => (r.Item1, r.Item3, r.Item5)).ShouldBe(
            [("under_16", 1L, 25.0m), ("16_24", 1L, 25.0m), ("45_54", 1L, 25.0m), ("55_plus", 1L, 25.0m)]);
    }

    [Fact]
    public void Education_splits_both_sides_with_ratios_except_none_and_unknown()
    {
        // demand 10 + 4 + 3 + 2 = 19: none 10 ÷ 19 = 52.6, high_school 10.5, associate 21.1, bachelor 15.8
        Structure(StructureBreakdown.Education).ShouldBe(
        [
            ("none", 10L, 0L, 52.6m, 0.0m, null),            // open to any education: no ratio
            ("junior_high", 0L, 1L, 0.0m, 16.7m, 0.00m),
            ("high_school", 2L, 1L, 10.5m, 16.7m, 2.00m),
            ("vocational", 0L, 1L, 0.0m, 16.7m, 0.00m),
            ("associate", 4L, 1L, 21.1m, 16.7m, 4.00m),
            ("bachelor", 3L, 1L, 15.8m, 16.7m, 3.00m),
            ("unknown", 0L, 1L, 0.0m, 16.7m, null),
        ]);                                                   // master and doctorate left out (all 0)
    }

    [Fact]
    public void Category_and_industry_split_one_side_each()
    {
        Structure(StructureBreakdown.Category).Select(r => (r.Item1, r.Item2, r.Item3, r.Item5)).ShouldBe(
        [
            ("unemployed", null, 1L, 16.7m), ("new_graduate", null, 2L, 33.3m), ("migrant_worker", null, 1L, 16.7m),
            ("employed_seeking", null, 1L, 16.7m), ("unknown", null, 1L, 16.7m),
        ]);                                                   // other left out
        // C13 → C and c → C: 10 + 2 = 12 (63.2), I 4 (21.1), empty 3 (15.8) of 19
        Structure(StructureBreakdown.Industry).ShouldBe(
        [
            ("C", 12L, null, 63.2m, null, null),
            ("I", 4L, null, 21.1m, null, null),
            ("unknown", 3L, null, 15.8m, null, null),
        ]);
    }

    [Fact]
    public void A_breakdown_name_outside_the_five_is_refused()
    {
        StructureService.Parse("age_band").ShouldBe(StructureBreakdown.AgeBand);
        Should.Throw<MartValidationException>(() => StructureService.Parse("age"));
    }

    private RankingRelease Release(int? top = 5, int? k = 3) =>
        new RankingReleaseService(lake.Catalog).Get(ReportingPeriod.Parse("2026Q3"), "420102", RankingKind.Shortage, top, k);

    [Fact]
    public void Release_totals_and_their_change_compare_each_period_s_own_list()
    {
        var r = Release();
        // L: 95 + 120 + 30 + 40 + 35 = 320, 15 + 40 + 0 + 15 + 12 = 82; L′: 130 + 90 + 60 + 50 + 45 = 375, 40 + 20 + 20 + 15 + 15 = 110
        (r.DemandTotal, r.DemandTotalPrev, r.DemandChangePct).ShouldBe((320L, 375L, (decimal?)-14.7m));  // 320 ÷ 375 = 0.8533
        (r.SupplyTotal, r.SupplyTotalPrev, r.SupplyChangePct).ShouldBe((82L, 110L, (decimal?)-25.5m));   // 82 ÷ 110 = 0.74545
        (r.GapTotal, r.GapTotalPrev, r.GapChangePct).ShouldBe((238L, 265L, (decimal?)-10.2m));           // 238 ÷ 265 = 0.89811
        (r.RatioTotal, r.RatioTotalPrev, r.RatioChange).ShouldBe(((decimal?)3.90m, (decimal?)3.41m, (decimal?)0.49m)); // 320/82 = 3.902, 375/110 = 3.409
    }

    [Fact]
    public void Release_entries_exits_and_movers()
    {
        var r = Release();
        (r.NewlyListed, r.Dropped, r.MovedUp, r.MovedDown, r.Unchanged).ShouldBe((2, 2, 1, 2, 0));
        r.NewlyListedOccupations.Select(o => o.OccupationCode).ShouldBe(["4-10-01-06", "6-31-01-03"]); // ranks 3 and 5
        r.NewlyListedOccupations[0].OccupationName.ShouldBe("快递员");
        r.DroppedOccupations.Select(o => o.OccupationCode).ShouldBe(["4-02-01-01", "3-01-01-01"]);     // previous ranks 4 and 5
        // k = 3: 4-10-01-06 enters at 3 (new); 2-02-10-01 leaves from 3 to 4
        r.TopEntering.ShouldBe([new TopMover("4-10-01-06", "快递员", 3, null)]);
        r.TopLeaving.ShouldBe([new TopMover("2-02-10-01", "电子工程技术人员", 4, 3)]);
    }

    [Fact]
    public void Release_counts_per_major_group()
    {
        Release().MajorGroups.Select(g => (g.Group, g.Listed, g.ListedPrev, g.Change, g.SharePct)).ShouldBe(
        [
            ("2", 1, 1, 0, (decimal?)20.0m),   // 1 ÷ 5
            ("3", 0, 1, -1, 0.0m),
            ("4", 2, 2, 0, 40.0m),
            ("6", 2, 1, 1, 40.0m),
        ]);
        Release().MajorGroups[0].Name.ShouldBe("专业技术人员");
    }

    [Fact]
    public void A_list_shorter_than_its_length_drops_what_it_does_not_replace()
    {
        // top 100: L has the 6 occupations of 2026Q3, L′ the 7 of 2026Q2
        var r = Release(top: null, k: null);
        (r.Listed, r.ListedPrev).ShouldBe((6, 7));
        r.NewlyListedOccupations.Select(o => o.OccupationCode).ShouldBe(["4-10-01-06"]);
        r.DroppedOccupations.Select(o => o.OccupationCode).ShouldBe(["3-01-01-01", "5-01-01-01"]); // previous ranks 5 and 6
        (r.DemandTotal, r.DemandTotalPrev).ShouldBe((340L, 445L));   // 320 + 4-02-01-01's 20; 375 + 40 + 30
        r.K.ShouldBe(10);
        r.TopEntering.Select(m => m.OccupationCode).ShouldBe(["4-10-01-06"]);   // the only one not in L′'s top 10
        r.TopLeaving.Select(m => (m.OccupationCode, m.Rank)).ShouldBe([("3-01-01-01", (int?)null), ("5-01-01-01", null)]);
        // the ranking itself agrees with the release's lists
        new OccupationRankingService(lake.Catalog).GetRanking(ReportingPeriod.Parse("2026Q3"), "420102", top: 5).Rows
            .Select(x => (x.OccupationCode, x.PreviousRank)).ShouldBe(
                [("4-01-02-01", (int?)2), ("6-18-02-04", 1), ("4-10-01-06", null), ("2-02-10-01", 3), ("6-31-01-03", null)]);
    }

    [Fact]
    public void Release_with_no_previous_list_has_no_changes()
    {
        var r = new RankingReleaseService(lake.Catalog).Get(ReportingPeriod.Parse("2026Q2"), "420102", RankingKind.Shortage, 5, 3);
        (r.ListedPrev, r.DemandTotalPrev, r.DemandChangePct, r.RatioTotalPrev, r.RatioChange).ShouldBe((0, 0L, (decimal?)null, (decimal?)null, (decimal?)null));
        r.NewlyListed.ShouldBe(5);
    }
}
