using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Dashboards;

/// <summary>The real host on Kestrel, on a free loopback port, over its own data folder.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AppServer(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }
    public Uri BaseAddress { get; private set; } = default!;
    public IServiceProvider Services => _app.Services;
    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <param name="scheduler">false keeps Quartz off, so only the test decides when an ingest pass runs</param>
    /// <param name="settings">configuration on top of the test defaults (e.g. <c>Dashboards:MaxConcurrentQueries</c>)</param>
    public static async Task<AppServer> StartAsync(string dataDirectory, bool scheduler = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?> { ["Ingest:Enabled"] = scheduler ? "true" : "false", ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        var app = WebHost.Build(new WebHostOptions
        {
            DataDirectory = dataDirectory,
            Urls = "http://127.0.0.1:0",
            Settings = configuration,
        });
        foreach (var user in UserStore.DemoUsers()) app.Services.GetRequiredService<UserStore>().Add(user);
        var server = new AppServer(app, dataDirectory);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public HttpClient AnonymousClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = BaseAddress };

    /// <summary>An HTTP client signed in through the real form as <paramref name="userName"/> (demo password).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = AnonymousClient();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = userName + "-demo",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/login"),
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error") == true)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>The antiforgery token of a page's form, for posting it as a browser would.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
