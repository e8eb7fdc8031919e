using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

public class ProjectMarginTests
{
    private static readonly MonthRange March = MonthRange.Parse("2026-03");

    private static ProjectMonthMargin Month(DuckDbDataSource db, string project, MonthRange? months = null) =>
        new ProjectMarginService(db).GetMonthly(months ?? March).Single(r => r.ProjectId == project);

    /// <summary>P1 differential_5, two workers in March 2026 and a cost-only April.</summary>
    private static DuckDbDataSource DifferentialProject()
    {
        var db = CatalogDatabase.Open();
        db.Project("P1", "differential_5", workforce: 100, targetPct: 10m, budgetRevenue: 10000m, budgetCost: 9000m);
        // W1 billed 5000 + 800 + 500 + 40 + 20 + 0 + 250 + 30 + 10 + 200 = 6850
        db.Settlement("2026-03-01", "P1", "W1", 5000m, 5000m, (800m, 500m, 40m, 20m, 0m), 250m, 200m, commercialInsurance: 30m, disabilityFund: 10m);
        // W2 billed 4000 + 480 + 300 + 24 + 12 + 0 + 150 + 30 + 0 + 200 = 5196
        db.Settlement("2026-03-01", "P1", "W2", 4000m, 3000m, (480m, 300m, 24m, 12m, 0m), 150m, 200m, commercialInsurance: 30m);
        db.Cost("2026-03-01", "P1", 100m, "recruitment");
        db.Cost("2026-03-01", "P1", -20m, "claims");    // a refund
        db.Cost("2026-04-01", "P1", 50m, "training");
        return db;
    }

    [Fact]
    public void Differential_5_project_month_by_hand()
    {
        using var db = DifferentialProject();
        var m = Month(db, "P1");
        // payroll 5000 + 4000; employer SI (800+500+40+20) + (480+300+24+12) = 1360 + 816 = 2176; housing 250 + 150
        (m.Headcount, m.Payroll, m.EmployerSi, m.EmployerHf).ShouldBe((2, 9000.00m, 2176.00m, 400.00m));
        // pass-through 9000 + 2176 + 400 + 60 commercial + 10 disability = 11646; billed 6850 + 5196 = 12046; service 400
        (m.PassThrough, m.BilledRevenue, m.ServiceRevenue).ShouldBe((11646.00m, 12046.00m, 400.00m));
        // VAT 400 ÷ 1.05 × 0.05 = 19.047619… → 19.05; surtax × 0.12 = 2.285714… → 2.29; direct cost 100 − 20 = 80
        (m.Vat, m.Surtax, m.DirectCost).ShouldBe(((decimal?)19.05m, (decimal?)2.29m, 80.00m));
        // margin 12046 − 11646 − 19.047619 − 2.285714 − 80 = 298.666667 → 298.67 (not 400 − 19.05 − 2.29 − 80 = 298.66)
        m.GrossMargin.ShouldBe(298.67m);
        // 298.666667 ÷ 12046 × 100 = 2.47938… → 2.48; ÷ 400 × 100 = 74.6667 → 74.67
        (m.MarginPct, m.ServiceMarginPct).ShouldBe(((decimal?)2.48m, (decimal?)74.67m));
        // revenue 12046 − 10000; cost (11646 + 19.047619 + 2.285714 + 80) − 9000 = 2747.333… → 2747.33
        (m.RevenueVariance, m.CostVariance).ShouldBe(((decimal?)2046.00m, (decimal?)2747.33m));
        m.Alerts.ShouldBe(["below_target"]); // 2.48 < 10; 2/100 = 2 % ≤ 10 %; si_base 3000 ≥ 60 % of 4000
    }

    [Fact]
    public void General_6_project_month_by_hand()
    {
        using var db = CatalogDatabase.Open();
        db.Project("P2", "general_6");
        // billed 8000 + 1280 + 640 + 40 + 16 + 0 + 400 + 300 = 10676; pass-through 10376; service 300
        db.Settlement("2026-03-01", "P2", "W1", 8000m, 8000m, (1280m, 640m, 40m, 16m, 0m), 400m, 300m);
        var m = Month(db, "P2");
        // VAT 10676 ÷ 1.06 × 0.06 = 604.301887 → 604.30; surtax 72.516226 → 72.52
        (m.Vat, m.Surtax).ShouldBe(((decimal?)604.30m, (decimal?)72.52m));
        // margin 10676 − 10376 − 604.301887 − 72.516226 = −376.818113 → −376.82
        m.GrossMargin.ShouldBe(-376.82m);
        // −376.818113 ÷ 10676 × 100 = −3.52958 → −3.53; ÷ 300 × 100 = −125.60604 → −125.61
        (m.MarginPct, m.ServiceMarginPct).ShouldBe(((decimal?)-3.53m, (decimal?)-125.61m));
        (m.RevenueVariance, m.CostVariance).ShouldBe((null, null)); // no budget
        m.Alerts.ShouldBe(["negative_margin"]);                      // no target: no below_target
    }

