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
        services.AddSingleton(new CatalogConnections(dataDirectory));
        services.AddSingleton(sp => new MartConnection(sp.GetRequiredService<CatalogConnections>().Open));
        services.AddSingleton<OccupationRankingService>();
        services.AddSingleton<SupplyDemandService>();
        services.AddSingleton<WageGuidanceService>();
        services.AddSingleton<ProjectMarginService>();
        services.AddSingleton<IndicatorService>();
        services.AddSingleton<ProjectDetailService>();
        services.AddSingleton<DataCalendar>();
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<DataDesk>();
        services.AddSingleton<MartCache>();
        services.AddSingleton<Analytics.Reports.Publication.ProductPublication>();
        return services;
    }
}
