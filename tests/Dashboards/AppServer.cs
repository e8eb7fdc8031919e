using System.Net;
using System.Net.Sockets;
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
    /// <param name="asServe">
    /// start as <c>serve</c> does (demo users only through <see cref="DemoBootstrap"/>, so only in a folder
    /// marked as demo data); otherwise the demo users are added in memory whatever the folder holds
    /// </param>
    /// <param name="signInRateLimit">
    /// the production per-client limit on sign-in posts; off by default because the tests sign in
    /// dozens of times from 127.0.0.1 within a minute
    /// </param>
    /// <param name="settings">configuration on top of the test defaults (e.g. <c>Dashboards:MaxConcurrentQueries</c>)</param>
    public static async Task<AppServer> StartAsync(string dataDirectory, bool scheduler = false, bool asServe = false, bool signInRateLimit = false,
        IReadOnlyDictionary<string, string?>? settings = null, string urls = "http://127.0.0.1:0")
    {
        var configuration = new Dictionary<string, string?> { ["Ingest:Enabled"] = scheduler ? "true" : "false", ["Logging:LogLevel:Default"] = "Warning" };
        if (!signInRateLimit) configuration["SignIn:Burst"] = "100000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        var options = new WebHostOptions { DataDirectory = dataDirectory, Urls = urls, Settings = configuration };
        var app = WebHost.Build(options);
        if (asServe) await DemoBootstrap.PrepareAsync(app, options, TextWriter.Null, CancellationToken.None);
        else foreach (var user in UserStore.DemoUsers()) app.Services.GetRequiredService<UserStore>().Add(user);
        var server = new AppServer(app, dataDirectory);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <param name="from">
    /// the client's own address: on Linux all of 127/8 is loopback, so a client bound to 127.0.0.2
    /// is, to the server, another machine than one on 127.0.0.1
    /// </param>
    /// <param name="cookies">where the client keeps its cookies, for a test that replays them</param>
    public HttpClient AnonymousClient(IPAddress? from = null, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies ?? new() };
        if (from is not null)
            handler.ConnectCallback = async (context, cancellation) =>
            {
                var socket = new Socket(from.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>An HTTP client signed in through the real form as <paramref name="userName"/> (demo password unless given).</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, IPAddress? from = null, string? password = null)
    {
        var client = AnonymousClient(from);
        var response = await PostSignInAsync(client, userName, password ?? userName + "-demo");
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error") == true)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    /// <summary>Posts the sign-in form as a browser would (with the form's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var form = new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/login"),
        };
        if (returnUrl is not null) form["returnUrl"] = returnUrl;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(form));
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
