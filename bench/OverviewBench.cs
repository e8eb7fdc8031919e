using System.Diagnostics;
using System.Globalization;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Structure;

namespace Analytics.Bench;

/// <summary>
/// The policymaker's overview as a first request (issue 14): the month's indicators with their
/// year-to-date and last-year companions, and the structure breakdowns, over the rankings bench's
/// lake (10,000,000 vacancies + 10,000,000 job seekers, two years; the other datasets empty).
/// Every run opens a new catalog, so DuckDB starts without any cached Parquet metadata or
/// results (the operating system's file cache stays warm). Queries run on `--threads` DuckDB
/// threads (default 1: the host's Dashboards:QueryThreads). Goal: the overview under 300 ms.
/// </summary>
public static class OverviewBench
{
    private static readonly DateOnly Month = new(2026, 9, 1);
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2026Q3");

    public static int Run(string[] args)
    {
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "analytics-bench-rankings");
        var rows = long.Parse(Option(args, "--rows") ?? "10000000", CultureInfo.InvariantCulture);
        var threads = Option(args, "--threads") ?? "1";
        var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(dir);
        Console.WriteLine($"overview bench: {rows:N0} vacancies + {rows:N0} job seekers in {dir}, {threads} DuckDB thread(s), {runs} cold runs each");
        Console.WriteLine($"load average before: {LoadAverage()}");
        RankingsBench.Generate(dir, rows);

        // A: every request reads the Parquet views; B: as the host after a commit, the catalog holds
        // the monthly summaries Catalog.Sync materialises with the views (their build is timed apart:
        // it is paid once per commit, before the commit's views are visible)
        var builds = new List<TimeSpan>();
        var indicatorsA = Cold(dir, threads, runs, null, db => new IndicatorService(db).GetMonthly(Month).Count);
        Report("A indicators 2026-09 with _ly/_ytd companions", indicatorsA);
        var indicators = Cold(dir, threads, runs, builds, db => new IndicatorService(db).GetMonthly(Month).Count);
        Report("B indicators 2026-09 with _ly/_ytd companions", indicators);
        Report("B summary build (once per commit)", builds);
        var structure = new Dictionary<StructureBreakdown, List<TimeSpan>>();
        foreach (var breakdown in Enum.GetValues<StructureBreakdown>())
        {
            structure[breakdown] = Cold(dir, threads, runs, null, db => new StructureService(db).Get(Quarter, breakdown).Rows.Count);
            Report($"structure 2026Q3 by {StructureService.Name(breakdown)}", structure[breakdown]);
        }
        // the overview's first request: its cards (indicators with YTD/YoY) and the default breakdown, one after the other
        Func<DuckDbDataSource, int> first = db =>
            new IndicatorService(db).GetMonthly(Month).Count + new StructureService(db).Get(Quarter, StructureBreakdown.Gender).Rows.Count;
        var overview = Cold(dir, threads, runs, [], first);
        Report("B overview = indicators + structure by gender", overview);
        var median = Median(overview);
        Console.WriteLine($"load average after: {LoadAverage()}");
        Console.WriteLine($"goal: overview first request after the commit's summary (B) < 300 ms: {median.TotalMilliseconds < 300} ({median.TotalMilliseconds:F0} ms)");
        return 0;
    }

    /// <summary>Each run on a new catalog over the lake's Parquet files: views named as the datasets, as the host builds them.</summary>
    /// <param name="builds">null: no summaries (A); else the summaries are materialised first, their build times added here (B)</param>
    private static List<TimeSpan> Cold(string dir, string threads, int runs, List<TimeSpan>? builds, Func<DuckDbDataSource, int> query)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            using var catalog = DuckDbDataSource.Scratch(("threads", threads));
            catalog.ExecuteNonQuery(BenchCatalog.Sql(dir, everyDataset: true));
            if (builds is not null)
            {
                var build = Stopwatch.StartNew();
                catalog.ExecuteNonQuery(SqlModels.Materialise());
                builds.Add(build.Elapsed);
            }
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            query(catalog);
            times.Add(clock.Elapsed);
            process.Refresh();
            Cpu.Add(process.TotalProcessorTime - cpuBefore);
        }
        return times;
    }

    /// <summary>The process's CPU time (user + system, all threads) of each timed request since the last report: on a loaded machine the wall time mostly measures the wait for a core.</summary>
    private static readonly List<TimeSpan> Cpu = [];

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    private static void Report(string what, List<TimeSpan> times)
    {
        var cpu = Cpu.Count > 0 ? $", CPU median {Median(Cpu).TotalMilliseconds:F0} ms" : "";
        Console.WriteLine($"{what,-48}: median {Median(times).TotalMilliseconds,6:F0} ms{cpu}  (runs: {string.Join(", ", times.Select(t => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))})");
        Cpu.Clear();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
