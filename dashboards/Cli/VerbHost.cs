using System.CommandLine;
using Analytics.Dashboards.Host;
using Analytics.Ingest;

namespace Analytics.Dashboards.Cli;

/// <summary>What every verb without a web server does first: build the composition root's host and say which data folder it works on.</summary>
internal static class VerbHost
{
    public static IHost Build(ParseResult parse)
    {
        var host = AnalyticsHost.CreateBuilder(AnalyticsCommandLine.ConfigurationArguments(parse), parse.GetValue(AnalyticsCommandLine.DataOption)).Build();
        AnnounceDataFolder(parse, host.Services.GetRequiredService<DataPaths>());
        return host;
    }

    /// <summary>One line on stderr (stdout may carry JSON or a published file).</summary>
    public static void AnnounceDataFolder(ParseResult parse, DataPaths paths) =>
        parse.InvocationConfiguration.Error.WriteLine($"data folder: {paths.Root}");
}
