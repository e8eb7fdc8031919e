using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>
/// The worked example of compliance-and-statistics.md A.5, loaded through the real ingest: agency A1,
/// client C1, projects D1 (420102, 用工总量 100) and D2 (420102, 120); si_bases (420000, 2025-07, floor
/// 4,000.00) and (420000, 2026-07, avg_wage 7,000.00); m = 2026-09. D3 is the same client served by
/// another agency A2 (50 stated): the client's count stays inside each agency.
/// </summary>
public sealed class WorkedExampleLake : IDisposable
{
    public WorkedExampleLake()
    {
        Lake.SiBase("420000", "2025-07", null, 4000.00m)
            .SiBase("420000", "2026-07", 7000.00m, null)
            .Project("D1", "A1", "C1", "420102", 100)
            .Project("D2", "A1", "C1", "420102", 120)
            .Project("D3", "A2", "C1", "420102", 50);
        // S(D1, 2026-08) = {v1, v2, v3, v4, v5, v7}
        foreach (var worker in new[] { "v1", "v2", "v3", "v4", "v5", "v7" }) Lake.CompliantWorker("2026-08", "D1", worker);
        // S(D1, 2026-09): the table of A.5
        Lake.Worker("2026-09", "D1", "v1", "2025-01-01", "2026-12-31", 6000.00m, 6000.00m, 960.00m, 480.00m, 42.00m, 12.00m)
            .Worker("2026-09", "D1", "v2", null, null, 5000.00m, 5000.00m, 800.00m, 400.00m, 35.00m, 0.00m)
            .Worker("2026-09", "D1", "v3", "2024-09-01", "2026-08-31", 5500.00m, 5500.00m, 880.00m, 440.00m, 38.50m, 11.00m)
            .Worker("2026-09", "D1", "v4", "2024-11-30", "2026-11-29", 4500.00m, 4200.00m, 672.00m, 336.00m, 29.40m, 8.40m)
            .Worker("2026-09", "D1", "v5", "2024-12-01", "2026-11-30", 8000.00m, 4199.99m, 672.00m, 336.00m, 29.40m, 8.40m)
            .Worker("2026-09", "D1", "v6", "2026-09-10", "2028-09-09", 4000.00m, 4200.00m, 0.00m, 0.00m, 0.00m, 0.00m);
        // S(D2, 2026-09) = {v1, u1, u2, u3, u4, u5} (v1 moved during the month)
        foreach (var worker in new[] { "v1", "u1", "u2", "u3", "u4", "u5" }) Lake.CompliantWorker("2026-09", "D2", worker);
        foreach (var worker in new[] { "w1", "w2", "w3" }) Lake.CompliantWorker("2026-09", "D3", worker);
        Lake.Cost("K1", "2026-06", "D1", 500.00m);   // a June row, to see June's floor
        // Invoices of D1
        Lake.Invoice("I1", "D1", 80000.00m, "2026-10-01")
            .Invoice("I2", "D1", 60000.00m, "2026-10-02")
            .Invoice("I3", "D1", 75000.00m, "2026-09-29", "2026-09-28", 50000.00m)
            .Invoice("I4", "D1", 70000.00m, "2026-09-20", "2026-09-25", 70000.00m);
        Catalog = Lake.Ingest();
    }

    public DispatchLake Lake { get; } = new();
    public DuckDbDataSource Catalog { get; }

    public void Dispose()
    {
        Catalog.Dispose();
        Lake.Dispose();
    }
}

public sealed class DispatchComplianceTests(WorkedExampleLake example) : IClassFixture<WorkedExampleLake>
{
    private static readonly MonthRange September = MonthRange.Parse("2026-09");
    private static readonly DateOnly AsOf = new(2026, 9, 29);

    private IReadOnlyList<ProjectMonthMargin> Rows(MonthRange? months = null, DateOnly? asOf = null, MetricsOptions? options = null) =>
        new ProjectMarginService(example.Catalog, options).GetMonthly(months ?? September, asOf: asOf ?? AsOf);

