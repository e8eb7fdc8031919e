using DuckDB.NET.Data;
using System.Text.Json;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.Wages;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>The published JSON states exactly the query services' figures, and the tenant boundary holds.</summary>
[Collection(PublishDataCollection.Name)]
public sealed class PublishFigureTests(PublishData data)
{
    private async Task<JsonElement[]> PublishJsonAsync(params string[] args)
    {
        var run = await data.PublishAsync([.. args, "--format", "json"]);
        run.ExitCode.ShouldBe(0, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToArray();
    }

    private static decimal? Number(JsonElement row, string field) =>
        row.GetProperty(field).ValueKind == JsonValueKind.Null ? null : row.GetProperty(field).GetDecimal();

    [Fact]
    public async Task Ranking_json_equals_the_ranking_service_row_for_row()
    {
        var json = await PublishJsonAsync(Products.Rankings);
        using var db = data.Open();
        var rows = new OccupationRankingService(db).GetRanking(ReportingPeriod.Parse("2026Q3")).Rows;

        json.Length.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, published) = (rows[i], json[i]);
            published.GetProperty("rank").GetInt32().ShouldBe(row.Rank);
            published.GetProperty("occupation_code").GetString().ShouldBe(row.OccupationCode);
            published.GetProperty("demand").GetInt64().ShouldBe(row.Demand);
            published.GetProperty("supply").GetInt64().ShouldBe(row.Supply);
            published.GetProperty("gap").GetInt64().ShouldBe(row.Gap);
            Number(published, "ratio").ShouldBe(row.Ratio);
            Number(published, "previous_rank").ShouldBe(row.PreviousRank);
            published.GetProperty("rank_change").ToString().ShouldBe(row.RankChange.ToString());
            published.GetProperty("typical_cities").EnumerateArray().Select(c => c.GetString()).ShouldBe(row.TypicalCities);
        }
    }

    [Fact]
    public async Task The_first_ranking_row_matches_a_count_over_the_catalog_views()
    {
        var first = (await PublishJsonAsync([.. Products.Rankings, "--top", "1"])).ShouldHaveSingleItem();
        var code = first.GetProperty("occupation_code").GetString()!;
        using var db = data.Open();
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT (SELECT CAST(sum(positions) AS BIGINT) FROM vacancies WHERE occupation_code = $code AND registered_on >= DATE '2026-07-01' AND registered_on < DATE '2026-10-01'),
                   (SELECT count(*) FROM jobseekers WHERE occupation_code = $code AND registered_on >= DATE '2026-07-01' AND registered_on < DATE '2026-10-01')
            """;
        command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("code", code));
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        first.GetProperty("demand").GetInt64().ShouldBe(reader.GetInt64(0));
        first.GetProperty("supply").GetInt64().ShouldBe(reader.GetInt64(1));
        first.GetProperty("gap").GetInt64().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Wage_json_equals_the_guidance_service_and_withholds_suppressed_wages()
    {
        var json = await PublishJsonAsync(Products.Wages);
        using var db = data.Open();
        var rows = new WageGuidanceService(db).GetGuidance(2026).Rows;

        json.Length.ShouldBe(rows.Count);
        rows.ShouldContain(r => r.Suppressed, "the small demo has cells under 30");
        rows.ShouldContain(r => !r.Suppressed, "and cells with enough sample");
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, published) = (rows[i], json[i]);
            published.GetProperty("occupation_code").GetString().ShouldBe(row.OccupationCode);
            published.GetProperty("level").GetString().ShouldBe(row.Level);
            published.GetProperty("n").GetInt32().ShouldBe(row.N);
            published.GetProperty("suppressed").GetBoolean().ShouldBe(row.Suppressed);
            foreach (var (field, value) in new[] { ("p10", row.P10), ("p50", row.P50), ("p90", row.P90), ("mean", row.Mean), ("change_pct", row.ChangePct) })
                Number(published, field).ShouldBe(row.Suppressed ? null : value, $"{row.OccupationCode} {field}");
        }
    }

    [Fact]
    public async Task Margin_json_equals_the_margin_service_per_project_and_month()
    {
        var json = await PublishJsonAsync(Products.Margins);
        using var db = data.Open();
        var rows = new ProjectMarginService(db).GetMonthly(MonthRange.Parse("2026-01", "2026-06"));

        json.Length.ShouldBe(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, published) = (rows[i], json[i]);
            published.GetProperty("project_id").GetString().ShouldBe(row.ProjectId);
            published.GetProperty("month").GetString().ShouldBe($"{row.Month:yyyy-MM}");
            published.GetProperty("headcount").GetInt32().ShouldBe(row.Headcount);
            Number(published, "billed_revenue").ShouldBe(row.BilledRevenue);
            Number(published, "gross_margin").ShouldBe(row.GrossMargin);
            Number(published, "margin_pct").ShouldBe(row.MarginPct);
            Number(published, "overdue_amount").ShouldBe(row.OverdueAmount);
            published.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()).ShouldBe(row.Alerts);
        }
    }

    [Fact]
    public async Task Margins_for_an_agency_hold_only_that_agencys_projects()
    {
        var all = await PublishJsonAsync(Products.Margins);
        var agencies = all.Select(r => r.GetProperty("agency_id").GetString()).Distinct().ToArray();
        agencies.Length.ShouldBeGreaterThan(1, "the demo has several agencies");

        var own = await PublishJsonAsync([.. Products.Margins, "--agency", agencies[0]!]);
        own.ShouldNotBeEmpty();
        own.ShouldAllBe(r => r.GetProperty("agency_id").GetString() == agencies[0]);
        own.Length.ShouldBe(all.Count(r => r.GetProperty("agency_id").GetString() == agencies[0]));
    }

    [Fact]
    public async Task Indicator_json_equals_the_indicator_service_scope_first()
    {
        var json = await PublishJsonAsync(Products.Indicators);
        using var db = data.Open();
        var rows = new IndicatorService(db).GetMonthly(new DateOnly(2026, 9, 1));

        json.Length.ShouldBe(rows.Count);
        json[0].GetProperty("is_child").GetBoolean().ShouldBeFalse();
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, published) = (rows[i], json[i]);
            (published.GetProperty("region_code").ValueKind == JsonValueKind.Null ? null : published.GetProperty("region_code").GetString()).ShouldBe(row.RegionCode);
            published.GetProperty("demand").GetInt64().ShouldBe(row.Demand);
            published.GetProperty("supply").GetInt64().ShouldBe(row.Supply);
            published.GetProperty("registered_unemployed").GetInt64().ShouldBe(row.RegisteredUnemployed);
            Number(published, "ui_paid").ShouldBe(row.UiPaid);
            published.GetProperty("retirees_80_plus").GetInt64().ShouldBe(row.Retirees80Plus);
            Number(published, "dispatch_billed").ShouldBe(row.DispatchBilled);
        }
    }
}
