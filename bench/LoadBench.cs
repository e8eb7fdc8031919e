using System.Diagnostics;
using System.Globalization;
using Analytics.Ingest;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Bench;

/// <summary>
/// <c>load [--pages 500] [--clients 50] [--runs 5] [--seconds 12] [--scale 1] [--page /wall?seconds=3600] [--set KEY=VALUE]</c>:
/// the real host in this process on 127.0.0.1 over the demo data; the wall pages are real Blazor circuits
/// opened by a child process (<see cref="CircuitClients"/>), so this process's memory is the server's.
/// Measures (1) server memory per open page: managed heap after a full GC and working set, before and
/// after opening the pages (10 warm-up pages are opened before the "before"); (2) per run, while the API
/// clients hammer the marts: one vacancy file dropped in the inbox and ingested, and the time from the
/// commit (this process's LakeEvents handler, subscribed before any page) to the last page's first render
/// batch after it (goal ≤ 1 s); (3) the API p95 of that run (goal &lt; 100 ms). Prints each run and the medians.
/// </summary>
public static class LoadBench
{
    private const int WarmPages = 10;

    public static int Run(string[] args)
    {
        var pages = Option(args, "--pages", Option(args, "--connections", 500));
        var clients = Option(args, "--clients", 50);
        var runs = Option(args, "--runs", 5);
        var seconds = Option(args, "--seconds", 12);
        var scale = Option(args, "--scale", 1.0);
        // The wall turns a slide every 15 s by default; an hour keeps every page on the indicators slide,
        // whose "更新于" stamp tells an update's batch from a slide turn's.
        var page = args.SkipWhile(a => a != "--page").Skip(1).FirstOrDefault() ?? "/wall?seconds=3600";
        // --set KEY=VALUE (repeatable): host configuration, e.g. --set Dashboards:QueryThreadNice=0.
        var settings = args.Select((a, i) => (a, i)).Where(p => p.a == "--set" && p.i + 1 < args.Length)
            .Select(p => args[p.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        Console.WriteLine($"parameters: --pages {pages} --clients {clients} --runs {runs} --seconds {seconds} --scale {scale.ToString(CultureInfo.InvariantCulture)} --page {page}"
                          + string.Concat(settings.Select(kv => $" --set {kv.Key}={kv.Value}")));
        return RunAsync(pages, clients, runs, seconds, scale, page, settings).GetAwaiter().GetResult();
    }

    private sealed record PushRun(int Open, int Received, int Stamped, int Closed, double CommitToFirst, double CommitToLast, double CommitToP50, double PassReturnedToLast);

    private static async Task<int> RunAsync(int pages, int clients, int runs, int seconds, double scale, string page, IReadOnlyDictionary<string, string?> settings)
    {
        var setup = Stopwatch.StartNew();
        await using var site = await BenchSite.StartAsync(scale, settings);
        Console.WriteLine($"host on {site.BaseAddress} ready in {setup.Elapsed.TotalSeconds:N1} s; load average {LoadAverage()}");

        // First among the handlers, so its stamp is the commit's and not after 500 pages' handlers.
        DateTimeOffset? committedAt = null;
        site.Get<LakeEvents>().LakeChanged += (_, _) => committedAt ??= DateTimeOffset.UtcNow;

        var (signedIn, cookies) = await site.SignInAsync("stat");
        signedIn.Dispose();
        using var walls = Walls.Start(site.BaseAddress, page, cookies.GetCookieHeader(site.BaseAddress));
        var warm = walls.Open(WarmPages);
        Console.WriteLine($"warm-up: {warm.Ok} of {WarmPages} pages open");
        var before = Memory.Measure();
        var opened = walls.Open(pages - WarmPages);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = Memory.Measure();
        var open = warm.Ok + opened.Ok;
        var failed = warm.Failed + opened.Failed;
        Console.WriteLine($"circuits: {open} of {pages} open ({failed} failed to start) on {page}, {pages - WarmPages} opened in {opened.Seconds:N1} s; load average {LoadAverage()}");
        Console.WriteLine($"server memory: managed heap {before.HeapMiB:N1} -> {after.HeapMiB:N1} MiB, working set {before.WorkingSetMiB:N1} -> {after.WorkingSetMiB:N1} MiB");
        var heapPerPage = (after.HeapMiB - before.HeapMiB) * 1024 / Math.Max(1, opened.Ok);
        var workingSetPerPage = (after.WorkingSetMiB - before.WorkingSetMiB) * 1024 / Math.Max(1, opened.Ok);
        Console.WriteLine($"per open page: managed heap {heapPerPage:N0} KiB, working set {workingSetPerPage:N0} KiB (over the {opened.Ok} pages opened after the warm-up)");

        var (prober, _) = await site.SignInAsync("stat");
        using var probing = prober;
        var pushes = new List<PushRun>();
        var apis = new List<ApiLoad.Result>();
        for (var run = 1; run <= runs; run++)
        {
            PushRun? push = null;
            var api = await ApiLoad.RunAsync(site, clients, TimeSpan.FromSeconds(seconds), async () =>
            {
                // The API clients are well under way when the batch commits.
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(3, seconds / 3.0)));
                walls.Arm();
                committedAt = null;
                var warmedBefore = site.Get<Analytics.Dashboards.Data.MartCache>().LastWarming?.BatchId ?? 0;
                DropOneVacancy(site, run);
                var pass = await site.Get<IngestRunner>().RunPassAsync();
                var passReturned = DateTimeOffset.UtcNow;
                // One API read right after the commit, while the pages re-read: how long a figure takes cold.
                var probe = Stopwatch.StartNew();
                using (var answer = await prober.GetAsync("/api/indicators")) answer.EnsureSuccessStatusCode();
                Console.WriteLine($"run {run}: /api/indicators right after the commit: {probe.Elapsed.TotalMilliseconds:N0} ms");
                // Long enough to time a slow update rather than call it missing; a page still silent then is counted as not updated.
                var report = walls.Report(TimeSpan.FromSeconds(30));
                push = Push(report, committedAt, passReturned);
                Console.WriteLine($"run {run}: ingest {string.Join(", ", pass.Files.Select(f => $"{f.File} {f.Status} ({f.RowsLoaded} rows)"))}; "
                                  + $"{push.Received} of {push.Open} open pages got a batch ({push.Stamped} with the new stamp, {push.Closed} closed); "
                                  + $"commit -> first page {push.CommitToFirst:N0} ms, p50 page {push.CommitToP50:N0} ms, last page {push.CommitToLast:N0} ms ( pass returned -> last {push.PassReturnedToLast:N0} ms)");
                // The cache's recomputation after the commit (ahead of the API clients' queries): how long the cold answers took.
                var cache = site.Get<Analytics.Dashboards.Data.MartCache>();
                for (var waited = 0; waited < 300 && (cache.LastWarming?.BatchId ?? 0) <= warmedBefore; waited++) await Task.Delay(100);
                if (cache.LastWarming is { } w && w.BatchId > warmedBefore)
                    Console.WriteLine($"run {run}: cache warming of batch {w.BatchId}: {w.Answers} answers ({w.PageAnswers} of open pages, {w.Failed} failed, {w.Dropped} dropped); "
                                      + $"pages' answers in {w.PagesReadyMs:N0} ms, all in {w.AllReadyMs:N0} ms after the commit");
                if (cache.LastWarming is { } ws && ws.BatchId > warmedBefore)
                    Console.WriteLine($"run {run}: warm answers in at (ms after the commit, in the order queued): {string.Join("; ", ws.Keys.Select(k => $"{k.Key} {k.ReadyMs:N0}"))}");
            }, warmUp: run == 1);
            apis.Add(api);
            if (push is not null) pushes.Add(push);
            Console.WriteLine($"run {run}: load average {LoadAverage()}");
        }
        walls.Quit();

        if (pushes.Count == 0) return 1;
        var lastMedian = Median(pushes.Select(p => p.Received == pages ? p.CommitToLast : double.PositiveInfinity));
        var p95Median = Median(apis.Select(a => a.P95));
        var everyPage = pushes.All(p => p.Stamped == pages);
        Console.WriteLine();
        Console.WriteLine($"medians of {pushes.Count} runs: commit -> first page {Median(pushes.Select(p => p.CommitToFirst)):N0} ms, last of {pages} pages {lastMedian:N0} ms (goal <= 1000) {(lastMedian <= 1000 && everyPage ? "OK" : "MISSED")}; "
                          + $"API p95 {p95Median:N1} ms, p50 {Median(apis.Select(a => a.P50)):N1} ms (goal < 100) {(p95Median < 100 ? "OK" : "MISSED")}; "
                          + $"pages updated per run: {string.Join(' ', pushes.Select(p => $"{p.Stamped}/{pages}"))}; circuits failed to start: {failed}; API errors: {apis.Sum(a => a.Errors)}");
        Console.WriteLine($"| {pages} wall circuits + {clients} API clients | commit -> last wall {lastMedian:N0} ms | {heapPerPage:N0} KiB heap, {workingSetPerPage:N0} KiB working set per page | API p95 {p95Median:N1} ms |");
        return lastMedian <= 1000 && everyPage && p95Median < 100 && failed == 0 ? 0 : 1;
    }

