using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Ingest;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Bench;

/// <summary>
/// <c>ingest [rows] [runs]</c>: a vacancies CSV (default 10,000,000 rows) through our whole
/// pipeline (hash, parse, validate, dedupe, partitioned Parquet, commit, catalog) versus DuckDB's
/// own COPY of the same CSV to Parquet with no validation, alternating, <c>runs</c> times (default
/// 3; the machine is shared, so one run can be off either way). Goals: ours at least 0.7 of
/// DuckDB's speed (the median ratio), peak memory at most 1 GiB (the worst run).
/// <c>ingest [rows] [runs] ours</c> runs our side only (to profile it, e.g. under <c>perf record</c>).
/// </summary>
public static class IngestBench
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        // "ours" as a third argument skips DuckDB's COPY (for profiling our side alone).
        var oursOnly = args.Length > 2 && args[2] == "ours";
        var work = Path.Combine(Path.GetTempPath(), "analytics-ingest-bench");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var source = Path.Combine(work, "vacancies.csv");
        Directory.CreateDirectory(work);

        var generate = Stopwatch.StartNew();
        Generate(source, rows);
        Console.WriteLine($"generated {rows:N0} rows, {new FileInfo(source).Length / 1048576.0:N0} MiB in {generate.Elapsed.TotalSeconds:N1} s");

        var ratios = new List<double>();
        long worstPeak = 0;
        for (var run = 1; run <= runs; run++)
        {
            var (ours, ourPeak) = Ours(work, source, run);
            if (oursOnly) continue;
            var duck = DuckDb(work, source);
            ratios.Add(duck / ours);
            worstPeak = Math.Max(worstPeak, ourPeak);
            Console.WriteLine($"run {run}: speed ratio ours/duckdb {duck / ours:N2}");
        }
        if (oursOnly) return 0;
        var median = ratios.Order().ElementAt(ratios.Count / 2);
        Console.WriteLine($"speed ratio ours/duckdb, median of {runs}: {median:N2} (range {ratios.Min():N2}-{ratios.Max():N2}; goal >= 0.70) {(median >= 0.7 ? "OK" : "MISSED")}");
        Console.WriteLine($"our peak memory, worst run: {worstPeak / 1048576.0:N0} MiB (goal <= 1024) {(worstPeak <= 1L << 30 ? "OK" : "MISSED")}");
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static (double Seconds, long PeakMemory) Ours(string work, string source, int run)
    {
        var data = Path.Combine(work, $"data{run}");
        var inbox = Path.Combine(data, "inbox", "vacancies");
        Directory.CreateDirectory(inbox);
        File.Copy(source, Path.Combine(inbox, "vacancies.csv"));

        ResetPeakMemory();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var clock = Stopwatch.StartNew();
        // The file is copied whole before the clock starts: no settle wait belongs in the measurement.
        var result = new IngestRunner(new IngestOptions { DataDirectory = data, IdHashKey = "00112233445566778899aabbccddeeff", SettleSeconds = 0 })
            .RunPassAsync().GetAwaiter().GetResult();
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        jit = System.Runtime.JitInfo.GetCompilationTime() - jit;
        var peak = PeakMemory();
        var file = result.Files.Single();
        if (file.Status != FileStatus.Loaded) throw new InvalidOperationException($"The bench file was not loaded: {file.Status} {file.Error}");
        var lakeFiles = Directory.GetFiles(Path.Combine(data, "lake", "vacancies"), "*.parquet", SearchOption.AllDirectories).Length;
        Console.WriteLine($"ours:   {clock.Elapsed.TotalSeconds,7:N2} s  ({file.RowsLoaded:N0} loaded, {file.RowsRejected:N0} rejected, {lakeFiles} Parquet files), " +
            $"peak memory {peak / 1048576.0:N0} MiB, CPU {cpu.TotalSeconds:N1} s (JIT compiling {jit.TotalSeconds:N2} s)");
        Directory.Delete(data, recursive: true);
        return (clock.Elapsed.TotalSeconds, peak);
    }

    private static double DuckDb(string work, string source)
    {
        ResetPeakMemory();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var target = Path.Combine(work, "duckdb.parquet");
        using (var database = DuckDbDataSource.InMemory())
        {
            database.ExecuteNonQuery($"COPY (SELECT * FROM read_csv('{source}', header = true)) TO '{target}' (FORMAT parquet)");
        }
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"duckdb: {clock.Elapsed.TotalSeconds,7:N2} s  (COPY csv -> parquet, no validation), peak memory {PeakMemory() / 1048576.0:N0} MiB, CPU {cpu.TotalSeconds:N1} s");
        File.Delete(target);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Plausible vacancies, deterministic; one row in ten thousand breaks a rule.</summary>
    private static void Generate(string path, long rows)
    {
        var random = new Random(20260901);
        string[] regions = ["110101", "110105", "310104", "310115", "440106", "440305", "320102", "330106"];
        string[] education = ["none", "high_school", "vocational", "associate", "bachelor", "master"];
        string[] channel = ["public_service", "online", "job_fair", "other"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("posting_id,registered_on,region_code,employer_id,industry_code,occupation_code,positions,wage_min,wage_max,education_min,channel\n");
        var start = new DateOnly(2025, 1, 1);
        var sb = new StringBuilder(128);
        for (long i = 0; i < rows; i++)
        {
            var wageMin = 3000 + random.Next(0, 120) * 100;
            sb.Clear()
                .Append('V').Append(i).Append(',')
                .Append(start.AddDays(random.Next(0, 600)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(regions[random.Next(regions.Length)]).Append(',')
                .Append('E').Append(random.Next(0, 50000)).Append(',')
                .Append((char)('A' + random.Next(0, 20))).Append(random.Next(10, 99)).Append(',')
                .Append(random.Next(1, 9)).Append('-').Append(random.Next(10, 40)).Append('-').Append(random.Next(10, 30)).Append('-').Append(random.Next(10, 20)).Append(',')
                .Append(i % 10_000 == 7 ? 0 : random.Next(1, 20)).Append(',')
                .Append(wageMin).Append(".00,")
                .Append(wageMin + random.Next(0, 60) * 100).Append(".00,")
                .Append(education[random.Next(education.Length)]).Append(',')
                .Append(channel[random.Next(channel.Length)]).Append('\n');
            writer.Write(sb);
        }
    }

    /// <summary>Linux keeps the high-water mark of resident memory (VmHWM); writing 5 to clear_refs resets it.</summary>
    private static void ResetPeakMemory()
    {
        GC.Collect();
        try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static long PeakMemory()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:"))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return Process.GetCurrentProcess().PeakWorkingSet64;
    }
}
