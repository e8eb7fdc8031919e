using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Ingest;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Bench;

/// <summary>
/// <c>ingest [rows]</c>: a vacancies CSV (default 10,000,000 rows) through our whole pipeline
/// (parse, validate, stage, dedupe, partitioned Parquet, commit, catalog) versus DuckDB's own
/// COPY of the same CSV to Parquet with no validation. Goals: ours at least 0.7 of DuckDB's speed, peak memory at most 1 GiB.
/// </summary>
public static class IngestBench
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
        var work = Path.Combine(Path.GetTempPath(), "analytics-ingest-bench");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        var source = Path.Combine(work, "vacancies.csv");
        Directory.CreateDirectory(work);

        var generate = Stopwatch.StartNew();
        Generate(source, rows);
        Console.WriteLine($"generated {rows:N0} rows, {new FileInfo(source).Length / 1048576.0:N0} MiB in {generate.Elapsed.TotalSeconds:N1} s");

        var data = Path.Combine(work, "data");
        var inbox = Path.Combine(data, "inbox", "vacancies");
        Directory.CreateDirectory(inbox);
        File.Copy(source, Path.Combine(inbox, "vacancies.csv"));

        ResetPeakMemory();
        var ourCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var ours = Stopwatch.StartNew();
        var result = new IngestRunner(new IngestOptions { DataDirectory = data, IdHashKey = "00112233445566778899aabbccddeeff" })
            .RunPassAsync().GetAwaiter().GetResult();
        ours.Stop();
        ourCpu = Process.GetCurrentProcess().TotalProcessorTime - ourCpu;
        var ourPeak = PeakMemory();
        var file = result.Files.Single();
        if (file.Status != FileStatus.Loaded) throw new InvalidOperationException($"The bench file was not loaded: {file.Status} {file.Error}");
        Console.WriteLine($"ours:   {ours.Elapsed.TotalSeconds,7:N2} s  ({file.RowsLoaded:N0} loaded, {file.RowsRejected:N0} rejected), peak memory {ourPeak / 1048576.0:N0} MiB, CPU {ourCpu.TotalSeconds:N1} s");

        ResetPeakMemory();
        var duckCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var duck = Stopwatch.StartNew();
        using (var connection = new DuckDbConnection("Data Source=:memory:"))
        {
            connection.Open();
            connection.ExecuteNonQuery($"COPY (SELECT * FROM read_csv('{source}', header = true)) TO '{Path.Combine(work, "duckdb.parquet")}' (FORMAT parquet)");
        }
        duck.Stop();
        duckCpu = Process.GetCurrentProcess().TotalProcessorTime - duckCpu;
        var duckPeak = PeakMemory();
        Console.WriteLine($"duckdb: {duck.Elapsed.TotalSeconds,7:N2} s  (COPY csv -> parquet, no validation), peak memory {duckPeak / 1048576.0:N0} MiB, CPU {duckCpu.TotalSeconds:N1} s");

        var ratio = duck.Elapsed.TotalSeconds / ours.Elapsed.TotalSeconds;
        Console.WriteLine($"speed ratio ours/duckdb: {ratio:N2} (goal >= 0.70) {(ratio >= 0.7 ? "OK" : "MISSED")}");
        Console.WriteLine($"our peak memory: {ourPeak / 1048576.0:N0} MiB (goal <= 1024) {(ourPeak <= 1L << 30 ? "OK" : "MISSED")}");
        Directory.Delete(work, recursive: true);
        return 0;
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
