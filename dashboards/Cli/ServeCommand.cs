using System.CommandLine;
using Analytics.Dashboards.Host;
using Analytics.Ingest;

namespace Analytics.Dashboards.Cli;

/// <summary><c>serve [--urls URL]</c>: the web app and the scheduler, the default verb.</summary>
public static class ServeCommand
{
    public static readonly Option<string> UrlsOption = new("--urls")
    {
        Description = "Where to listen",
        DefaultValueFactory = _ => "http://127.0.0.1:5080",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the web app and the ingest scheduler (the default)");
        command.Options.Add(UrlsOption);
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new WebHostOptions
            {
                DataDirectory = parse.GetValue(AnalyticsCommandLine.DataOption),
                Urls = parse.GetValue(UrlsOption)!,
                Args = AnalyticsCommandLine.ConfigurationArguments(parse),
            };
            var app = WebHost.Build(options);
            VerbHost.AnnounceDataFolder(parse, app.Services.GetRequiredService<DataPaths>());
            await DemoBootstrap.PrepareAsync(app, options, parse.InvocationConfiguration.Output, cancellation);
            if (!await CatalogOwnership.TakeAsync(app.Services, parse.InvocationConfiguration.Error, cancellation))
                return AnalyticsCommandLine.Failed;
            await app.RunAsync(cancellation);
            return AnalyticsCommandLine.Ok;
        });
        return command;
    }
}
