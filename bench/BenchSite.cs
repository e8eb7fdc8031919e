using System.Net;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Host;
using Analytics.Ingest;
using Analytics.Ingest.Demo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Bench;

/// <summary>
/// The real web host on a free 127.0.0.1 port over a fresh temp data folder holding the demo data,
/// ingested once; the scheduler is off so only the bench decides when an ingest pass runs.
/// </summary>
public sealed class BenchSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchSite(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="settings">configuration on top of the bench's (e.g. <c>Dashboards:QueryThreadNice</c>)</param>
    public static async Task<BenchSite> StartAsync(double demoScale, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // The load bench signs in dozens of clients from 127.0.0.1 at once: no per-client sign-in limit.
        var configuration = new Dictionary<string, string?>
        {
            ["Ingest:Enabled"] = "false", ["Ingest:SettleSeconds"] = "0", ["Logging:LogLevel:Default"] = "Warning", ["SignIn:Burst"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"analytics-bench-site-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        DemoGenerator.Write(dataDirectory, demoScale);
        var app = WebHost.Build(new WebHostOptions
        {
            DataDirectory = dataDirectory,
            Urls = "http://127.0.0.1:0",
            Settings = configuration,
        });
        var users = app.Services.GetRequiredService<UserStore>();
        foreach (var user in UserStore.DemoUsers()) users.Add(user);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var site = new BenchSite(app, dataDirectory, new Uri(address));
        var pass = await site.Get<IngestRunner>().RunPassAsync();
        Console.WriteLine($"demo data (scale {demoScale}) ingested: {pass.Files.Count} files, {pass.Files.Sum(f => f.RowsLoaded):N0} rows");
        return site;
    }

    /// <summary>An HTTP client signed in through the real form (demo password), and its cookies.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var form = await client.GetStringAsync("/login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = userName + "-demo",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error") == true)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return (client, cookies);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException e) { Console.Error.WriteLine($"could not delete {DataDirectory}: {e.Message}"); }
    }
}