    private ProjectMonthMargin Row(string project, MonthRange? months = null, DateOnly? asOf = null, MetricsOptions? options = null) =>
        Rows(months, asOf, options).Single(r => r.ProjectId == project && r.Month == (months ?? September).Last);

    [Fact]
    public void D1_in_September_is_the_worked_example()
    {
        var d1 = Row("D1");
        // joiners: v6 is in S(D1, 09) and not in S(D1, 08); leavers: v7 the other way round
        (d1.Headcount, d1.Joiners, d1.Leavers).ShouldBe((6, 1, 1));
        // D1's 6 + D2's 6 − v1 counted once = 11; the smallest stated workforce min(100, 120) = 100; 11 ÷ 100 × 100 = 11.00
        (d1.ClientHeadcount, d1.ClientWorkforce, d1.DispatchSharePct).ShouldBe((11, (int?)100, (decimal?)11.00m));
        // v2 has no contract_start; v3's ended 2026-08-31 < 2026-09-01
        d1.NoContractWorkers.ShouldBe(2);
        // 2026-09-30 + 60 days = 2026-11-29: v4 (ends that day) yes, v5 (2026-11-30) no
        d1.ExpiringContractWorkers.ShouldBe(1);
        // v2 (injury 0.00); v6 pays nothing but is a joiner, spared by si_joiner_grace
        d1.SiMissingWorkers.ShouldBe(1);
        // 420102 and 420100 have no rows; 420000's latest from_month ≤ 2026-09 is 2026-07: 7,000.00 × 60 ÷ 100 = 4,200.00
        d1.SiFloor.ShouldBe(4200.00m);
        // v5 (4,199.99 < 4,200.00); v4 at exactly 4,200.00 is not below
        d1.SiBelowFloorWorkers.ShouldBe(1);
        // d = 2026-09-29: I1 due in 2 days, I3 (25,000.00 outstanding) due today; I2 in 3 days is not; I4 is paid
        d1.DueSoonInvoices.ShouldBe(2);
        // I3 is due on d itself, so nothing is overdue yet (due_on < d is false); I4 was paid in full
        (d1.OverdueAmount, d1.MaxDaysOverdue).ShouldBe((0.00m, 0));
        // every contract runs exactly 2 years (none short); v5 raises si_base_low too: 4,199.99 < 60 % × 8,000.00 = 4,800.00
        (d1.ShortContractWorkers, d1.SiBaseLowWorkers).ShouldBe((0, 1));
        d1.Alerts.ShouldBe(["dispatch_cap", "si_base_low", "no_contract", "contract_expiring", "si_missing", "si_base_below_floor", "invoice_due_soon"]);
    }

    [Fact]
    public void The_client_is_over_the_cap_only_across_its_projects_so_every_project_of_it_raises_dispatch_cap()
    {
        var d2 = Row("D2");
        // the old per-project rule: D1 6 ÷ 100 = 6.00 %, D2 6 ÷ 120 = 5.00 %, neither over 10 %; the client: 11 ÷ 100 = 11.00 %
        (d2.Headcount, d2.ClientHeadcount, d2.ClientWorkforce, d2.DispatchSharePct).ShouldBe((6, 11, (int?)100, (decimal?)11.00m));
        d2.Alerts.ShouldBe(["dispatch_cap"]);
        // all six of D2 are new to it (it had no August rows); full contributions, so the grace changes nothing
        (d2.Joiners, d2.Leavers, d2.SiMissingWorkers).ShouldBe((6, 0, 0));
    }

    [Fact]
    public void Another_agencys_project_for_the_same_client_is_counted_apart()
    {
        var d3 = Row("D3");
        // only D3's own 3 workers (agency A2): 3 ÷ 50 × 100 = 6.00; D1's count above stayed 11, not 14
        (d3.ClientHeadcount, d3.ClientWorkforce, d3.DispatchSharePct).ShouldBe((3, (int?)50, (decimal?)6.00m));
        d3.Alerts.ShouldBeEmpty();
        new ProjectMarginService(example.Catalog).GetMonthly(September, "A1", asOf: AsOf).Select(r => r.ProjectId).ShouldBe(["D1", "D2"]);
    }

