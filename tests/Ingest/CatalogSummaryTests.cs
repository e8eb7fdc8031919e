using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts.Indicators;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// The monthly summary Catalog.Sync materialises with the views (stg_supply_demand_monthly): it is
/// the summary of exactly the files the views show after every pass, and the indicators read from it
/// give the figures the registrations give.
/// </summary>
public class CatalogSummaryTests
{
    private const string Header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n";

    private static string Rows(params (string Id, string Date, int Positions)[] rows) =>
        Header + string.Concat(rows.Select(r => $"{r.Id},{r.Date},110105,E1,2-02-01-01,{r.Positions},5000\n"));

    [Fact]
    public void The_summary_follows_every_batch_and_the_indicators_read_it()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "2026-09-01.csv", Rows(("P1", "2026-09-01", 1), ("P2", "2026-09-30", 2), ("P3", "2026-08-31", 3)));
        sandbox.Pass();
        // August: P3 = 3; September: P1 + P2 = 1 + 2 = 3 (the 30th is still September)
        sandbox.Query("SELECT region_code, month, demand, supply FROM main.stg_supply_demand_monthly ORDER BY month").ShouldBe([
            ["110105", new DateOnly(2026, 8, 1), 3L, 0L], ["110105", new DateOnly(2026, 9, 1), 3L, 0L]]);

        // P2 corrected into October with 20 positions: the next pass's summary has September 1, October 20
        sandbox.Drop("vacancies", "2026-09-02.csv", Rows(("P2", "2026-10-01", 20)));
        sandbox.Pass();
        sandbox.Query("SELECT region_code, month, demand, supply FROM main.stg_supply_demand_monthly ORDER BY month").ShouldBe([
            ["110105", new DateOnly(2026, 8, 1), 3L, 0L], ["110105", new DateOnly(2026, 9, 1), 1L, 0L],
            ["110105", new DateOnly(2026, 10, 1), 20L, 0L]]);

        using var catalog = DuckDbDataSource.File(Path.Combine(sandbox.Root, "warehouse.duckdb"));
        var october = new IndicatorService(catalog).GetMonthly(new DateOnly(2026, 10, 1)).First(r => !r.IsChild);
        october.Demand.ShouldBe(20L);
        october.DemandYtd.ShouldBe(24L);   // 3 (Aug) + 1 (Sep) + 20 (Oct)
        october.DemandLy.ShouldBe(0L);
    }
}
