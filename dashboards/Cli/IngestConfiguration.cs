using Analytics.Ingest;
using Analytics.Ingest.Scheduling;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// The "Ingest" section as the web host binds it (appsettings.json next to the binary, then
/// environment variables such as <c>Ingest__MaxColumns</c>), so `analytics ingest` and the
/// scheduled passes apply the same limits and key.
/// </summary>
internal static class IngestConfiguration
{
    public static IngestOptions Load(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return IngestScheduling.Options(configuration.GetSection("Ingest"), dataDirectory);
    }
}
