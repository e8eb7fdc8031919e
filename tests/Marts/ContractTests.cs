using System.Text.Json;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.Wages;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>The publish contract (product.md field names), configuration and the catalog manifest.</summary>
public class ContractTests
{
    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static string[] JsonNames<T>(T value) =>
        JsonDocument.Parse(JsonSerializer.Serialize(value, Snake)).RootElement.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Ranking_rows_serialise_with_the_metrics_names_and_rank_change_new_or_a_number()
    {
        var row = new RankingRow(1, "4-01-02-01", "营销员", 95, 15, 80, 6.33m, null, RankChange.New, ["440100"]);
        JsonNames(row).ShouldBe(["rank", "occupation_code", "occupation_name", "demand", "supply", "gap", "ratio",
            "previous_rank", "rank_change", "typical_cities"]);
        JsonSerializer.Serialize(row, Snake).ShouldContain("\"rank_change\":\"new\"");
        JsonSerializer.Serialize(row with { PreviousRank = 4, RankChange = new RankChange(3) }, Snake).ShouldContain("\"rank_change\":3");
        JsonSerializer.Serialize(row, Snake).ShouldContain("\"ratio\":6.33");
    }

    [Fact]
    public void Wage_margin_and_indicator_rows_carry_the_contract_names()
    {
        var wage = new WageGuidanceRow("4-01-02-01", null, null, 30, 1, 2, 3, 4, 5, 6, false, 1.5m, "occupation");
        JsonNames(wage).ShouldBe(["occupation_code", "occupation_name", "region_code", "n", "p10", "p25", "p50", "p75", "p90",
            "mean", "suppressed", "change_pct", "level"]);
        var margin = new ProjectMonthMargin("P", null, "A", new DateOnly(2026, 1, 1), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            null, null, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, null, 0, 0, ["negative_margin"]);
        JsonNames(margin).ShouldBe(["project_id", "project_name", "agency_id", "month", "headcount", "payroll", "employer_si",
            "employer_hf", "pass_through", "billed_revenue", "service_revenue", "vat", "surtax", "direct_cost", "gross_margin",
            "margin_pct", "service_margin_pct", "revenue_variance", "cost_variance", "overdue_amount", "target_margin_pct",
            "dispatch_share_pct", "si_base_low_workers", "short_contract_workers", "max_days_overdue",
            // compliance-and-statistics.md A.4: the fields the margins output gains
            "joiners", "leavers", "client_headcount", "client_workforce", "no_contract_workers", "expiring_contract_workers",
            "si_missing_workers", "si_floor", "si_below_floor_workers", "due_soon_invoices", "alerts"]);
        var indicator = new IndicatorRow("440000", "广东省", false, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        JsonNames(indicator).ShouldContain("retirees_80_plus");
        JsonNames(indicator).ShouldContain("ui_recipients");
        JsonNames(indicator).ShouldContain("new_employment_public_welfare_post");
    }

    [Fact]
    public void Thresholds_default_to_metrics_md_and_bind_from_the_Metrics_section()
    {
        var defaults = new MetricsOptions();
        (defaults.RankingMinimum, defaults.RankingTop, defaults.TypicalCities, defaults.IqrFactor, defaults.MinSample)
            .ShouldBe((10, 100, 3, 3m, 30));
        (defaults.SurtaxRate, defaults.DispatchCapPct, defaults.SiBasePct, defaults.OverdueDays).ShouldBe((0.12m, 10m, 60m, 30));
        // compliance-and-statistics.md A.3/A.4: 60 days, the joiner grace on, 60 % of the average wage, 2 days
        (defaults.ContractExpiringDays, defaults.SiJoinerGrace, defaults.SiFloorPct, defaults.DueSoonDays).ShouldBe((60, true, 60m, 2));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Metrics:RankingMinimum"] = "5",
            ["Metrics:SurtaxRate"] = "0.1",
        }).Build();
        var bound = new MetricsOptions();
        configuration.GetSection(MetricsOptions.SectionName).Bind(bound);
        (bound.RankingMinimum, bound.SurtaxRate, bound.RankingTop).ShouldBe((5, 0.1m, 100));
    }

    [Fact]
    public void DuckDB_round_on_DECIMAL_rounds_half_away_from_zero()
    {
        using var db = CatalogDatabase.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT round(2.345::DECIMAL(10,3), 2), round(-2.345::DECIMAL(10,3), 2), round(0.125::DECIMAL(10,3), 2), round(2.5::DECIMAL(10,1), 0)";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        (reader.GetDecimal(0), reader.GetDecimal(1), reader.GetDecimal(2), reader.GetDecimal(3)).ShouldBe((2.35m, -2.35m, 0.13m, 3m));
    }

    [Fact]
    public void Data_as_of_is_the_newest_committed_batch_or_null_without_a_manifest()
    {
        using var db = CatalogDatabase.Open();
        db.Use(DataAsOf.NewestCommittedBatch).ShouldBeNull();
        // The manifest table as ingest creates it: a row per committed batch.
        db.ExecuteNonQuery("CREATE TABLE ingest_batches (batch_id BIGINT PRIMARY KEY, committed_at TIMESTAMP, files INTEGER)");
        db.Use(DataAsOf.NewestCommittedBatch).ShouldBeNull();
        db.ExecuteNonQuery("""
            INSERT INTO ingest_batches VALUES
              (9, TIMESTAMP '2026-09-01 08:01', 3),
              (10, TIMESTAMP '2026-09-02 08:01', 1)
            """);
        db.Use(DataAsOf.NewestCommittedBatch).ShouldBe(new BatchStamp("10", new DateTime(2026, 9, 2, 8, 1, 0)));
    }

    [Fact]
    public void Every_model_file_is_embedded_and_marts_take_values_only_as_parameters()
    {
        var names = SqlModels.Names();
        names.ShouldContain("macros");
        names.ShouldContain("mart_occupation_ranking");
        names.ShouldContain("mart_wage_guidance");
        names.ShouldContain("mart_project_margins");
        names.ShouldContain("mart_indicators");
        // the command text of a mart is fixed: the same text whatever the arguments, so nothing is spliced in
        SqlModels.CommandText("mart_occupation_ranking").ShouldBeSameAs(SqlModels.CommandText("mart_occupation_ranking"));
        SqlModels.CommandText("mart_occupation_ranking").ShouldContain("CREATE OR REPLACE TEMP VIEW stg_supply_demand");
    }

    [Fact]
    public void Services_work_on_a_read_only_catalog()
    {
        var path = Path.Combine(Path.GetTempPath(), $"marts-{Guid.NewGuid():N}.duckdb");
        try
        {
            using (var setup = CatalogDatabase.Open(path)) setup.Vacancy("1-01-01-01", 12, "2026-08-01");
            // a catalog may be opened read-only (a reader beside its writer): the models' TEMP objects must not need writes
            using var catalog = DuckDbDataSource.File(path, ("access_mode", "READ_ONLY"));
            var service = new OccupationRankingService(catalog);
            service.GetRanking(ReportingPeriod.Parse("2026Q3")).Rows.ShouldHaveSingleItem().Demand.ShouldBe(12);
            service.GetRanking(ReportingPeriod.Parse("2026Q3")).Rows.ShouldHaveSingleItem().Demand.ShouldBe(12);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
