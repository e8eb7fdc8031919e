using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// The thresholds of metrics.md as the web host binds them (section "Metrics" of appsettings.json
/// next to the binary, then environment variables such as <c>Metrics__RankingMinimum</c>), so a
/// published file and the dashboard agree.
/// </summary>
internal static class MetricsConfiguration
{
    public static MetricsOptions Load()
    {
        var configuration = CliConfiguration.Load();
        var options = new MetricsOptions();
        configuration.GetSection(MetricsOptions.SectionName).Bind(options);
        return options;
    }
}
