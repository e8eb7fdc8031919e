using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// The demo data set shows the compliance alerts of compliance-and-statistics.md A.4: its si_bases file
/// (a GB18030 bureau notice with Chinese headers) loads, Guangdong raises its floor in 2026-07 while
/// A001-P003 keeps declaring the old one, and the planted uncontracted and uninsured workers are found.
/// </summary>
[Collection(PublishDataCollection.Name)]
public sealed class DemoComplianceTests(PublishData data)
{
    [Fact]
    public void The_demo_raises_the_new_alerts_where_the_data_plants_them()
    {
        using var catalog = data.Open();
        Convert.ToInt64(catalog.ExecuteScalar("SELECT count(*) FROM si_bases")).ShouldBe(6L);
        Convert.ToInt64(catalog.ExecuteScalar("SELECT count(*) FROM data_quality WHERE column_name = 'si_bases'")).ShouldBe(0L, "every demo project has a floor");

        var rows = new ProjectMarginService(catalog).GetMonthly(MonthRange.Parse("2026-06", "2026-09"), asOf: new DateOnly(2026, 10, 10));
        rows.ShouldAllBe(r => r.SiFloor != null);
        string[] Raising(string alert) => rows.Where(r => r.Alerts.Contains(alert)).Select(r => $"{r.ProjectId} {r.Month:yyyy-MM}").Distinct().ToArray();

        // 广东's 2026-07 row: 7,800.00 × 60 % = 4,680.00 against the 4,588.00 A001-P003 declares; June's floor is 4,588.00 itself
        rows.Single(r => r.ProjectId == "A001-P003" && r.Month == new DateOnly(2026, 7, 1)).SiFloor.ShouldBe(4680.00m);
        Raising("si_base_below_floor").ShouldContain("A001-P003 2026-07");
        Raising("si_base_below_floor").ShouldNotContain(r => r.EndsWith("2026-06"));
        // 深圳 sets its own bases and announced none for 2026: its projects keep the 4,588.00 floor
        rows.Where(r => r.ProjectId.StartsWith("A002-") && r.Month.Month == 9).ShouldAllBe(r => r.SiFloor == 4588.00m);
        Raising("no_contract").ShouldBe(["A003-P001 2026-07", "A003-P001 2026-08", "A003-P001 2026-09"]);
        Raising("si_missing").ShouldBe(["A002-P002 2026-07", "A002-P002 2026-08", "A002-P002 2026-09"]);
    }
}
