using System.Diagnostics;
using System.Globalization;
using Analytics.Ingest;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Bench;

/// <summary>
/// <c>load [--clients 50] [--connections 500] [--seconds 20] [--scale 1]</c>: the real host on
/// 127.0.0.1 over the demo data. (a) concurrent signed-in API clients for a bounded time; goal p95 &lt; 100 ms.
/// (b) SignalR connections on /hubs/lake, one ingest pass, and the time from the commit to the last
/// connection's <c>lakeChanged</c>; goal &lt; 1 s.
/// </summary>
public static class LoadBench
{
    public static int Run(string[] args)
    {
        var clients = Option(args, "--clients", 50);
        var connections = Option(args, "--connections", 500);
        var seconds = Option(args, "--seconds", 20);
        var scale = Option(args, "--scale", 1.0);
        Console.WriteLine($"parameters: --clients {clients} --connections {connections} --seconds {seconds} --scale {scale.ToString(CultureInfo.InvariantCulture)}");
        return RunAsync(clients, connections, seconds, scale).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int clients, int connections, int seconds, double scale)
    {
        var setup = Stopwatch.StartNew();
        await using var site = await BenchSite.StartAsync(scale);
        Console.WriteLine($"host on {site.BaseAddress} ready in {setup.Elapsed.TotalSeconds:N1} s");

        // Colleagues share this machine: the load average says how much of it the bench had.
        Console.WriteLine($"load average before the API run: {LoadAverage()}");
        var api = await ApiLoad.RunAsync(site, clients, TimeSpan.FromSeconds(seconds));
        Console.WriteLine($"load average after the API run: {LoadAverage()}");
        var push = await PushLatencyAsync(site, connections);
        return api && push ? 0 : 1;
    }

    /// <summary>Opens the connections, commits one small batch and times its delivery to all of them.</summary>
    private static async Task<bool> PushLatencyAsync(BenchSite site, int connections)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var (client, cookies) = await site.SignInAsync("stat");
        using var signedIn = client;

        var connect = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(32);
        var opening = Enumerable.Range(0, connections).Select(async _ =>
        {
            await gate.WaitAsync(bound.Token);
            try { return await HubListener.ConnectAsync(client, cookies, "/hubs/lake", bound.Token); }
            catch (Exception e) when (e is not OperationCanceledException) { Console.Error.WriteLine($"connect failed: {e.Message}"); return null; }
            finally { gate.Release(); }
        }).ToArray();
        var listeners = (await Task.WhenAll(opening)).OfType<HubListener>().ToList();
        Console.WriteLine($"signalr: {listeners.Count} of {connections} connections open and handshaken in {connect.Elapsed.TotalSeconds:N1} s");
        try
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(bound.Token);
            waiting.CancelAfter(TimeSpan.FromSeconds(30));
            var deliveries = listeners.Select(l => Delivery(l, waiting.Token)).ToArray();
            // The hub adds a connection to "all" just after answering its handshake; give the last ones a moment.
            await Task.Delay(TimeSpan.FromSeconds(1));

            DropOneVacancy(site);
            DateTimeOffset? eventFired = null;
            long? committedBatch = null;
            void Record(object? sender, LakeChangedEventArgs change) => (eventFired, committedBatch) = (DateTimeOffset.UtcNow, change.BatchId);
            var events = site.Get<LakeEvents>();
            events.LakeChanged += Record;
            var pass = await site.Get<IngestRunner>().RunPassAsync(cancellation: bound.Token);
            var passReturned = DateTimeOffset.UtcNow;
            events.LakeChanged -= Record;
            Console.WriteLine($"ingest pass: {string.Join(", ", pass.Files.Select(f => $"{f.File} {f.Status} ({f.RowsLoaded} rows)"))}, batch {committedBatch}");

            waiting.CancelAfter(TimeSpan.FromSeconds(10));
            var received = (await Task.WhenAll(deliveries)).Where(d => d.HasValue).Select(d => d!.Value).ToList();
            if (received.Count == 0 || eventFired is null)
            {
                Console.WriteLine($"signalr: 0 of {connections} received lakeChanged (event fired: {eventFired is not null}) MISSED");
                return false;
            }
            var committedAt = received[0].CommittedAt;
            var last = received.Max(r => r.At);
            var delays = received.Select(r => (r.At - committedAt).TotalMilliseconds).Order().ToList();
            var wrongBatch = received.Count(r => r.BatchId != committedBatch.ToString());
            var all = received.Count == connections && wrongBatch == 0;
            var fromCommit = (last - committedAt).TotalMilliseconds;
            Console.WriteLine($"signalr: {received.Count} of {connections} received lakeChanged for batch {committedBatch}{(wrongBatch > 0 ? $" ({wrongBatch} for another batch)" : "")}");
            Console.WriteLine($"commit -> last notification: {fromCommit:N0} ms from the host's committedAt stamp (goal < 1000) {(fromCommit < 1000 && all ? "OK" : "MISSED")}");
            Console.WriteLine($"  from our LakeEvents handler: {(last - eventFired.Value).TotalMilliseconds:N0} ms; from RunPassAsync returning: {(last - passReturned).TotalMilliseconds:N0} ms");
            Console.WriteLine($"  per-connection delivery: first {delays[0]:N0} ms, p50 {Percentile(delays, 50):N0} ms, p95 {Percentile(delays, 95):N0} ms, last {delays[^1]:N0} ms");
            return all && fromCommit < 1000;
        }
        finally
        {
            foreach (var listener in listeners) listener.Dispose();
        }
    }

    private static async Task<(DateTimeOffset At, DateTimeOffset CommittedAt, string BatchId)?> Delivery(HubListener listener, CancellationToken cancel)
    {
        try
        {
            var (at, change) = await listener.WaitForAsync("lakeChanged", cancel);
            return (at, change.GetProperty("committedAt").GetDateTimeOffset(), change.GetProperty("batchId").GetString()!);
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            return null;
        }
    }

    /// <summary>One valid vacancy for an occupation the demo data already has, as a new inbox file.</summary>
    private static void DropOneVacancy(BenchSite site)
    {
        string occupation;
        using (var catalog = DuckDbDataSource.File(Path.Combine(site.DataDirectory, "warehouse.duckdb")))
            occupation = (string)catalog.ExecuteScalar("SELECT min(occupation_code) FROM vacancies")!;
        var inbox = Path.Combine(site.DataDirectory, "inbox", "vacancies");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "load-bench.csv"),
            $"posting_id,registered_on,region_code,employer_id,occupation_code,positions\nLOAD-{Guid.NewGuid():N},2026-08-15,440106,E-LOAD,{occupation},3\n");
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static T Option<T>(string[] args, string name, T fallback) where T : IParsable<T>
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? T.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