    private static PushRun Push(Walls.Delivery report, DateTimeOffset? committedAt, DateTimeOffset passReturned)
    {
        var commit = committedAt ?? passReturned;
        var delays = report.Times.Select(t => t - (commit - DateTimeOffset.UnixEpoch).TotalMilliseconds).Order().ToList();
        var last = delays.Count == 0 ? double.PositiveInfinity : delays[^1];
        return new PushRun(report.Open, report.Received, report.Stamped, report.Closed, delays.Count == 0 ? double.PositiveInfinity : delays[0], last,
            delays.Count == 0 ? double.PositiveInfinity : Percentile(delays, 50), last - (passReturned - commit).TotalMilliseconds);
    }

    /// <summary>One valid vacancy for an occupation the demo data already has, as a new inbox file.</summary>
    private static void DropOneVacancy(BenchSite site, int run)
    {
        string occupation;
        using (var catalog = DuckDbDataSource.File(Path.Combine(site.DataDirectory, "warehouse.duckdb")))
            occupation = (string)catalog.ExecuteScalar("SELECT min(occupation_code) FROM vacancies")!;
        var inbox = Path.Combine(site.DataDirectory, "inbox", "vacancies");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, $"load-bench-{run}.csv"),
            $"posting_id,registered_on,region_code,employer_id,occupation_code,positions\nLOAD-{Guid.NewGuid():N},2026-08-15,440106,E-LOAD,{occupation},3\n");
    }

    private sealed record Memory(double HeapMiB, double WorkingSetMiB)
    {
        public static Memory Measure()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var self = Process.GetCurrentProcess();
            return new Memory(GC.GetTotalMemory(false) / 1048576.0, self.WorkingSet64 / 1048576.0);
        }
    }

    /// <summary>The child process holding the pages' client side (<see cref="CircuitClients"/>).</summary>
    private sealed class Walls : IDisposable
    {
        public sealed record Opened(int Ok, int Failed, double Seconds);
        public sealed record Delivery(int Open, int Received, int Stamped, int Closed, List<double> Times);

        private readonly Process _process;
        private Walls(Process process) => _process = process;

        public static Walls Start(Uri baseAddress, string page, string cookie)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
            // Run by `dotnet run`, the process is the apphost; run as `dotnet analytics-bench.dll`, pass the dll.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(Walls).Assembly.Location);
            foreach (var arg in new[] { "circuits", baseAddress.ToString(), page }) start.ArgumentList.Add(arg);
            start.Environment["ANALYTICS_BENCH_COOKIE"] = cookie;
            return new Walls(Process.Start(start)!);
        }

        public Opened Open(int count)
        {
            var words = Ask($"open {count}", "opened");
            return new Opened(int.Parse(words[1]), int.Parse(words[2]), double.Parse(words[3], CultureInfo.InvariantCulture));
        }

        public void Arm() => Ask("arm", "armed");

        public Delivery Report(TimeSpan wait)
        {
            var words = Ask($"report {(int)wait.TotalMilliseconds}", "report");
            var times = words.Length > 5 && words[5].Length > 0 ? words[5].Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList() : [];
            return new Delivery(int.Parse(words[1]), int.Parse(words[2]), int.Parse(words[3]), int.Parse(words[4]), times);
        }

        public void Quit()
        {
            _process.StandardInput.WriteLine("quit");
            if (!_process.WaitForExit(TimeSpan.FromSeconds(60))) _process.Kill();
        }

        private string[] Ask(string command, string answer)
        {
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Flush();
            while (_process.StandardOutput.ReadLine() is { } line)
                if (line.StartsWith(answer + " ", StringComparison.Ordinal) || line == answer) return line.Split(' ');
            throw new InvalidOperationException($"the circuit process ended before answering '{command}' (exit {(_process.HasExited ? _process.ExitCode : -1)})");
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }

    private static double Median(IEnumerable<double> values) => Percentile(values.Order().ToList(), 50);

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
