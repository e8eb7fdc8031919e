using Analytics.Tests.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// Catalog.Sync rebuilds a summary only when a batch touches a dataset that summary reads: the wage
/// summaries cost nothing to a vacancy file, the registration summary nothing to a payroll file, and an
/// attendance file rebuilds the month events (which read attendance) but not the arrears events (which
/// do not). A marker row inserted into each table tells whether the next pass replaced it.
/// </summary>
public class CatalogWageSummaryTests
{
    private static string Project(int payDay) =>
        $"{WageLake.ProjectHeader}\nGC-001,江岸安置房,420102,housing,C1,建工集团,城投公司,1800000.00,20,2026-03-01,2027-02-28,{payDay},next,2026-02-20,bank_guarantee,36000.00,false,张三\n";

    [Fact]
    public void Each_summary_is_rebuilt_only_by_a_batch_of_a_dataset_it_reads()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("construction_projects", "p1.csv", Project(15));
        sandbox.Drop("site_payroll", "pay1.csv", $"{WageLake.PayrollHeader}\n2026-04,GC-001,S1,w1,6300.00,4000.00,2026-05-15,special_account,true\n");
        sandbox.Pass();
        // w1's April row: 6,300.00 due from 2026-05-16 (pay date 05-15), 4,000.00 paid on 05-15
        sandbox.Query("SELECT day, arrears, workers FROM main.stg_wage_arrears_events WHERE due_on IS NULL").ShouldBe([
            [new DateOnly(2026, 5, 16), 2300.00m, 1L]]);
        Mark();

        sandbox.Drop("vacancies", "v1.csv", "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\nP1,2026-09-01,110105,E1,2-02-01-01,1,5000\n");
        sandbox.Pass();
        Marked().ShouldBe((1L, 1L, 0L));   // the registration summary was rebuilt, the wage summaries kept
        Mark();

        sandbox.Drop("site_attendance", "att1.csv", $"{WageLake.AttendanceHeader}\n2026-04,GC-001,w1,22,\n");
        sandbox.Pass();
        Marked().ShouldBe((0L, 1L, 1L));   // attendance: only the month events read it
        sandbox.Query("SELECT sum(workers_attended) FROM main.stg_wage_month_events").Single()[0].ShouldBe(1L);
        Mark();

        sandbox.Drop("construction_projects", "p2.csv", Project(20));
        sandbox.Pass();
        Marked().ShouldBe((1L, 0L, 1L));   // the pay day moved to the 20th: the arrears events (they join projects) are rebuilt
        sandbox.Query("SELECT day FROM main.stg_wage_arrears_events WHERE due_on IS NULL").Single()[0].ShouldBe(new DateOnly(2026, 5, 21));

        void Mark()
        {
            // one marker a table (a table the pass kept still has its own)
            foreach (var (table, key) in new[] { ("stg_wage_month_events", "project_id"), ("stg_wage_arrears_events", "project_id"), ("stg_supply_demand_monthly", "region_code") })
                sandbox.Query($"INSERT INTO main.{table} ({key}) SELECT 'MARKER' WHERE NOT EXISTS (SELECT 1 FROM main.{table} WHERE {key} = 'MARKER')");
        }

        (long MonthEvents, long ArrearsEvents, long SupplyDemand) Marked() => (
            (long)sandbox.Scalar("SELECT count(*) FROM main.stg_wage_month_events WHERE project_id = 'MARKER'")!,
            (long)sandbox.Scalar("SELECT count(*) FROM main.stg_wage_arrears_events WHERE project_id = 'MARKER'")!,
            (long)sandbox.Scalar("SELECT count(*) FROM main.stg_supply_demand_monthly WHERE region_code = 'MARKER'")!);
    }
}
