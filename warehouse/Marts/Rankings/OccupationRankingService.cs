using Analytics.Warehouse.DuckDb;
using System.Data.Common;

namespace Analytics.Warehouse.Marts.Rankings;

/// <summary>The shortage and surplus rankings of metrics.md §1 (model: mart_occupation_ranking.sql).</summary>
public sealed class OccupationRankingService(DuckDbDataSource catalog, MetricsOptions? options = null)
{
    private readonly MetricsOptions _options = options ?? new MetricsOptions();

    /// <param name="period">e.g. ReportingPeriod.Parse("2026Q3")</param>
    /// <param name="regionCode">scope incl. descendants; null = all regions</param>
    /// <param name="top">rows kept; null = the configured RankingTop</param>
    public OccupationRanking GetRanking(ReportingPeriod period, string? regionCode = null,
        RankingKind kind = RankingKind.Shortage, int? top = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db =>
        {
            var scope = RegionScope.Validate(db, regionCode);
            var keep = RankedLists.Length(top, _options);
            var parameters = RankedLists.Parameters(period, scope, kind, keep, _options);
            parameters["cities"] = _options.TypicalCities;
            var rows = MartQuery.Run(db, "mart_occupation_ranking", parameters, Map, cancellationToken);
            return new OccupationRanking(kind, period, period.Previous, scope, rows, Totals(rows),
                PerMajorGroup(rows), Notes(db, kind, keep), rows.Count == 0 ? EmptyReason(db, period, scope, kind) : null);
        });

    private static RankingRow Map(MartRow r) => new(
        r.Field<int>("rank"),
        r.Field<string>("occupation_code")!,
        r.Field<string>("occupation_name"),
        r.Field<long>("demand"),
        r.Field<long>("supply"),
        r.Field<long>("gap"),
        r.Field<decimal?>("ratio"),
        r.Field<int?>("previous_rank"),
        new RankChange(r.Field<int?>("rank_change")),
        r.Strings("typical_cities"));

    private string EmptyReason(DbConnection db, ReportingPeriod period, string? scope, RankingKind kind)
    {
        var where = scope is null ? "all regions" : $"region {scope}";
        var groups = new SupplyDemand.SupplyDemandService(catalog).GetByLevel(period, SupplyDemand.OccupationLevel.Major, scope);
        if (groups.Count == 0) return $"No vacancy or job-seeker registrations in {period.Label} for {where}.";
        return kind == RankingKind.Shortage
            ? $"No occupation in {period.Label} for {where} has demand above supply with demand of at least {_options.RankingMinimum}."
            : $"No occupation in {period.Label} for {where} has supply above demand with supply of at least {_options.RankingMinimum}.";
    }

    private static RankingTotals Totals(IReadOnlyList<RankingRow> rows)
    {
        var demand = rows.Sum(r => r.Demand);
        var supply = rows.Sum(r => r.Supply);
        return new RankingTotals(demand, supply, demand - supply, Ratio(demand, supply));
    }

    /// <summary>demand ÷ supply to 2 decimals, half away from zero, as the SQL ratio; null without supply.</summary>
    public static decimal? Ratio(long demand, long supply) =>
        supply == 0 ? null : Math.Round((decimal)demand / supply, 2, MidpointRounding.AwayFromZero);

    private static IReadOnlyDictionary<string, int> PerMajorGroup(IReadOnlyList<RankingRow> rows) =>
        rows.GroupBy(r => r.OccupationCode[..1]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());

    private PublicationNotes Notes(DbConnection db, RankingKind kind, int top)
    {
        var shortage = kind == RankingKind.Shortage;
        return new PublicationNotes(
            MethodZh: (shortage
                          ? "本表按缺口数（招聘人数减求职人数）从大到小排序，缺口相同时按求人倍率从高到低（无求职者的职业在前），再按职业代码；"
                          : "本表按缺口数从小到大（求职人数超出招聘人数最多者在前）排序，缺口相同时按求人倍率从低到高，再按职业代码；")
                      + "国家按季度发布的排行采用缺口数与报送城市数的加权值（权重未公开），本表不采用该加权值。"
                      + "上期排名为同一地区上一个同长度期间的排名；典型城市为范围内该职业缺口最大的城市。",
            MethodEn: (shortage
                          ? "Ordered by gap (demand − supply) descending, ties by demand/supply ratio descending (occupations without any supply first), then occupation code; "
                          : "Ordered by gap ascending (largest surplus first), ties by ratio ascending, then occupation code; ")
                      + "not by the weighted value of gap and reporting cities that the national quarterly ranking uses (its weights are not public). "
                      + "Previous rank: the same scope in the previous period of the same length.",
            Thresholds:
            [
                new(shortage ? "min_demand" : "min_supply", _options.RankingMinimum.ToString(), shortage ? "最低招聘人数" : "最低求职人数"),
                new("top", top.ToString(), "列示职业数上限"),
                new("typical_cities", _options.TypicalCities.ToString(), "典型城市数"),
            ],
            DataAsOf: DataAsOf.NewestCommittedBatch(db));
    }
}
