using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts.Indicators;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>
/// The worked examples of compliance-and-statistics.md B.5 for the indicators (long-term
/// unemployed, benefit recipients who found work, retiree flows, year to date and last year),
/// each in a county of its own, loaded through a real ingest pass.
/// </summary>
public sealed class IndicatorStatisticsLake : IDisposable
{
    private readonly LakeFixture _lake = new();
    public DuckDbDataSource Catalog { get; }

    private const string Unemployment = "person_id,registered_on,region_code,ended_on,end_reason,ui_months,ui_monthly_amount";

    public IndicatorStatisticsLake()
    {
        // Long-term unemployed, 440106, m = 2026-09, L = 2026-09-30
        _lake.Csv("unemployment", Unemployment,
            "S-LT-1,2025-09-30,440106,,,0,",                // 365 days at L: long-term
            "S-LT-2,2025-10-01,440106,,,0,",                // 364 days: not
            "S-LT-3,2025-03-01,440106,2026-09-30,other,0,", // ended on L: not in the stock
            "S-LT-4,2025-03-01,440106,2026-10-05,other,0,"); // ended after L: 578 days, long-term
        // Benefit recipients who found work, 440111, m = 2026-06: A, B, C registered 2026-03-10 with 6 benefit months
        _lake.Csv("unemployment", Unemployment,
            "S-UI-A,2026-03-10,440111,,,6,1980.00",
            "S-UI-B,2026-03-10,440111,2026-06-20,reemployed,6,1980.00",
            "S-UI-C,2026-03-10,440111,,,6,1980.00");
        _lake.Csv("employment", "person_id,employed_on,region_code,occupation_code,employment_type",
            "S-UI-A,2026-06-15,440111,4-01-02-01,employee",
            "S-UI-B,2026-06-15,440111,4-01-02-01,employee",
            "S-UI-C,2026-01-05,440111,4-01-02-01,employee"); // the job lost before registering
        // Retiree flows, 440305, m = 2026-09
        _lake.Csv("retirees", "retiree_id,region_code,gender,birth_date,retired_on,monthly_pension,status,status_on",
            "S-R1,440305,M,1966-08-15,2026-09-01,3000,active,",
            "S-R2,440305,M,1966-08-20,2026-09-15,3000,deceased,2026-09-28",
            "S-R3,440305,F,1960-04-01,2010-05-01,3000,deceased,2026-09-03",
            "S-R4,440305,F,1965-01-01,2015-01-01,3000,transferred_out,2026-09-30",
            "S-R5,440305,F,1962-01-01,2012-01-01,3000,transferred_out,2026-10-01");
        YearToDate();
        Catalog = _lake.Ingest();
    }

