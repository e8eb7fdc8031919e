using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Analytics.Tests.Dashboards;

namespace Analytics.Tests.Reliability;

/// <summary>The real <c>analytics serve</c> as a child process on a free loopback port, ready once <c>/health</c> answers; disposing kills it.</summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ServeProcess(Process process, Uri baseAddress, StringBuilder errors)
    {
        _process = process;
        BaseAddress = baseAddress;
        _errors = errors;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the child wrote to stderr so far (for failure messages).</summary>
    public string Errors { get { lock (_errors) return _errors.ToString(); } }

    public static async Task<ServeProcess> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var errors = new StringBuilder();
        var process = AnalyticsProcess.Start(line => { lock (errors) errors.AppendLine(line); },
            ["serve", "--data", dataDirectory, "--urls", address.ToString().TrimEnd('/'), .. extraArguments]);
        var serve = new ServeProcess(process, address, errors);
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"serve exited with {process.ExitCode}: {serve.Errors}");
            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return serve;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline)
            {
                await serve.DisposeAsync();
                throw new TimeoutException($"serve did not answer /health within 2 minutes: {serve.Errors}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>An HTTP client signed in through the real form as a demo user.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = BaseAddress };
        var response = await AppServer.PostSignInAsync(client, userName, userName + "-demo");
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("error") == true)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