    [Fact]
    public void Period_totals_sum_money_recompute_percentages_and_average_headcount()
    {
        using var db = DifferentialProject();
        var range = MonthRange.Parse("2026-03", "2026-04");
        new ProjectMarginService(db).GetMonthly(range).Select(r => (r.ProjectId, r.Month, r.Headcount, r.GrossMargin))
            .ShouldBe([("P1", new DateOnly(2026, 3, 1), 2, (decimal?)298.67m), ("P1", new DateOnly(2026, 4, 1), 0, -50.00m)]);
        var total = new ProjectMarginService(db).GetPeriodTotals(range).ShouldHaveSingleItem();
        // headcount (2 + 0) / 2 = 1; margin 298.666667 − 50 = 248.666667 → 248.67; ÷ 12046 = 2.0643 % → 2.06
        (total.Months, total.AverageHeadcount, total.GrossMargin, total.MarginPct).ShouldBe((2, 1.00m, (decimal?)248.67m, (decimal?)2.06m));
        // revenue variance 2046 + (0 − 10000) = −7954; cost variance 2747.333 + (50 − 9000) = −6202.667 → −6202.67
        (total.RevenueVariance, total.CostVariance).ShouldBe(((decimal?)-7954.00m, (decimal?)-6202.67m));
        total.ServiceMarginPct.ShouldBe(62.17m); // 248.666667 ÷ 400 × 100 = 62.1667
    }

    [Fact]
    public void Negative_margin_at_zero_and_one_cent_below()
    {
        using var db = CatalogDatabase.Open();
        // service revenue 210: VAT 210 ÷ 1.05 × 0.05 = 10 exactly, surtax 1.20 → margin 198.80 − cost
        foreach (var (id, cost) in new[] { ("AT", 198.80m), ("BELOW", 198.81m) })
        {
            db.Project(id);
            db.SimpleSettlement("2026-03-01", id, "W", 1000m, 210m);
            db.Cost("2026-03-01", id, cost);
        }
        Month(db, "AT").GrossMargin.ShouldBe(0.00m);
        Month(db, "AT").Alerts.ShouldBeEmpty();
        Month(db, "BELOW").GrossMargin.ShouldBe(-0.01m);
        Month(db, "BELOW").Alerts.ShouldBe(["negative_margin"]);
    }

    [Fact]
    public void Below_target_when_the_margin_pct_is_under_the_target_not_equal_to_it()
    {
        using var db = CatalogDatabase.Open();
        // billed 1210, margin 198.80 − 77.80 = 121 → 121 ÷ 1210 = 10.00 %
        foreach (var (id, target) in new[] { ("AT", 10.0000m), ("ABOVE", 10.0100m) })
        {
            db.Project(id, targetPct: target);
            db.SimpleSettlement("2026-03-01", id, "W", 1000m, 210m);
            db.Cost("2026-03-01", id, 77.80m);
        }
        Month(db, "AT").MarginPct.ShouldBe(10.00m);
        Month(db, "AT").Alerts.ShouldBeEmpty();
        Month(db, "ABOVE").Alerts.ShouldBe(["below_target"]);
    }

    [Fact]
    public void Dispatch_cap_above_10_percent_of_the_client_workforce()
    {
        using var db = CatalogDatabase.Open();
        foreach (var (id, workforce) in new[] { ("AT", 20), ("ABOVE", 19) })   // 2 of 20 = 10 %; 2 of 19 = 10.53 %
        {
            db.Project(id, workforce: workforce);
            db.SimpleSettlement("2026-03-01", id, "W1", 1000m, 210m);
            db.SimpleSettlement("2026-03-01", id, "W2", 1000m, 210m);
        }
        (Month(db, "AT").DispatchSharePct, Month(db, "AT").Alerts.Count).ShouldBe((10.00m, 0));
        Month(db, "ABOVE").DispatchSharePct.ShouldBe(10.53m);
        Month(db, "ABOVE").Alerts.ShouldBe(["dispatch_cap"]);
    }

