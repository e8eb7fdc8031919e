using System.CommandLine;
using Analytics.Dashboards.Host;
using Analytics.Ingest;

namespace Analytics.Dashboards.Cli;

/// <summary><c>serve [--urls URL]</c>: the web app and the scheduler, the default verb.</summary>
public static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static readonly Option<string> UrlsOption = CheckedOption.Create("--urls", "监听地址",
        $"where to listen, e.g. {DefaultUrls} (several separated by ';')", Urls, fallback: () => DefaultUrls);

    /// <summary>Kestrel's own form: http(s) addresses separated by ';', a host of * or + meaning every interface.</summary>
    private static string Urls(string token)
    {
        foreach (var url in token.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var checkable = url.Replace("://*", "://any").Replace("://+", "://any");
            if (!Uri.TryCreate(checkable, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                throw new ArgumentException($"'{url}' is not an http:// or https:// address, e.g. {DefaultUrls}.");
        }
        return token;
    }

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
            var output = parse.InvocationConfiguration.Output;
            var demo = DemoBootstrap.Generate(app, options, output, cancellation);
            DemoBootstrap.SeedUsers(app);
            if (!await CatalogOwnership.TakeAsync(app.Services, parse.InvocationConfiguration.Error, cancellation))
                return AnalyticsCommandLine.Failed;
            await using (app)
            {
                try { await app.StartAsync(cancellation); }
                catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
                {
                    parse.InvocationConfiguration.Error.WriteLine($"serve failed: {options.Urls} is in use by another program (another serve?); "
                                                                  + "give another address, e.g. --urls http://127.0.0.1:5081");
                    return AnalyticsCommandLine.Failed;
                }
                StartupBanner.Write(app, output, demoLoading: demo is not null);
                var loading = demo is null ? Task.CompletedTask : LoadDemoAsync(app, demo, output, parse.InvocationConfiguration.Error);
                await app.WaitForShutdownAsync(cancellation);
                await loading;
            }
            return AnalyticsCommandLine.Ok;
        });
        return command;
    }

    /// <summary>The generated demo inbox is ingested while the pages already answer; they fill in when the batch lands.</summary>
    private static async Task LoadDemoAsync(WebApplication app, Analytics.Ingest.Demo.DemoSummary demo, TextWriter output, TextWriter error)
    {
        try { await Task.Run(() => DemoBootstrap.IngestAsync(app, demo, output, app.Lifetime.ApplicationStopping)); }
        catch (OperationCanceledException) { }   // stopped meanwhile: the files wait in the inbox for the schedule
        catch (Exception e) when (e is IOException or TimeoutException or DuckDB.NET.Data.DuckDBException)
        {
            error.WriteLine($"the demo data could not be ingested now ({Analytics.Ingest.Validation.ResidentIdText.Mask(e.Message)}); the scheduled passes will take it");
        }
    }
}
