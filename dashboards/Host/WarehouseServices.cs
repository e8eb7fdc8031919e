using Analytics.Warehouse.DuckDb;
using Analytics.Dashboards.Data;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Margins;
using Analytics.Warehouse.Marts.Projects;
using Analytics.Warehouse.Marts.Rankings;
using Analytics.Warehouse.Marts.SupplyDemand;
using Analytics.Warehouse.Marts.Wages;

namespace Analytics.Dashboards.Host;

/// <summary>The query services over the catalog, shared by the pages, the JSON API and the exports (their <c>MetricsOptions</c> come from <see cref="AnalyticsHost"/>).</summary>
public static class WarehouseServices
{
    public static IServiceCollection AddWarehouseServices(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var limits = QueryLimits.From(configuration);
        services.AddSingleton(limits);
        services.AddSingleton(_ => new MartGate(limits.MaxConcurrentQueries, limits.QueryQueueLength, limits.QueryQueuePerClient, limits.QueryThreadNice));
        // The one data source over warehouse.duckdb: pages, API, exports and the host's ingest passes share it.
        // Every mart query on it passes the gate; each runs on one DuckDB thread, all of its work on the gate's thread.
        services.AddSingleton(sp => DuckDbDataSource.File(Path.Combine(dataDirectory, "warehouse.duckdb"), ("threads", Math.Max(1, limits.QueryThreads).ToString()))
            .AdmittedBy(sp.GetRequiredService<MartGate>()));
        services.AddSingleton<OccupationRankingService>();
        services.AddSingleton<SupplyDemandService>();
        services.AddSingleton<WageGuidanceService>();
        services.AddSingleton<ProjectMarginService>();
        services.AddSingleton<IndicatorService>();
        services.AddSingleton<Analytics.Warehouse.Marts.Structure.StructureService>();
        services.AddSingleton<Analytics.Warehouse.Marts.Rankings.RankingReleaseService>();
        services.AddSingleton<ProjectDetailService>();
        services.AddSingleton<Analytics.Warehouse.Marts.WagePayment.WagePaymentService>();
        services.AddSingleton<DataCalendar>();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<DataDesk>();
        services.AddSingleton(sp => new MartCache(sp.GetRequiredService<Analytics.Ingest.LakeEvents>(), limits.MartCacheEntries,
            new CacheWarming(limits.MartCacheWarmAnswers, limits.MartCacheWarmSeconds)));
        services.AddSingleton<Analytics.Reports.Publication.ProductPublication>();
        return services;
    }
}
