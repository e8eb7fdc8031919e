using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Analytics.Bench;

/// <summary>
/// <c>circuits BASE PATH</c> (started by <see cref="LoadBench"/>, not by hand): open wall pages as
/// <see cref="BlazorCircuit"/>s in a process of their own, so the host's memory holds only the server's
/// side of each page. The sign-in cookie comes in <c>ANALYTICS_BENCH_COOKIE</c>. Commands on stdin,
/// one answer line each on stdout: <c>open N</c> → <c>opened OK FAILED SECONDS</c>; <c>arm</c> → <c>armed</c>;
/// <c>report MS</c> → <c>report OPEN RECEIVED STAMPED CLOSED t1,t2,…</c> (Unix ms of each page's first batch
/// after arm, waiting at most MS); <c>quit</c>.
/// </summary>
public static class CircuitClients
{
    public static int Run(string[] args)
    {
        var baseAddress = new Uri(args[0]);
        var page = new Uri(baseAddress, args[1]);
        var cookies = new CookieContainer();
        foreach (var pair in (Environment.GetEnvironmentVariable("ANALYTICS_BENCH_COOKIE") ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            cookies.Add(baseAddress, new Cookie(pair[..at], pair[(at + 1)..]));
        }
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var open = new List<BlazorCircuit>();
        while (Console.ReadLine() is { } line)
        {
            var words = line.Split(' ');
            switch (words[0])
            {
                case "open":
                    Console.WriteLine(OpenAsync(http, cookies, page, int.Parse(words[1], CultureInfo.InvariantCulture), open).GetAwaiter().GetResult());
                    break;
                case "arm":
                    foreach (var circuit in open) circuit.Arm();
                    Console.WriteLine("armed");
                    break;
                case "report":
                    Console.WriteLine(ReportAsync(open, TimeSpan.FromMilliseconds(int.Parse(words[1], CultureInfo.InvariantCulture))).GetAwaiter().GetResult());
                    break;
                case "quit":
                    Task.WhenAll(open.Select(c => c.DisposeAsync().AsTask())).Wait(TimeSpan.FromSeconds(30));
                    return 0;
            }
        }
        return 0;
    }

    private static async Task<string> OpenAsync(HttpClient http, CookieContainer cookies, Uri page, int count, List<BlazorCircuit> open)
    {
        var clock = Stopwatch.StartNew();
        // As many handshakes at once as a room of screens switched on together, not 500 in one burst.
        using var gate = new SemaphoreSlim(16);
        var failures = new Dictionary<string, int>();
        var opening = Enumerable.Range(0, count).Select(async _ =>
        {
            await gate.WaitAsync();
            try { return await BlazorCircuit.OpenAsync(http, cookies, page, CancellationToken.None); }
            catch (Exception e)
            {
                lock (failures) failures[e.Message] = failures.GetValueOrDefault(e.Message) + 1;
                return null;
            }
            finally { gate.Release(); }
        }).ToArray();
        var opened = (await Task.WhenAll(opening)).OfType<BlazorCircuit>().ToList();
        open.AddRange(opened);
        foreach (var (reason, times) in failures) Console.Error.WriteLine($"circuit failed to open ({times}x): {reason}");
        return $"opened {opened.Count} {count - opened.Count} {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}";
    }

    private static async Task<string> ReportAsync(List<BlazorCircuit> open, TimeSpan wait)
    {
        var renders = open.Select(c => c.NextRenderAsync()).ToArray();
        try { await Task.WhenAll(renders).WaitAsync(wait); }
        catch (TimeoutException) { }
        var received = renders.Where(r => r.IsCompletedSuccessfully).Select(r => r.Result).ToList();
        var times = string.Join(',', received.Select(r => (r.At - DateTimeOffset.UnixEpoch).TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)));
        return $"report {open.Count(c => !c.Closed)} {received.Count} {received.Count(r => r.Stamp)} {open.Count(c => c.Closed)} {times}";
    }
}
