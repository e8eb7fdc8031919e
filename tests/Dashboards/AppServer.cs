using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;

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

    public static async Task<AppServer> StartAsync(string dataDirectory, Action<WebApplication>? configure = null)
    {
        var app = WebHost.Build(new WebHostOptions { DataDirectory = dataDirectory, Urls = "http://127.0.0.1:0" });
        foreach (var user in UserStore.DemoUsers()) app.Services.GetRequiredService<UserStore>().Add(user);
        configure?.Invoke(app);
        var server = new AppServer(app, dataDirectory);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>An HTTP client signed in as <paramref name="userName"/> (demo password).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        { BaseAddress = BaseAddress };
        var login = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = userName + "-demo",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error") == true)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
