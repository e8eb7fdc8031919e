using Analytics.Ingest;
using Analytics.Warehouse.Marts;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.Host;

/// <summary>
/// The one composition root of every verb (<c>serve</c> adds the web part to the same builder).
/// Configuration, later sources winning: <c>appsettings.json</c> and
/// <c>appsettings.{Environment}.json</c> from the app's own folder (never the current directory,
/// which differs between <c>dotnet run</c> and the built binary), environment variables
/// (<c>Ingest__IdHashKey</c>), then <c>--Section:Key=value</c> arguments. The environment is
/// <c>DOTNET_ENVIRONMENT</c>, else <c>ASPNETCORE_ENVIRONMENT</c>, else Production, for every verb alike.
/// The data folder, <see cref="IngestOptions"/> and <see cref="MetricsOptions"/> are bound here once,
/// so the scheduler, the CLI's passes, the pages and the publications hash and compute alike.
/// </summary>
public static class AnalyticsHost
{
    public const string DataDirectoryKey = "Analytics:DataDirectory";
    public const string DefaultDataDirectory = "data";

    /// <summary>The builder of the verbs without a web server.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] configurationArgs, string? dataOption)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = EnvironmentName(),
        });
        // stdout carries the verbs' own output (ingest --json, publish's file): logs go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddAnalytics(dataOption);
        return builder;
    }

    /// <summary>The builder of <c>serve</c>: the same configuration sources, plus the web host's.</summary>
    public static WebApplicationBuilder CreateWebBuilder(string[] configurationArgs) => WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = configurationArgs,
        // The assembly's name, also when a test process hosts it: the static web assets manifests carry it.
        ApplicationName = typeof(AnalyticsHost).Assembly.GetName().Name,
        ContentRootPath = AppContext.BaseDirectory,
        WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        EnvironmentName = EnvironmentName(),
    });

    /// <summary>Binds the data folder and the options every verb shares; call once the configuration sources are complete.</summary>
    public static DataPaths AddAnalytics(this IHostApplicationBuilder builder, string? dataOption)
    {
        var paths = new DataPaths(DataDirectory(dataOption, builder.Configuration));
        builder.Services.AddSingleton(paths);
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MetricsOptions>>().Value);
        builder.Services.AddIngest(builder.Configuration, paths.Root);
        return paths;
    }

    /// <summary>
    /// The data folder rule: <c>--data</c>, else <c>Analytics:DataDirectory</c> (appsettings or
    /// <c>Analytics__DataDirectory</c>), else <c>./data</c>; a relative path is taken from the
    /// current directory. <c>dotnet run --project dashboards</c> from the repository root and the
    /// built binary started there both use the repository's <c>data/</c>.
    /// </summary>
    public static string DataDirectory(string? dataOption, IConfiguration configuration) =>
        Path.GetFullPath(dataOption ?? configuration[DataDirectoryKey] ?? DefaultDataDirectory);

    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
}
