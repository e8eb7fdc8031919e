using Analytics.Warehouse.Marts.WagePayment;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>The boundaries of metrics.md §6 the worked example does not reach, each on its own small project.</summary>
public class WagePaymentBoundaryTests
{

    private static string Project(string id, string region = "420102", int payDay = 15, string payMonth = "next", string? share = null,
        string? guarantee = "cash_deposit,10000", string start = "2026-01-01", string end = "2026-12-31") =>
        $"{id},项目{id},{region},other,C1,总包,建设方,1200000.00,{share},{start},{end},{payDay},{payMonth},2026-01-01,{guarantee ?? ","},true,";

    private static WagePaymentService Service(WageLake lake) => new(lake.Catalog);

    [Fact]
    public void Pay_day_31_falls_on_february_28_and_a_payment_on_march_1_is_one_day_late()
    {
        using var lake = new WageLake()
            .Drop("construction_projects", $"{WageLake.ProjectHeader}\n{Project("B-FEB", payDay: 31)}")
            .Drop("site_roster", $"{WageLake.RosterHeader}\nB-FEB,a,2026-01-01,,C1,,2026-01-01,true\nB-FEB,b,2026-01-01,,C1,,2026-01-01,true")
            .Drop("site_payroll", $"""
                {WageLake.PayrollHeader}
                2026-01,B-FEB,C1,a,1000.00,1000.00,2026-02-28,special_account,true
                2026-01,B-FEB,C1,b,1000.00,1000.00,2026-03-01,special_account,true
                """)
            .Ingest();
        var january = new DateOnly(2026, 1, 1);
        // on 02-28 itself nothing is past due: b's 1,000 is not yet arrears
        var onPayDate = Service(lake).GetProjectMonths(new DateOnly(2026, 2, 28), january).ShouldHaveSingleItem();
        (onPayDate.DueOn, onPayDate.Arrears, onPayDate.LatePayments).ShouldBe((new DateOnly(2026, 2, 28), 0.00m, 0));
        // on 03-01: b's row paid that day counts as paid, 1 day late (03-01 − 02-28); a on the pay date is on time
        var after = Service(lake).GetProjectMonths(new DateOnly(2026, 3, 1), january).ShouldHaveSingleItem();
        (after.WagePaid, after.Arrears, after.LatePayments, after.Alerts.Contains("late_pay")).ShouldBe((2_000.00m, 0.00m, 1, true));
    }

    [Fact]
    public void Pay_month_current_is_due_in_the_work_month_next_in_the_month_after()
    {
        using var lake = new WageLake()
            .Drop("construction_projects", $"""
                {WageLake.ProjectHeader}
                {Project("B-CUR", payMonth: "current")}
                {Project("B-NXT", payMonth: "")}
                """)
            .Drop("site_payroll", $"""
                {WageLake.PayrollHeader}
                2026-04,B-CUR,C1,c,2000.00,0,,,true
                2026-04,B-NXT,C1,c,2000.00,0,,,true
                """)
            .Ingest();
        var rows = Service(lake).GetProjectMonths(new DateOnly(2026, 4, 16), new DateOnly(2026, 4, 1));
        // current: due 2026-04-15 < 04-16, owed; next (the default when empty): due 2026-05-15, not yet
        rows.Select(r => (r.ProjectId, r.DueOn, r.Arrears, r.ArrearsWorkers, r.Alerts.Contains("wage_arrears"))).ShouldBe([
            ("B-CUR", new DateOnly(2026, 4, 15), 2_000.00m, 1, true),
            ("B-NXT", new DateOnly(2026, 5, 15), 0.00m, 0, false),
        ]);
        Service(lake).GetArrearsRanking(new DateOnly(2026, 4, 16)).ShouldHaveSingleItem().ProjectId.ShouldBe("B-CUR");
    }

