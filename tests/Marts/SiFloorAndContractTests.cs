using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>
/// si_floor's fallback from the region to its city to its province (compliance-and-statistics.md A.3),
/// a project no si_bases row covers, a client whose share cannot be judged, and a contract that starts
/// after the month (D.2), all through the real ingest.
/// </summary>
public sealed class SiFloorAndContractTests : IDisposable
{
    private readonly DispatchLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void The_region_then_its_city_then_its_province_the_first_with_a_row_in_force()
    {
        _lake.SiBase("420000", "2026-07", null, 4000.00m)
            .SiBase("420100", "2026-08", null, 4300.00m)
            .SiBase("420100", "2026-10", null, 4500.00m)        // announced ahead: not in force in September
            .SiBase("420102", "2026-09", 8000.00m, null, 24000.00m)
            .Project("COUNTY", "A1", "K1", "420102", 1000)     // has its own rows from 2026-09
            .Project("CITY", "A1", "K2", "420103", 1000)       // a county without rows: its city's
            .Project("PROVINCE", "A1", "K3", "421002", 1000)   // a city (421000) without rows: the province's
            .Project("NOWHERE", "A1", "K4", "430102", null);   // no row anywhere for 43xxxx
        foreach (var month in new[] { "2026-07", "2026-08", "2026-09" })
        {
            _lake.CompliantWorker(month, "COUNTY", "c1", 4799.99m)
                .CompliantWorker(month, "CITY", "t1", 4299.99m)
                .CompliantWorker(month, "PROVINCE", "p1", 4299.99m)
                .CompliantWorker(month, "NOWHERE", "n1", 1000.00m);
        }
        using var catalog = _lake.Ingest();
        var rows = new ProjectMarginService(catalog).GetMonthly(MonthRange.Parse("2026-07", "2026-09"), asOf: new DateOnly(2026, 9, 30));
        decimal? Floor(string project, int month) => rows.Single(r => r.ProjectId == project && r.Month.Month == month).SiFloor;

        // COUNTY: July and August have no 420102 row yet, so the city's (none in July: the province's 4,000.00; August 4,300.00);
        // September its own: 8,000.00 × 60 ÷ 100 = 4,800.00, and base_cap plays no part
        (Floor("COUNTY", 7), Floor("COUNTY", 8), Floor("COUNTY", 9)).ShouldBe((4000.00m, 4300.00m, 4800.00m));
        // CITY: the province's in July, the city's 2026-08 row from August (its 2026-10 row is not in force yet)
        (Floor("CITY", 7), Floor("CITY", 8), Floor("CITY", 9)).ShouldBe((4000.00m, 4300.00m, 4300.00m));
        (Floor("PROVINCE", 7), Floor("PROVINCE", 9)).ShouldBe((4000.00m, 4000.00m));
        Floor("NOWHERE", 9).ShouldBeNull();

        int Below(string project) => rows.Single(r => r.ProjectId == project && r.Month.Month == 9).SiBelowFloorWorkers;
        // 4,799.99 < 4,800.00 and 4,299.99 < 4,300.00; 4,299.99 ≥ the province's 4,000.00; without a floor nothing is below it
        (Below("COUNTY"), Below("CITY"), Below("PROVINCE"), Below("NOWHERE")).ShouldBe((1, 1, 0, 0));
        rows.Single(r => r.ProjectId == "CITY" && r.Month.Month == 9).Alerts.ShouldBe(["si_base_below_floor"]);

        // the project without a floor is listed in the data-quality view, and only it
        using var connection = catalog.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT row_key, code FROM data_quality WHERE column_name = 'si_bases'";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        (reader.GetString(0), reader.GetString(1)).ShouldBe(("NOWHERE", "430102"));
        reader.Read().ShouldBeFalse();
    }

    [Fact]
    public void A_share_that_cannot_be_judged_raises_nothing_and_a_contract_starting_after_the_month_covers_none_of_it()
    {
        _lake.SiBase("420000", "2026-01", null, 4000.00m)
            .Project("ZERO", "A1", "Z", "420102", 0)
            .Project("UNSTATED", "A1", "U", "420102", null)
            .Project("LATE", "A1", "L", "420102", 1000)
            .CompliantWorker("2026-09", "ZERO", "z1")
            .CompliantWorker("2026-09", "UNSTATED", "s1")
            // starts the day after September: no day of the month is covered (D.2)
            .Worker("2026-09", "LATE", "l1", "2026-10-01", "2028-09-30", 6000.00m, 6000.00m, 960.00m, 480.00m, 42.00m, 12.00m)
            // ends on September's last day: covered, and not "expiring" (it ends in m, not after it)
            .Worker("2026-09", "LATE", "l2", "2024-10-01", "2026-09-30", 6000.00m, 6000.00m, 960.00m, 480.00m, 42.00m, 12.00m);
        using var catalog = _lake.Ingest();
        var rows = new ProjectMarginService(catalog).GetMonthly(MonthRange.Parse("2026-09"), asOf: new DateOnly(2026, 9, 30));

        // 1 worker of a client stating 0 or nothing: the share is null and dispatch_cap is not raised
        foreach (var project in new[] { "ZERO", "UNSTATED" })
        {
            var row = rows.Single(r => r.ProjectId == project);
            (row.ClientHeadcount, row.DispatchSharePct).ShouldBe((1, (decimal?)null), project);
            row.Alerts.ShouldBeEmpty(project);
        }
        rows.Single(r => r.ProjectId == "ZERO").ClientWorkforce.ShouldBe(0);
        rows.Single(r => r.ProjectId == "UNSTATED").ClientWorkforce.ShouldBeNull();

        var late = rows.Single(r => r.ProjectId == "LATE");
        (late.NoContractWorkers, late.ExpiringContractWorkers).ShouldBe((1, 0));
        late.Alerts.ShouldBe(["no_contract"]);
    }
}
