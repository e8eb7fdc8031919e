using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.WagePayment;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>metrics.md §6's worked example, figure by figure, at each of its three cut-off days; its roll-up and arrears ranking.</summary>
public class WagePaymentTests : IClassFixture<WagePaymentTests.Lake>
{
    public sealed class Lake : IDisposable
    {
        public WageLake Files { get; } = WagePaymentFixtures.WorkedExample();
        public void Dispose() => Files.Dispose();
    }

    private static readonly DateOnly April = new(2026, 4, 1);
    private readonly WagePaymentService _service;

    public WagePaymentTests(Lake lake) => _service = new WagePaymentService(lake.Files.Catalog);

    private WageProjectMonth Gc001(DateOnly asOf) =>
        _service.GetProjectMonths(asOf, April, "420100").Single(r => r.ProjectId == "GC-001");

    [Fact]
    public void GC_001_on_the_pay_date_itself()
    {
        var r = Gc001(new DateOnly(2026, 5, 15));
        r.DueOn.ShouldBe(new DateOnly(2026, 5, 15));          // pay_day 15 of m + 1 (pay_month next)
        // w1–w5 on the roster (w4 left 04-15: on it in April); all five attended
        (r.WorkersOnRoster, r.WorkersAttended).ShouldBe((5, 5));
        // paid by 05-15: w1, w3 (partly), w4, w6; w2 paid 05-16 is not yet paid
        r.WorkersPaid.ShouldBe(4);
        // due 6,600 + 6,000 + 6,300 + 3,300 + 5,000 = 27,200; paid 6,600 + 4,000 + 3,300 + 5,000 = 18,900
        (r.WageDue, r.WagePaid).ShouldBe((27_200.00m, 18_900.00m));
        // not past due on the pay date itself: no arrears, no arrears workers, no attended_not_paid
        (r.Arrears, r.ArrearsWorkers, r.AttendedNotPaid).ShouldBe((0.00m, 0, 0));
        r.LatePayments.ShouldBe(0);                           // w1 on the pay date, w4 a day early
        r.PaidViaAccountPct.ShouldBe(82.5m);                  // (6,600 + 4,000 + 5,000) ÷ 18,900 = 82.54 %
        (r.UnsignedRows, r.PaidNotOnRoster, r.NoContractWorkers, r.NoBankCard).ShouldBe((1, 1, 1, 1)); // w6; w6; w5; w5
        (r.LabourCostTransferred, r.LabourCostExpected).ShouldBe((20_000.00m, 30_000.00m)); // 1,800,000 × 20 % ÷ 12
        r.Alerts.ShouldBe(["paid_not_on_roster", "no_contract", "not_via_special_account", "labour_cost_not_transferred", "no_notice_board"]);
    }

    [Fact]
    public void GC_001_one_day_after_the_pay_date()
    {
        var r = Gc001(new DateOnly(2026, 5, 16));
        r.WorkersPaid.ShouldBe(5);                            // w2's payment counts from 05-16
        (r.WageDue, r.WagePaid).ShouldBe((27_200.00m, 24_900.00m)); // 18,900 + 6,000
        (r.Arrears, r.ArrearsWorkers).ShouldBe((2_300.00m, 1)); // w3: 6,300 − 4,000
        r.LatePayments.ShouldBe(1);                           // w2: 1 day > 0
        r.PaidViaAccountPct.ShouldBe(86.7m);                  // 21,600 ÷ 24,900 = 86.75 % (w4 in cash)
        r.AttendedNotPaid.ShouldBe(1);                        // w5 worked 9 days, on no payroll row
        (r.UnsignedRows, r.PaidNotOnRoster, r.NoContractWorkers, r.NoBankCard).ShouldBe((1, 1, 1, 1));
        (r.WorkersOnRoster, r.WorkersAttended).ShouldBe((5, 5));
    }

    [Fact]
    public void GC_001_five_days_after_the_pay_date_raises_eight_alerts()
    {
        var r = Gc001(new DateOnly(2026, 5, 20));
        (r.WorkersOnRoster, r.WorkersAttended, r.WorkersPaid).ShouldBe((5, 5, 5));
        (r.WageDue, r.WagePaid, r.Arrears, r.ArrearsWorkers).ShouldBe((27_200.00m, 24_900.00m, 2_300.00m, 1));
        (r.LatePayments, r.PaidViaAccountPct, r.UnsignedRows, r.AttendedNotPaid).ShouldBe((1, (decimal?)86.7m, 1, 1));
        (r.PaidNotOnRoster, r.NoContractWorkers, r.NoBankCard).ShouldBe((1, 1, 1));
        (r.LabourCostTransferred, r.LabourCostExpected).ShouldBe((20_000.00m, 30_000.00m)); // the contractor's 5,000 does not count
        // 20,000 < 80 % × 30,000 = 24,000; never no_special_account (opened 02-20) nor no_guarantee (36,000)
        r.Alerts.ShouldBe(["wage_arrears", "late_pay", "attended_not_paid", "paid_not_on_roster", "no_contract",
            "not_via_special_account", "labour_cost_not_transferred", "no_notice_board"]);
    }