    [Fact]
    public void Without_labour_cost_share_any_builder_inflow_satisfies_the_check_and_exempt_needs_no_amount()
    {
        using var lake = new WageLake()
            .Drop("construction_projects", $"""
                {WageLake.ProjectHeader}
                {Project("B-NOFLOW", guarantee: null)}
                {Project("B-FLOW", guarantee: "exempt,")}
                {Project("B-SHARE", share: "10")}
                """)
            .Drop("site_roster", $"""
                {WageLake.RosterHeader}
                B-NOFLOW,d,2026-04-01,,C1,,2026-04-01,true
                B-FLOW,d,2026-04-01,,C1,,2026-04-01,true
                B-SHARE,d,2026-04-01,,C1,,2026-04-01,true
                """)
            .Drop("account_flows", $"""
                {WageLake.FlowHeader}
                F1,B-FLOW,2026-04-30,in,0.01,builder
                F1,B-SHARE,2026-04-30,in,8000.00,builder
                F2,B-NOFLOW,2026-04-30,in,9000.00,contractor
                """)
            .Ingest();
        var rows = Service(lake).GetProjectMonths(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1));
        rows.Select(r => (r.ProjectId, r.LabourCostTransferred, r.LabourCostExpected, string.Join(",", r.Alerts))).ShouldBe([
            // no share, only the contractor's money: labour_cost_not_transferred; no guarantee recorded: no_guarantee
            ("B-FLOW", 0.01m, (decimal?)null, ""),     // a cent from the builder is a transfer; exempt is a guarantee
            ("B-NOFLOW", 0.00m, null, "labour_cost_not_transferred,no_guarantee"),
            // 1,200,000 × 10 % ÷ 12 = 10,000; 80 % = 8,000: 8,000 is not below it
            ("B-SHARE", 8_000.00m, 10_000.00m, ""),
        ]);
        // before the month is over (d = 04-30) the transfer check waits
        Service(lake).GetProjectMonths(new DateOnly(2026, 4, 30), new DateOnly(2026, 4, 1), projectId: "B-NOFLOW")
            .ShouldHaveSingleItem().Alerts.ShouldBe(["no_guarantee"]);
    }

    [Fact]
    public void A_project_that_stops_reporting_counts_as_not_reporting_until_its_planned_end()
    {
        using var lake = new WageLake()
            .Drop("construction_projects", $"""
                {WageLake.ProjectHeader}
                {Project("B-STOP", region: "420202")}
                {Project("B-DONE", region: "420202", end: "2026-03-31")}
                {Project("B-LATER", region: "420202", start: "2026-05-01")}
                """)
            .Drop("site_roster", $"{WageLake.RosterHeader}\nB-STOP,e,2026-03-01,2026-03-31,C1,,2026-03-01,true\nB-DONE,e,2026-03-01,2026-03-31,C1,,2026-03-01,true")
            .Drop("site_payroll", $"{WageLake.PayrollHeader}\n2026-03,B-STOP,C1,e,3000.00,3000.00,2026-04-10,special_account,true")
            .Ingest();
        var service = Service(lake);
        service.GetProjectMonths(new DateOnly(2026, 5, 20), scope: "420200").Select(r => (r.ProjectId, r.Month.Month))
            .ShouldBe([("B-DONE", 3), ("B-STOP", 3)]);  // a stay that ended in March makes no April row
        var april = service.GetRollup(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 20), "420200");
        // B-STOP reported March only; B-DONE ended in March, B-LATER starts in May: neither is expected in April
        april.Select(r => (r.Level, r.RegionCode, r.Sector, r.Projects, r.ProjectsNotReporting)).ShouldBe([
            ("scope", "420200", null, 0, 1), ("region", "420202", null, 0, 1), ("sector", null, "other", 0, 1),
        ]);
        service.GetRollup(new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 20), "420200")[0].Projects.ShouldBe(2);
    }

    [Fact]
    public void An_instalment_replaced_by_a_later_file_counts_whole_until_the_last_instalments_date()
    {
        using var lake = WagePaymentFixtures.WorkedExample();
        // w3's second instalment: the cumulative 6,300.00 on 2026-05-25 replaces the 4,000.00 row of 05-15
        lake.Drop("site_payroll", $"{WageLake.PayrollHeader}\n2026-04,GC-001,S1,w3,6300.00,6300.00,2026-05-25,special_account,true").Ingest();
        var service = Service(lake);
        var april = new DateOnly(2026, 4, 1);
        // at 05-20 (between the instalments) the whole row is unpaid: 6,300 owed, not 2,300 (decision 2)
        var between = service.GetProjectMonths(new DateOnly(2026, 5, 20), april, projectId: "GC-001").ShouldHaveSingleItem();
        (between.WagePaid, between.Arrears, between.ArrearsWorkers, between.WorkersPaid).ShouldBe((20_900.00m, 6_300.00m, 1, 4)); // 24,900 − 4,000
        // at 05-25: paid in full, 10 days late (05-25 − 05-15), so two late payments (w2 and w3)
        var after = service.GetProjectMonths(new DateOnly(2026, 5, 25), april, projectId: "GC-001").ShouldHaveSingleItem();
        (after.WagePaid, after.Arrears, after.LatePayments).ShouldBe((27_200.00m, 0.00m, 2));
        after.Alerts.ShouldNotContain("wage_arrears");
    }

    [Fact]
    public void The_drill_down_lists_the_rows_behind_each_count_by_worker_key_and_source_line()
    {
        using var lake = WagePaymentFixtures.WorkedExample();
        var rows = Service(lake).GetDrillDown("GC-001", new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 20));
        var hashes = lake.Query("SELECT worker_id FROM site_payroll WHERE project_id = 'GC-001'").Select(r => (string)r[0]!).ToHashSet();
        rows.ShouldAllBe(r => r.WorkerKey.Length == 8 && !hashes.Contains(r.WorkerKey));
        string Key(int payrollLine) => (string)lake.Query("SELECT left(worker_id, 8) FROM site_payroll WHERE source_line = ? AND project_id = 'GC-001'", payrollLine).Single()[0]!;
        // payroll file 005.csv (001 is the regions): line 8 is w3's April row, line 7 w2's, line 10 w6's
        rows.Select(r => (r.List, r.SourceFile, r.SourceLine)).ShouldBe([
            ("outstanding", "site_payroll/005.csv", 8),                // w3: 6,300 − 4,000
            ("late_payment", "site_payroll/005.csv", 7),               // w2: 1 day
            ("attended_not_paid", "site_attendance/004.csv", 6),       // w5: 9 days
            ("paid_not_on_roster", "site_payroll/005.csv", 10),        // w6
            ("no_contract", "site_roster/003.csv", 6),                 // w5
            ("unsigned", "site_payroll/005.csv", 10),                  // w6
            ("no_bank_card", "site_roster/003.csv", 6),                // w5
        ], ignoreOrder: false);
        var outstanding = rows[0];
        (outstanding.WorkerKey, outstanding.SubcontractorId, outstanding.WageDue, outstanding.WagePaid, outstanding.DueOn)
            .ShouldBe((Key(8), "S1", (decimal?)6_300.00m, (decimal?)4_000.00m, (DateOnly?)new DateOnly(2026, 5, 15)));
        (rows[1].PaidOn, rows[1].DaysLate).ShouldBe(((DateOnly?)new DateOnly(2026, 5, 16), (int?)1));
        rows[2].DaysWorked.ShouldBe(9);
        (rows[4].EnteredOn, rows[4].ContractSignedOn).ShouldBe(((DateOnly?)new DateOnly(2026, 4, 20), (DateOnly?)null));
    }
}
