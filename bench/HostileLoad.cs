using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Data;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;

namespace Analytics.Bench;

/// <summary>
/// <c>hostile-load [--clients 100] [--seconds 20] [--scale 1] [--set Dashboards:Key=value]…</c>: the real host on 127.0.0.1 over
/// the demo data; each client is its own signed-in user asking /api/indicators for month and region
/// pairs nobody else asks (so nearly every request misses the cache and queues at the query gate),
/// while one probe measures /health and the sign-in POST. Goal: both p95 &lt; 100 ms.
/// </summary>
public static class HostileLoad
{
    private sealed record Sample(double Milliseconds, HttpStatusCode? Status, bool Ok);

    public static int Run(string[] args)
    {
        var clients = LoadBench.Option(args, "--clients", 100);
        var seconds = LoadBench.Option(args, "--seconds", 20);
        var scale = LoadBench.Option(args, "--scale", 1.0);
        var settings = args.Select((a, i) => (a, i)).Where(p => p.a == "--set" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv.ElementAtOrDefault(1));
        Console.WriteLine($"parameters: --clients {clients} --seconds {seconds} --scale {scale.ToString(CultureInfo.InvariantCulture)}" +
            string.Concat(settings.Select(kv => $" --set {kv.Key}={kv.Value}")));
        return RunAsync(clients, seconds, scale, settings).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int clientCount, int seconds, double scale, IReadOnlyDictionary<string, string?> settings)
    {
        await using var site = await BenchSite.StartAsync(scale, settings);
        var users = site.Get<UserStore>();
        var names = Enumerable.Range(1, clientCount).Select(i => $"load{i:000}").ToList();
        foreach (var user in names.AsParallel().Select(n => new AppUser(n, n, Roles.Statistician, null, PasswordHasher.Hash(n + "-demo"))).ToList())
            users.Add(user);
        using var probeClient = (await site.SignInAsync("policy")).Client;
        var clients = new List<HttpClient>();
        foreach (var name in names) clients.Add((await site.SignInAsync(name)).Client);
        var urls = DistinctQuestions(site);
        Console.WriteLine($"{clientCount} users signed in; {urls.Count:N0} distinct month x region questions; load average before: {LoadBench.LoadAverage()}");
        var gate = site.Get<MartGate>();
        var limits = site.Get<Analytics.Dashboards.Host.QueryLimits>();
        Console.WriteLine($"gate: {gate.Slots} slots (Dashboards:MaxConcurrentQueries), queue {limits.QueryQueueLength} ({limits.QueryQueuePerClient} per client), " +
            $"{limits.QueryThreads} DuckDB thread(s) per query, query threads at nice {limits.QueryThreadNice}, cache {limits.MartCacheEntries} entries");
        try
        {
            // A few questions nobody else asks, one at a time: what a cache miss costs without a queue.
            var alone = new List<Sample>();
            for (var n = 1; n <= 5; n++) alone.Add(await Timed(() => clients[0].GetAsync(urls[^n]), r => r.IsSuccessStatusCode));
            Report("miss alone", alone, goal: null);
            // The same probe first with no API load: on a shared machine this is what the host's neighbours cost it.
            using (var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(10, seconds))))
            {
                var (quietHealth, quietSignIn, _) = await Probe(site, probeClient, quiet.Token);
                Report("/health idle", quietHealth, goal: null);
                Report("sign-in idle", quietSignIn, goal: null);
            }
            var cache = site.Get<MartCache>();
            var before = cache.Counts;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var run = Stopwatch.StartNew();
            var share = Math.Max(1, urls.Count / clientCount);   // each client walks its own slice of the questions
            var loops = clients.Select((c, i) => Task.Run(() => Loop(stop.Token, n => c.GetAsync(urls[(i * share + n % share) % urls.Count])))).ToArray();
            var probe = Task.Run(() => Probe(site, probeClient, stop.Token));
            var api = (await Task.WhenAll(loops)).SelectMany(s => s).ToList();
            var (health, signIn, hot) = await probe;
            run.Stop();
            var after = cache.Counts;
            var (hits, misses) = (after.Hits - before.Hits, after.Misses - before.Misses);