    [Fact]
    public void The_roll_up_of_scope_420100_for_April()
    {
        var rows = _service.GetRollup(April, new DateOnly(2026, 5, 20), "420100");
        rows.Select(r => (r.Level, r.RegionCode, r.Sector)).ShouldBe([
            ("scope", "420100", null), ("region", "420102", null), ("region", "420104", null), ("region", "420106", null),
            ("region", "420111", null), ("sector", null, "housing"), ("sector", null, "transport"), ("sector", null, "water"),
        ]);
        // projects, not reporting (GC-004), wage_arrears, late_pay, no_guarantee, arrears, arrears_workers, arrears_outstanding
        rows.Select(r => (r.Projects, r.ProjectsNotReporting, r.ProjectsRaising("wage_arrears"), r.ProjectsRaising("late_pay"),
            r.ProjectsRaising("no_guarantee"), r.Arrears, r.ArrearsWorkers, r.ArrearsOutstanding)).ShouldBe([
            (3, 1, 2, 1, 1, 11_300.00m, 3, 17_300.00m),  // 2,300 + 9,000 to 1 + 2 workers; outstanding 2,300 + 15,000
            (1, 0, 1, 1, 0, 2_300.00m, 1, 2_300.00m),    // 420102 GC-001
            (0, 1, 0, 0, 0, 0.00m, 0, 0.00m),            // 420104 GC-004, no data for April
            (1, 0, 0, 0, 1, 0.00m, 0, 0.00m),            // 420106 GC-002
            (1, 0, 1, 0, 0, 9_000.00m, 2, 15_000.00m),   // 420111 GC-003: April 5,000 + 4,000; with March 6,000
            (1, 1, 1, 1, 0, 2_300.00m, 1, 2_300.00m),    // housing: GC-001 and GC-004
            (1, 0, 0, 0, 1, 0.00m, 0, 0.00m),            // transport
            (1, 0, 1, 0, 0, 9_000.00m, 2, 15_000.00m),   // water
        ]);
        // GC-001's other alerts count in 420100, 420102 and housing only; no_special_account nowhere
        foreach (var alert in new[] { "attended_not_paid", "paid_not_on_roster", "no_contract", "not_via_special_account", "labour_cost_not_transferred", "no_notice_board" })
            rows.Select(r => r.ProjectsRaising(alert)).ShouldBe([1, 1, 0, 0, 0, 1, 0, 0], alert);
        rows.ShouldAllBe(r => r.ProjectsRaising("no_special_account") == 0);
        rows[0].ArrearsWorkersOutstanding.ShouldBe(3);        // GC-001 w3; GC-003 x1 and x2
    }

    [Fact]
    public void GC_003_owes_two_months_and_alerts_only_for_arrears()
    {
        var r = _service.GetProjectMonths(new DateOnly(2026, 5, 20), April, "420100").Single(p => p.ProjectId == "GC-003");
        (r.Arrears, r.ArrearsWorkers, r.LatePayments, r.PaidViaAccountPct).ShouldBe((9_000.00m, 2, 0, (decimal?)null)); // nothing for April paid
        (r.LabourCostTransferred, r.LabourCostExpected).ShouldBe((50_000.00m, 50_000.00m)); // 3,000,000 × 20 % ÷ 12
        r.Alerts.ShouldBe(["wage_arrears"]);
    }

    [Fact]
    public void The_arrears_ranking_of_scope_420100()
    {
        var rows = _service.GetArrearsRanking(new DateOnly(2026, 5, 20), "420100");
        rows.Select(r => (r.Rank, r.ProjectId, r.ArrearsTotal, r.ArrearsWorkersTotal, r.ArrearsMonths, r.OldestDueOn, r.DaysOverdue)).ShouldBe([
            (1, "GC-003", 15_000.00m, 2, 2, new DateOnly(2026, 4, 15), 35),  // 6,000 + 5,000 + 4,000; x1 and x2; 05-20 − 04-15
            (2, "GC-001", 2_300.00m, 1, 1, new DateOnly(2026, 5, 15), 5),    // GC-002 owes nothing: not listed
        ]);
        (rows[0].ProjectName, rows[0].RegionCode, rows[0].Sector, rows[0].ContractorName).ShouldBe(("洪山水厂", "420111", "water", "水务建设"));
        _service.GetArrearsRanking(new DateOnly(2026, 5, 20), "420100", top: 1).ShouldHaveSingleItem().ProjectId.ShouldBe("GC-003");
        _service.GetArrearsRanking(new DateOnly(2026, 5, 20), "420106").ShouldBeEmpty();
    }

    [Fact]
    public void Project_rows_list_every_month_with_data_in_project_then_month_order()
    {
        var rows = _service.GetProjectMonths(new DateOnly(2026, 5, 20), scope: "420100");
        // GC-001: March, April and May (its stays go on); GC-002 from January; GC-003 March to May; GC-004 none
        rows.Select(r => (r.ProjectId, r.Month.Month)).ShouldBe([
            ("GC-001", 3), ("GC-001", 4), ("GC-001", 5),
            ("GC-002", 1), ("GC-002", 2), ("GC-002", 3), ("GC-002", 4), ("GC-002", 5),
            ("GC-003", 3), ("GC-003", 4), ("GC-003", 5),
        ]);
        // May: w4 left 2026-04-15, so w1, w2, w3, w5
        rows.Single(r => r.ProjectId == "GC-001" && r.Month.Month == 5).WorkersOnRoster.ShouldBe(4);
        // March: w3 entered 03-10 and signed 03-12: without a contract in March
        rows.Single(r => r.ProjectId == "GC-001" && r.Month.Month == 3).NoContractWorkers.ShouldBe(1);
        Should.Throw<MartValidationException>(() => _service.GetProjectMonths(new DateOnly(2026, 5, 20), scope: "999999"));
    }
}
