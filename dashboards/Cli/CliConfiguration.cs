namespace Analytics.Dashboards.Cli;

/// <summary>
/// Configuration as the web host reads it (appsettings.json next to the binary, then environment
/// variables such as <c>Ingest__SettleSeconds</c>), so a CLI verb and the served site agree.
/// </summary>
internal static class CliConfiguration
{
    public static IConfiguration Load() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();
}
