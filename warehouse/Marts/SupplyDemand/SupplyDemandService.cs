using Analytics.Warehouse.DuckDb;
namespace Analytics.Warehouse.Marts.SupplyDemand;

/// <summary>Occupation level of the dashboard's drill-down: detailed occupation, or major (x), medium (x-xx), minor (x-xx-xx) group.</summary>
public enum OccupationLevel { Occupation, Major, Medium, Minor }

/// <summary>Supply and demand of one occupation or group; Name is null for a code the reference data lacks.</summary>
public sealed record SupplyDemandRow(string Code, string? Name, long Demand, long Supply, long Gap, decimal? Ratio);

/// <summary>Supply, demand, gap and ratio per occupation or group (metrics.md §1, model: mart_supply_demand.sql).</summary>
public sealed class SupplyDemandService(DuckDbDataSource catalog)
{
    public IReadOnlyList<SupplyDemandRow> GetByLevel(ReportingPeriod period, OccupationLevel level,
        string? regionCode = null, CancellationToken cancellationToken = default) =>
        catalog.Use(db => MartQuery.Run(db, "mart_supply_demand", new Dictionary<string, object?>
        {
            ["start"] = period.Start,
            ["end"] = period.End,
            ["scope"] = RegionScope.Validate(db, regionCode),
            ["level"] = level.ToString().ToLowerInvariant(),
        }, r => new SupplyDemandRow(
            r.Field<string>("code")!, r.Field<string>("name"),
            r.Field<long>("demand"), r.Field<long>("supply"), r.Field<long>("gap"), r.Field<decimal?>("ratio")),
            cancellationToken));
}