    /// <summary>
    /// 450102, m = 2026-09. new_employment 1,050 in September against 1,000 a year earlier;
    /// Jan–Sep 9,120 against 9,500. Demand Jan–Sep 12,000 (2,000 in September) and supply 8,000
    /// (1,000 in September); last year 11,200 (1,200) and 7,000 (1,000). Registered unemployed
    /// 4,400 at 2026-09-30 and 4,000 at 2025-09-30. Benefit: A Jan–Mar, B Mar–Sep. Dispatch
    /// margin 5,000.00 in September against −3,000.00.
    /// </summary>
    private void YearToDate()
    {
        IEnumerable<string> Jobs(string prefix, string day, int count) =>
            Enumerable.Range(1, count).Select(i => $"S-{prefix}-{i:D5},{day},450102,4-01-02-01,employee");
        _lake.Csv("employment", "person_id,employed_on,region_code,occupation_code,employment_type",
            [.. Jobs("E26S", "2026-09-10", 1_050), .. Jobs("E26M", "2026-03-10", 9_120 - 1_050),
             .. Jobs("E25S", "2025-09-10", 1_000), .. Jobs("E25M", "2025-03-10", 9_500 - 1_000),
             .. Jobs("E25O", "2025-10-10", 777)]); // after last year's September: in no window
        _lake.Csv("vacancies", "posting_id,registered_on,region_code,employer_id,occupation_code,positions",
            "V1,2026-09-05,450102,E1,4-01-02-01,2000", "V2,2026-03-05,450102,E1,4-01-02-01,10000",
            "V3,2025-09-05,450102,E1,4-01-02-01,1200", "V4,2025-02-05,450102,E1,4-01-02-01,10000",
            "V5,2025-12-05,450102,E1,4-01-02-01,50000");
        IEnumerable<string> Seekers(string prefix, string day, int count) =>
            Enumerable.Range(1, count).Select(i => $"S-{prefix}-{i:D5},{day},450102,4-01-02-01");
        _lake.Csv("jobseekers", "seeker_id,registered_on,region_code,occupation_code",
            [.. Seekers("J26S", "2026-09-06", 1_000), .. Seekers("J26M", "2026-04-06", 7_000),
             .. Seekers("J25S", "2025-09-06", 1_000), .. Seekers("J25M", "2025-04-06", 6_000)]);
        IEnumerable<string> Registered(string prefix, string day, int count, string ended = "", string reason = "") =>
            Enumerable.Range(1, count).Select(i => $"S-{prefix}-{i:D5},{day},450102,{ended},{reason},0,");
        _lake.Csv("unemployment", Unemployment,
            [.. Registered("U-BULK", "2025-01-15", 3_999),                          // open at both anchors
             .. Registered("U-LY", "2025-05-01", 1, "2025-12-01", "other"),          // open at 2025-09-30 only
             .. Registered("U-NEW", "2026-02-01", 400),                              // open at 2026-09-30 only
             "S-UI-YA,2026-01-10,450102,2026-04-01,other,3,1500.00",                 // receives Jan–Mar
             "S-UI-YB,2026-03-05,450102,,,7,1600.00"]);                              // receives Mar–Sep, open
        // differential_5: VAT = service ÷ 1.05 × 5 %, surtax 12 % of VAT
        _lake.Csv("dispatch_projects", "project_id,project_name,agency_id,agency_name,client_id,client_name,region_code,start_on,fee_model,fee_rate,tax_method",
            "P-YTD,南宁项目,A1,机构,C1,客户,450102,2025-01-01,per_head,100,differential_5");
        const string settlement = "month,project_id,worker_id,gross_wage,si_base,employer_pension,employer_medical,employer_unemployment,employer_injury,employer_maternity,employer_housing_fund,personal_pension,personal_medical,personal_unemployment,personal_housing_fund,income_tax,net_pay,service_fee,billed_total";
        _lake.Csv("dispatch_settlements", settlement,
            // service 5,460.00: VAT 260.00, surtax 31.20 → 5,168.80; cost 168.80 → margin 5,000.00
            "2026-09,P-YTD,S-W1,4000,4000,0,0,0,0,0,0,0,0,0,0,0,4000,5460,9460",
            // service 2,100.00: VAT 100.00, surtax 12.00 → 1,988.00; cost 4,988.00 → margin −3,000.00
            "2025-09,P-YTD,S-W1,4000,4000,0,0,0,0,0,0,0,0,0,0,0,4000,2100,6100");
        _lake.Csv("dispatch_costs", "month,project_id,category,amount,cost_id",
            "2026-09,P-YTD,other,168.80,K1", "2025-09,P-YTD,other,4988.00,K2");
    }

    public void Dispose()
    {
        Catalog.Dispose();
        _lake.Dispose();
    }
}

public class IndicatorStatisticsTests(IndicatorStatisticsLake lake) : IClassFixture<IndicatorStatisticsLake>
{
    private IndicatorRow Month(string month, string region) =>
        new IndicatorService(lake.Catalog).GetMonthly(DateOnly.Parse(month + "-01"), region)[0];

    [Fact]
    public void Long_term_unemployed_counts_a_full_year_and_not_364_days()
    {
        var row = Month("2026-09", "440106");
        row.RegisteredUnemployed.ShouldBe(3);   // u1, u2, u4; u3 ended on L (ended_on > L is false)
        row.LongTermUnemployed.ShouldBe(2);     // u1 at 365 days, u4 at 578; u2 at 364 is not
        row.LongTermSharePct.ShouldBe(66.7m);   // 2 ÷ 3 × 100 = 66.67 → 66.7
        Month("2025-10", "440106").LongTermSharePct.ShouldBe(0.0m); // u3, u4 at 244 days; u1 at 1 day: 0 ÷ 3
    }

    [Fact]
    public void Long_term_share_is_null_without_registered_unemployed()
    {
        Month("2026-09", "440305").LongTermSharePct.ShouldBeNull();
    }

    [Fact]
    public void Benefit_recipients_who_found_work_must_be_open_at_month_end_and_employed_after_registering()
    {
        var june = Month("2026-06", "440111");
        june.UiRecipients.ShouldBe(3);                   // A, B (ended 06-20, not before June) and C
        june.UiWithEmployment.ShouldBe(1);               // A only: B ended before L, C's job predates registering
        june.UiPaidWhileEmployed.ShouldBe(1980.00m);
        var july = Month("2026-07", "440111");
        (july.UiRecipients, july.UiWithEmployment).ShouldBe((2L, 1L)); // A again while open; B gone
        // Jan–Jul: A counted in June and July, 1,980.00 each
        july.UiPaidWhileEmployedYtd.ShouldBe(3960.00m);
        Month("2026-05", "440111").UiWithEmployment.ShouldBe(0); // A's job begins in June
    }

    [Fact]
    public void Retiree_flows_explain_the_change_of_the_stock()
    {
        var september = Month("2026-09", "440305");
        var august = Month("2026-08", "440305");
        (september.NewRetirees, september.RetireeDeaths, september.RetireeTransfersOut).ShouldBe((2L, 2L, 1L)); // r1, r2 / r2, r3 / r4
        september.Retirees.ShouldBe(2);  // {r1, r5}
        august.Retirees.ShouldBe(3);     // {r3, r4, r5}
        (september.Retirees - august.Retirees).ShouldBe(september.NewRetirees - september.RetireeDeaths - september.RetireeTransfersOut); // −1
        Month("2026-10", "440305").RetireeTransfersOut.ShouldBe(1); // r5 on 10-01
    }

