using Analytics.Ingest.Demo;
using Analytics.Tests.Ingest;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts.WagePayment;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

/// <summary>
/// The demo's construction part through the real ingest: ~40 projects in both provinces across the
/// sectors, a few hundred workers, payments on time, late, in part (made good by back pay) and
/// missing, projects that stop reporting, and exactly the planted bad rows rejected.
/// </summary>
public sealed class ConstructionDemoTests : IDisposable
{
    private readonly IngestSandbox _sandbox = new();
    private readonly DuckDbDataSource _catalog;
    private static readonly DateOnly ExportedOn = new(2026, 10, 10);

    public ConstructionDemoTests()
    {
        DemoGenerator.Write(_sandbox.Root, 0.01);
        var result = _sandbox.Pass();
        Rejected = result.Files.Where(f => f.Dataset is "construction_projects" or "site_roster" or "site_attendance" or "site_payroll" or "account_flows")
            .Where(f => f.RowsRejected > 0).Select(f => (f.File, f.RowsRejected)).OrderBy(f => f.File, StringComparer.Ordinal).ToList();
        _catalog = DuckDbDataSource.File(Path.Combine(_sandbox.Root, "warehouse.duckdb"));
    }

    private List<(string File, long Rows)> Rejected { get; }

    public void Dispose()
    {
        _catalog.Dispose();
        _sandbox.Dispose();
    }

    private object? Scalar(string sql) => _catalog.Use(db =>
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return ExactResults.Normalize(command.ExecuteScalar());
    });

    [Fact]
    public void The_construction_part_is_populated_with_every_kind_of_payment()
    {
        // the planted bad rows, one each, and nothing else
        Rejected.ShouldBe([
            ("account_flows/account_flows.jsonl", 1L), ("site_attendance/attendance_2026-04.csv", 1L),
            ("site_payroll/payroll_2026-03.csv", 1L), ("site_roster/roster_320000_gbk.csv", 1L)]);
        Scalar("SELECT count(*) FROM construction_projects").ShouldBe(40L);
        Scalar("SELECT count(DISTINCT left(region_code, 2)) FROM construction_projects").ShouldBe(2L);
        ((long)Scalar("SELECT count(DISTINCT sector) FROM construction_projects")!).ShouldBeGreaterThanOrEqualTo(4);
        ((long)Scalar("SELECT count(DISTINCT worker_id) FROM site_roster")!).ShouldBeInRange(250L, 600L);
        Scalar("SELECT count(*) FROM construction_projects WHERE project_id IN ('GC-001', 'GC-002', 'GC-003') AND left(region_code, 4) = '4401'").ShouldBe(3L);
        // back pay replaced part-payments: the lake keeps the back-pay file's rows
        ((long)Scalar("SELECT count(*) FROM site_payroll WHERE source_file = 'site_payroll/payroll_backpay.csv'")!).ShouldBeGreaterThan(0);

        var service = new WagePaymentService(_catalog);
        var rows = service.GetProjectMonths(ExportedOn, scope: null);
        rows.Select(r => r.ProjectId).Distinct().Count().ShouldBeGreaterThanOrEqualTo(35);
        rows.ShouldContain(r => r.LatePayments > 0);
        rows.ShouldContain(r => r.Arrears > 0);
        rows.ShouldContain(r => r.Alerts.Count == 0);
        rows.ShouldContain(r => r.PaidNotOnRoster > 0 && r.ProjectId == "GC-002");
        foreach (var alert in new[] { "wage_arrears", "late_pay", "attended_not_paid", "no_contract", "not_via_special_account", "labour_cost_not_transferred", "no_guarantee", "no_notice_board" })
            rows.ShouldContain(r => r.Alerts.Contains(alert), alert);
        service.GetArrearsRanking(ExportedOn).Count.ShouldBeGreaterThanOrEqualTo(3);
        // projects that stopped reporting in the summer are missing from the roll-up of 2026-08
        service.GetRollup(new DateOnly(2026, 8, 1), ExportedOn)[0].ProjectsNotReporting.ShouldBeGreaterThanOrEqualTo(3);
    }
}