            Console.WriteLine($"load average after: {LoadBench.LoadAverage()}; {run.Elapsed.TotalSeconds:N1} s");
            Report("/api/indicators", api, goal: null);
            var healthOk = Report("/health", health, goal: 100);
            var signInOk = Report("sign-in POST", signIn, goal: 100);
            Report("hot /api (cached)", hot, goal: null);
            Console.WriteLine($"cache: {hits:N0} hits, {misses:N0} misses (hit rate {100.0 * hits / Math.Max(1, hits + misses):N1} %), {cache.Count:N0} entries kept");
            Console.WriteLine($"mart queries at once: at most {site.Get<Analytics.Warehouse.DuckDb.DuckDbDataSource>().PeakRunning} (gate slots {gate.Slots})");
            return healthOk && signInOk ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>Every (month, region) pair the data has, shuffled with a fixed seed, as /api/indicators URLs.</summary>
    private static List<string> DistinctQuestions(BenchSite site)
    {
        using var connection = site.Get<Analytics.Warehouse.DuckDb.DuckDbDataSource>().OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT strftime(m.month, '%Y-%m'), r.region_code
            FROM (SELECT DISTINCT date_trunc('month', registered_on) AS month FROM vacancies) m, regions r
            """;
        using var reader = command.ExecuteReader();
        var urls = new List<string>();
        while (reader.Read()) urls.Add($"/api/indicators?month={reader.GetString(0)}&region={reader.GetString(1)}");
        var random = new Random(20261130);
        return urls.OrderBy(_ => random.Next()).ToList();
    }

    private static async Task<List<Sample>> Loop(CancellationToken stop, Func<int, Task<HttpResponseMessage>> request)
    {
        var samples = new List<Sample>();
        for (var n = 0; !stop.IsCancellationRequested; n++) samples.Add(await Timed(() => request(n), r => r.IsSuccessStatusCode));
        return samples;
    }

    /// <summary>
    /// /health, a figure everyone asks for (answered from the cache), then a fresh browser's
    /// sign-in (the form's GET is not timed), over and over.
    /// </summary>
    private static async Task<(List<Sample> Health, List<Sample> SignIn, List<Sample> Hot)> Probe(BenchSite site, HttpClient signedIn, CancellationToken stop)
    {
        var health = new List<Sample>();
        var signIn = new List<Sample>();
        var hot = new List<Sample>();
        using var anonymous = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        while (!stop.IsCancellationRequested)
        {
            health.Add(await Timed(() => anonymous.GetAsync("/health"), r => r.IsSuccessStatusCode));
            hot.Add(await Timed(() => signedIn.GetAsync("/api/indicators"), r => r.IsSuccessStatusCode));
            using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            string form;
            try { form = await browser.GetStringAsync("/login"); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { signIn.Add(new Sample(double.NaN, null, false)); continue; }
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            signIn.Add(await Timed(() => browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "stat", ["password"] = "stat-demo", ["__RequestVerificationToken"] = token,
            })), SignedIn));
            await Task.Delay(50, CancellationToken.None);
        }
        return (health, signIn, hot);
    }

    /// <summary>Only a redirect home is a sign-in; a redirect back to /login?error=… is not.</summary>
    private static bool SignedIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("error") != true;

    private static async Task<Sample> Timed(Func<Task<HttpResponseMessage>> request, Func<HttpResponseMessage, bool> ok)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await request();
            await response.Content.ReadAsByteArrayAsync();
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode, ok(response));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new Sample(Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, false);
        }
    }

    private static bool Report(string what, List<Sample> samples, double? goal)
    {
        var sorted = samples.Select(s => s.Milliseconds).Where(ms => !double.IsNaN(ms)).Order().ToList();   // NaN: the sign-in form itself failed
        var statuses = string.Join(", ", samples.GroupBy(s => s.Status?.ToString() ?? "no answer").OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"));
        var errors = samples.Count(s => !s.Ok);
        var p95 = sorted.Count == 0 ? double.NaN : LoadBench.Percentile(sorted, 95);
        var met = goal is null || (errors == 0 && p95 < goal);
        Console.WriteLine($"{what,-16} {samples.Count,7:N0} requests ({statuses}), {errors} errors; " +
            (sorted.Count == 0 ? "no samples" : $"p50 {LoadBench.Percentile(sorted, 50):N1} ms, p95 {p95:N1} ms, p99 {LoadBench.Percentile(sorted, 99):N1} ms, max {sorted[^1]:N1} ms") +
            (goal is null ? "" : $" (goal p95 < {goal}) {(met ? "OK" : "MISSED")}"));
        return met;
    }
}
