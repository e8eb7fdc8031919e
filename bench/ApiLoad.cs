using System.Diagnostics;

namespace Analytics.Bench;

/// <summary>
/// Concurrent API clients, each its own signed-in HttpClient, looping over the mart endpoints for a
/// bounded time (and a bounded number of requests). One client in five is the agency manager asking
/// for margins; the others are statisticians asking for the labour-market marts.
/// </summary>
public static class ApiLoad
{
    private const int MaxRequestsPerClient = 50_000;

    private static readonly string[] Market =
    [
        "/api/rankings?period=2026Q3",
        "/api/wages?year=2026&region=440000",
        "/api/indicators",
        "/api/supply-demand?period=2026Q3",
        "/api/rankings?period=2026Q3&region=440000&kind=surplus",
        "/api/wages?year=2026",
        "/api/indicators?region=440000",
        "/api/supply-demand?period=2026Q3&region=440000",
    ];

    private static readonly string[] Margins =
    [
        "/api/margins?from=2026-01&to=2026-06",
        "/api/margins",
    ];

    private sealed record Sample(string Endpoint, double Milliseconds, bool Ok);

    /// <summary>What one run measured; <see cref="Ok"/> when no request failed and p95 &lt; 100 ms.</summary>
    public sealed record Result(bool Ok, int Requests, int Errors, double P50, double P95);

    /// <param name="meanwhile">run while the clients are at it (the load bench's commit), awaited before the run ends</param>
    /// <param name="warmUp">ask every URL alone first and print its unloaded latency</param>
    public static async Task<Result> RunAsync(BenchSite site, int clients, TimeSpan duration, Func<Task>? meanwhile = null, bool warmUp = true)
    {
        var signIn = Stopwatch.StartNew();
        var signedIn = new List<(HttpClient Client, string[] Urls)>();
        for (var i = 0; i < clients; i++)
        {
            var agency = i % 5 == 4;
            signedIn.Add(((await site.SignInAsync(agency ? "agency1" : "stat")).Client, agency ? Margins : Market));
        }
        Console.WriteLine($"api: {clients} clients signed in in {signIn.Elapsed.TotalSeconds:N1} s");
        try
        {
            // Every URL once, alone, before timing: a broken endpoint is seen at once, JIT and first
            // reads are out of the figures, and the unloaded latency is there to compare with.
            using var stat = (await site.SignInAsync("stat")).Client;
            using var agency = (await site.SignInAsync("agency1")).Client;
            foreach (var url in warmUp ? Market.Concat(Margins) : [])
            {
                var client = Margins.Contains(url) ? agency : stat;
                for (var i = 0; i < 3; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (i == 2) Console.WriteLine($"  alone {url}: {(int)response.StatusCode}, {body.Length:N0} bytes, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N1} ms");
                }
            }

            using var stop = new CancellationTokenSource(duration);
            var run = Stopwatch.StartNew();
            var loops = signedIn.Select((c, i) => Task.Run(() => LoopAsync(c.Client, c.Urls, i, stop.Token))).ToArray();
            if (meanwhile is not null) await meanwhile();
            var samples = (await Task.WhenAll(loops)).SelectMany(s => s).ToList();
            run.Stop();
            return Report(samples, run.Elapsed);
        }
        finally
        {
            foreach (var (client, _) in signedIn) client.Dispose();
        }
    }

    private static async Task<List<Sample>> LoopAsync(HttpClient client, string[] urls, int offset, CancellationToken stop)
    {
        var samples = new List<Sample>();
        for (var n = 0; n < MaxRequestsPerClient && !stop.IsCancellationRequested; n++)
        {
            var url = urls[(offset + n) % urls.Length];
            var endpoint = url.Split('?')[0];
            var started = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                // Not cancelled by `stop`: a request in flight at the end is finished and counted.
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                ok = response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                ok = false;
            }
            samples.Add(new Sample(endpoint, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok));
        }
        return samples;
    }

    private static Result Report(List<Sample> samples, TimeSpan elapsed)
    {
        var errors = samples.Count(s => !s.Ok);
        var all = samples.Select(s => s.Milliseconds).Order().ToList();
        var p95 = LoadBench.Percentile(all, 95);
        Console.WriteLine($"api: {samples.Count:N0} requests in {elapsed.TotalSeconds:N1} s ({samples.Count / elapsed.TotalSeconds:N0}/s), {errors} errors");
        Console.WriteLine($"api latency: p50 {LoadBench.Percentile(all, 50):N1} ms, p95 {p95:N1} ms, p99 {LoadBench.Percentile(all, 99):N1} ms, max {all[^1]:N1} ms (goal p95 < 100) {(p95 < 100 ? "OK" : "MISSED")}");
        foreach (var endpoint in samples.GroupBy(s => s.Endpoint).OrderBy(g => g.Key))
        {
            var sorted = endpoint.Select(s => s.Milliseconds).Order().ToList();
            Console.WriteLine($"  {endpoint.Key,-20} {sorted.Count,7:N0} requests, {endpoint.Count(s => !s.Ok),4} errors, p50 {LoadBench.Percentile(sorted, 50),7:N1} ms, p95 {LoadBench.Percentile(sorted, 95),7:N1} ms, p99 {LoadBench.Percentile(sorted, 99),7:N1} ms");
        }
        return new Result(errors == 0 && p95 < 100, samples.Count, errors, LoadBench.Percentile(all, 50), p95);
    }
}