    [Fact]
    public void Si_base_low_below_60_percent_of_gross_wage()
    {
        using var db = CatalogDatabase.Open();
        db.Project("AT"); db.Project("BELOW");
        db.Settlement("2026-03-01", "AT", "W", 5000m, 3000.00m, (0, 0, 0, 0, 0), 0, 300m);     // exactly 60 %
        db.Settlement("2026-03-01", "BELOW", "W", 5000m, 2999.99m, (0, 0, 0, 0, 0), 0, 300m);  // just below
        Month(db, "AT").Alerts.ShouldBeEmpty();
        Month(db, "BELOW").SiBaseLowWorkers.ShouldBe(1);
        Month(db, "BELOW").Alerts.ShouldBe(["si_base_low"]);
    }

    [Fact]
    public void Short_contract_when_less_than_two_years()
    {
        using var db = CatalogDatabase.Open();
        db.Project("AT"); db.Project("BELOW"); db.Project("OPEN");
        db.SimpleSettlement("2026-03-01", "AT", "W", 1000m, 210m, "2026-01-01", "2027-12-31");     // exactly 2 years
        db.SimpleSettlement("2026-03-01", "BELOW", "W", 1000m, 210m, "2026-01-01", "2027-12-30");  // one day short
        db.SimpleSettlement("2026-03-01", "OPEN", "W", 1000m, 210m, "2026-01-01", null);           // no end date: not judged
        Month(db, "AT").Alerts.ShouldBeEmpty();
        Month(db, "OPEN").Alerts.ShouldBeEmpty();
        Month(db, "BELOW").ShortContractWorkers.ShouldBe(1);
        Month(db, "BELOW").Alerts.ShouldBe(["short_contract"]);
    }

    [Fact]
    public void Overdue_amount_with_partial_and_late_payment_and_the_30_day_boundary()
    {
        using var db = CatalogDatabase.Open();
        db.Project("P");
        db.SimpleSettlement("2026-03-01", "P", "W", 1000m, 210m);
        db.Cost("2026-04-01", "P", 1m);
        db.Invoice("P", 1000m, "2026-02-15", "2026-03-10", 600m);   // partial: 400 outstanding, 44 days past due at 03-31
        db.Invoice("P", 500m, "2026-03-20", "2026-04-05", 500m);    // paid after 03-31: 500 outstanding in March, 0 in April
        db.Invoice("P", 300m, "2026-03-31");                        // due on d itself: not yet counted in March
        db.Invoice("P", 200m, "2026-01-10", "2026-02-01", 200m);    // paid in full: 0
        var rows = new ProjectMarginService(db).GetMonthly(MonthRange.Parse("2026-03", "2026-04"));
        // March (d = 03-31): 400 + 500 + 0 = 900; April (d = 04-30): 400 + 0 + 300 + 0 = 700
        rows.Select(r => (r.OverdueAmount, r.MaxDaysOverdue)).ShouldBe([(900.00m, 44), (700.00m, 74)]);
        rows.ShouldAllBe(r => r.Alerts.Contains("overdue_receivable"));

        using var boundary = CatalogDatabase.Open();
        foreach (var (id, due) in new[] { ("AT", "2026-03-01"), ("ABOVE", "2026-02-28") })   // 30 and 31 days before 03-31
        {
            boundary.Project(id);
            boundary.SimpleSettlement("2026-03-01", id, "W", 1000m, 210m);
            boundary.Invoice(id, 100m, due);
        }
        (Month(boundary, "AT").OverdueAmount, Month(boundary, "AT").Alerts.Count).ShouldBe((100.00m, 0));
        Month(boundary, "ABOVE").Alerts.ShouldBe(["overdue_receivable"]);
    }

    [Fact]
    public void Agency_filter_is_the_tenant_boundary_and_rows_come_in_project_then_month_order()
    {
        using var db = CatalogDatabase.Open();
        db.Project("P2", agency: "A1"); db.Project("P1", agency: "A1"); db.Project("X9", agency: "A2");
        foreach (var project in new[] { "X9", "P2", "P1" })
        foreach (var month in new[] { "2026-02-01", "2026-01-01" })
            db.SimpleSettlement(month, project, "W", 1000m, 210m);
        db.Cost("2026-03-01", "P1", 5m);   // outside the range
        var range = MonthRange.Parse("2026-01", "2026-02");
        new ProjectMarginService(db).GetMonthly(range, "A1").Select(r => $"{r.ProjectId} {r.Month:yyyy-MM}")
            .ShouldBe(["P1 2026-01", "P1 2026-02", "P2 2026-01", "P2 2026-02"]);
        new ProjectMarginService(db).GetMonthly(range, "A2").ShouldAllBe(r => r.AgencyId == "A2");
        new ProjectMarginService(db).GetPeriodTotals(range, "A2").Select(r => r.ProjectId).ShouldBe(["X9"]);
        new ProjectMarginService(db).GetMonthly(range).Count.ShouldBe(6);
    }
}