    [Fact]
    public void The_joiner_grace_off_counts_the_joiner_too()
    {
        // v2 and v6 (the joiner's first month is no longer spared)
        Row("D1", options: new MetricsOptions { SiJoinerGrace = false }).SiMissingWorkers.ShouldBe(2);
        Row("D1", options: new MetricsOptions { SiJoinerGrace = true }).SiMissingWorkers.ShouldBe(1);
    }

    [Fact]
    public void Sixty_days_after_the_months_end_counts_sixty_one_does_not_and_the_days_are_configurable()
    {
        // last(m) + 60 = 2026-11-29 (v4 ends that day: counted); v5 ends 2026-11-30 = last(m) + 61: not
        Row("D1").ExpiringContractWorkers.ShouldBe(1);
        // with 61 days both count
        Row("D1", options: new MetricsOptions { ContractExpiringDays = 61 }).ExpiringContractWorkers.ShouldBe(2);
    }

    [Fact]
    public void Due_in_0_and_2_days_is_soon_3_days_is_not_and_the_cut_off_is_the_earlier_of_month_end_and_as_of()
    {
        // as-of 2026-09-29 (d = 09-29): I3 due in 0 days, I1 in 2 → 2; I2 in 3 days is not
        Row("D1").DueSoonInvoices.ShouldBe(2);
        // with 3 days allowed, I2 joins them
        Row("D1", options: new MetricsOptions { DueSoonDays = 3 }).DueSoonInvoices.ShouldBe(3);
        // as-of 2026-09-30 (d = 09-30): I1 in 1 day, I2 in 2 → 2; I3 is now 1 day overdue with 75,000 − 50,000 = 25,000.00
        var monthEnd = Row("D1", asOf: new DateOnly(2026, 9, 30));
        (monthEnd.DueSoonInvoices, monthEnd.OverdueAmount, monthEnd.MaxDaysOverdue).ShouldBe((2, 25000.00m, 1));
        monthEnd.Alerts.ShouldNotContain("overdue_receivable");   // 1 day is not more than 30
        // an as-of after the month leaves d at the month's last day: the same figures
        var later = Row("D1", asOf: new DateOnly(2026, 10, 15));
        (later.DueSoonInvoices, later.OverdueAmount, later.MaxDaysOverdue).ShouldBe((2, 25000.00m, 1));
    }

    [Fact]
    public void The_floor_follows_the_row_in_force_in_each_month()
    {
        var rows = Rows(MonthRange.Parse("2026-06", "2026-09"));
        // June (cost only): 420000's row of 2025-07 holds (base_floor 4,000.00); August and September: the 2026-07 row, 7,000.00 × 60 % = 4,200.00
        rows.Where(r => r.ProjectId == "D1").Select(r => (r.Month.Month, r.SiFloor)).ShouldBe([(6, (decimal?)4000.00m), (8, 4200.00m), (9, 4200.00m)]);
    }

    [Fact]
    public void A_longer_period_sums_joiners_and_leavers()
    {
        var total = new ProjectMarginService(example.Catalog).GetPeriodTotals(MonthRange.Parse("2026-06", "2026-09"), asOf: AsOf)
            .Single(t => t.ProjectId == "D1");
        // June: no workers; August: 6 joiners (no July rows); September: 1 joiner, 1 leaver → 7 and 1
        (total.Months, total.Joiners, total.Leavers).ShouldBe((3, 7, 1));
        // June's figures for D1 hold no workers, and the leavers of August's last month need a row after it
        Rows(MonthRange.Parse("2026-06")).Single(r => r.ProjectId == "D1").Joiners.ShouldBe(0);
    }
}