    [Fact]
    public void Year_to_date_and_same_month_last_year_of_a_flow()
    {
        var row = Month("2026-09", "450102");
        (row.NewEmployment, row.NewEmploymentLy).ShouldBe((1050L, 1000L));
        row.NewEmploymentYoyPct.ShouldBe(5.0m);            // (1,050 ÷ 1,000 − 1) × 100
        (row.NewEmploymentYtd, row.NewEmploymentYtdLy).ShouldBe((9120L, 9500L)); // October 2025 is in neither window
        row.NewEmploymentYtdYoyPct.ShouldBe(-4.0m);        // (9,120 ÷ 9,500 − 1) × 100 = −4.0
        row.NewEmploymentEmployeeYtd.ShouldBe(9120);
    }

    [Fact]
    public void Ratio_companions_are_differences_of_the_published_ratios()
    {
        var row = Month("2026-09", "450102");
        (row.DemandYtd, row.SupplyYtd, row.RatioYtd).ShouldBe((12000L, 8000L, (decimal?)1.50m));     // 12,000 ÷ 8,000
        (row.DemandYtdLy, row.SupplyYtdLy, row.RatioYtdLy).ShouldBe((11200L, 7000L, (decimal?)1.60m)); // 11,200 ÷ 7,000; December 2025 in neither
        row.RatioYtdYoy.ShouldBe(-0.10m);                  // 1.50 − 1.60
        (row.Ratio, row.RatioLy, row.RatioYoy).ShouldBe(((decimal?)2.00m, (decimal?)1.20m, (decimal?)0.80m)); // 2,000 ÷ 1,000; 1,200 ÷ 1,000
        row.DemandYoyPct.ShouldBe(66.7m);                  // (2,000 ÷ 1,200 − 1) × 100 = 66.67
    }

    [Fact]
    public void A_stock_has_last_year_but_no_year_to_date()
    {
        var row = Month("2026-09", "450102");
        (row.RegisteredUnemployed, row.RegisteredUnemployedLy).ShouldBe((4400L, 4000L)); // 3,999 + B + 400; 3,999 + 1
        row.RegisteredUnemployedYoyPct.ShouldBe(10.0m);    // (4,400 ÷ 4,000 − 1) × 100
        // long-term: the 3,999 of 2025-01-15 (623 days) of 4,400 = 90.886…% → 90.9; a year earlier none had a year
        (row.LongTermUnemployed, row.LongTermSharePct, row.LongTermSharePctLy).ShouldBe((3999L, (decimal?)90.9m, (decimal?)0.0m));
        row.LongTermSharePctYoy.ShouldBe(90.9m);           // 90.886… − 0 points
        typeof(IndicatorRow).GetProperty("RegisteredUnemployedYtd").ShouldBeNull();
    }

    [Fact]
    public void Benefit_recipients_year_to_date_are_distinct_persons()
    {
        var months = Enumerable.Range(1, 9).Select(m => Month($"2026-{m:D2}", "450102").UiRecipients).ToArray();
        months.Sum().ShouldBe(10);                          // A in Jan–Mar (3), B in Mar–Sep (7)
        var september = Month("2026-09", "450102");
        (september.UiRecipients, september.UiRecipientsYtd, september.UiRecipientsYtdLy).ShouldBe((1L, 2L, 0L));
        september.UiRecipientsYtdYoyPct.ShouldBeNull();     // from nothing: not a percentage
        // ui_paid_ytd: A 3 × 1,500.00 + B 7 × 1,600.00 = 15,700.00
        september.UiPaidYtd.ShouldBe(15700.00m);
    }

    [Fact]
    public void A_change_from_a_loss_is_not_a_percentage()
    {
        var row = Month("2026-09", "450102");
        (row.DispatchMargin, row.DispatchMarginLy).ShouldBe((5000.00m, -3000.00m));
        row.DispatchMarginYoyPct.ShouldBeNull();
        // billed 9,460.00 against 6,100.00: (9,460 ÷ 6,100 − 1) × 100 = 55.08 → 55.1
        row.DispatchBilledYoyPct.ShouldBe(55.1m);
        (row.DispatchHeadcount, row.DispatchHeadcountLy).ShouldBe((1L, 1L));
    }

    [Fact]
    public void The_scope_row_sums_its_children_year_to_date()
    {
        var rows = new IndicatorService(lake.Catalog).GetMonthly(new DateOnly(2026, 9, 1), "450000");
        rows[0].NewEmploymentYtd.ShouldBe(9120);
        rows[0].UiRecipientsYtd.ShouldBe(2);
        rows.Select(r => r.RegionCode).ShouldBe(["450000", "450100"]);
    }
}
