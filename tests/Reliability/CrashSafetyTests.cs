using System.Diagnostics;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// The real <c>analytics ingest</c> killed with SIGKILL at random moments, again and again, over
/// several deliveries (later ones correcting earlier rows); then a run that completes. The catalog
/// must equal that of a clean run over the same deliveries, every file archived exactly once, and the lake
/// hold the clean run's Parquet files (once an idle pass has deleted what the last batch replaced, in both).
/// Set CRASH_SEED to replay a run.
/// </summary>
public class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Kills = 50;
    private const int Deliveries = 4;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Killing_ingest_at_random_points_changes_nothing_in_the_end()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), out var s) ? s : Environment.TickCount & 0x7FFFFFFF;
        output.WriteLine($"crash seed {seed} (replay with CRASH_SEED={seed})");
        var random = new Random(seed);
        var root = Path.Combine(Path.GetTempPath(), "reliability-crash", Guid.NewGuid().ToString("N"));
        try
        {
            var deliveries = PrepareDeliveries(Path.Combine(root, "source"));
            var clean = Path.Combine(root, "clean");
            var crashed = Path.Combine(root, "crashed");

            // The clean run, one pass per delivery; its durations tell where a pass's middle is.
            var durations = new List<TimeSpan>();
            foreach (var delivery in deliveries)
            {
                Deliver(delivery, clean);
                var clock = Stopwatch.StartNew();
                (await AnalyticsProcess.RunAsync(RunLimit, "ingest", "--json", "--data", clean)).ShouldBe(0);
                durations.Add(clock.Elapsed);
            }
            output.WriteLine("clean passes: " + string.Join(", ", durations.Select(d => $"{d.TotalSeconds:0.0} s")));
            // Files a batch replaced stay until the sync after the batch's own (Catalog: no query may still be reading
            // them), so the last batch's are still here; the idle pass below deletes them.
            var cleanAfterLastBatch = LakeFiles(clean);

            // A pass over an empty inbox (recovery and catalog sync only) is a crash point too; time one.
            var clock2 = Stopwatch.StartNew();
            (await AnalyticsProcess.RunAsync(RunLimit, "ingest", "--json", "--data", clean)).ShouldBe(0);
            var idle = clock2.Elapsed;

            // Each delivery: runs killed at a random moment of a pass (after the process started) until its share
            // of kills is done, then one run that completes. A kill may land after the commit; later runs then idle.
            var kills = 0;
            var attempts = 0;
            var interrupted = 0;
            var killsPerDelivery = (Kills + Deliveries - 1) / Deliveries;
            for (var d = 0; d < deliveries.Count; d++)
            {
                Deliver(deliveries[d], crashed);
                // From the first file read to the end of the pass, as the clean run suggests; tests running beside
                // this one make those timings swing (a 2 s pass took 21.7 s once), so a run that ends before its kill
                // time teaches the estimate its real length, and the next kill lands inside it.
                var readToEnd = TimeSpan.FromMilliseconds(Math.Max(50, (durations[d] - idle).TotalMilliseconds));
                for (var killed = 0; killed < killsPerDelivery && kills < Kills && attempts < 6 * Kills; attempts++)
                {
                    var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    var started = Stopwatch.StartNew();
                    using var process = AnalyticsProcess.Start(line => { if (line.Contains(" reading ")) reading.TrySetResult(); }, "ingest", "--json", "--data", crashed);
                    var withFiles = InboxHasFiles(crashed);
                    TimeSpan delay;
                    if (withFiles)
                    {
                        // Kill soon after the first file is read: most of a pass after its commit is the catalog sync.
                        await Task.WhenAny(reading.Task, process.WaitForExitAsync());
                        started.Restart();
                        delay = readToEnd * (0.35 * random.NextDouble());
                    }
                    else delay = idle * (0.25 + 0.55 * random.NextDouble());
                    if (process.WaitForExit(delay))
                    {
                        var took = TimeSpan.FromMilliseconds(Math.Max(50, started.Elapsed.TotalMilliseconds));
                        if (!withFiles) idle = took;
                        else if (reading.Task.IsCompleted) readToEnd = took;
                        continue;
                    }
                    process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flushing
                    await process.WaitForExitAsync();
                    kills++;
                    killed++;
                    if (InboxHasFiles(crashed)) interrupted++;
                }
                (await AnalyticsProcess.RunAsync(RunLimit, "ingest", "--json", "--data", crashed)).ShouldBe(0, $"seed {seed}: delivery {d}'s completing run");
            }
            output.WriteLine($"{kills} kills in {attempts} runs ({interrupted} before the pass had archived its files), idle pass {idle.TotalSeconds:0.0} s");
            kills.ShouldBeGreaterThanOrEqualTo(Kills, $"seed {seed}: killed often enough");
            // A guard that the kills really land mid-pass; how many do depends on the machine's load, so the floor is low.
            interrupted.ShouldBeGreaterThanOrEqualTo(kills / 10, $"seed {seed}: kills interrupted passes before their files were archived");

            var expected = CatalogSnapshot.Views(clean);
            var actual = CatalogSnapshot.Views(crashed);
            expected.Values.Sum(v => v.Count).ShouldBeGreaterThan(1000, "the deliveries load rows");
            foreach (var (view, rows) in expected)
                actual[view].ShouldBe(rows, $"seed {seed}: view {view}");

            var delivered = deliveries.SelectMany(d => d).Select(f => f.RelativePath).Order(StringComparer.Ordinal).ToList();
            ArchivedFiles(crashed).ShouldBe(delivered, $"seed {seed}: every file archived exactly once");
            ArchivedFiles(clean).ShouldBe(delivered);
            InboxHasFiles(crashed).ShouldBeFalse();
            var staging = Path.Combine(crashed, "staging");
            (Directory.Exists(staging) ? Directory.GetDirectories(staging) : []).ShouldBeEmpty($"seed {seed}: staging leftovers");
            // Whether the last batch's replaced files are gone yet depends on where the kills fell: on whether a killed
            // run had already synced that batch, so the completing run was a later sync. Either way nothing else differs:
            // not one file of a killed pass, nor a replaced file the crashes kept.
            var cleanAtRest = LakeFiles(clean);
            var crashedAfterLastBatch = LakeFiles(crashed);
            new[] { cleanAfterLastBatch, cleanAtRest }.Any(files => files.SequenceEqual(crashedAfterLastBatch))
                .ShouldBeTrue($"seed {seed}: after the completing run the lake holds the Parquet files of the clean run after its last batch " +
                              $"or after its idle pass; extra: {string.Join(", ", crashedAfterLastBatch.Except(cleanAfterLastBatch))}; " +
                              $"missing: {string.Join(", ", cleanAtRest.Except(crashedAfterLastBatch))}");
            output.WriteLine(crashedAfterLastBatch.SequenceEqual(cleanAtRest)
                ? "a killed run had synced the last batch: the completing run deleted what it replaced"
                : "the completing run synced the last batch: what it replaced awaits the next sync");
            // Then the lakes at rest: an idle pass, as the clean run had, deletes what the last batch replaced.
            (await AnalyticsProcess.RunAsync(RunLimit, "ingest", "--json", "--data", crashed)).ShouldBe(0, $"seed {seed}: the idle pass");
            LakeFiles(crashed).ShouldBe(cleanAtRest, $"seed {seed}: the lake holds the same Parquet files");
            (await AnalyticsProcess.RunAsync(RunLimit, "lake", "verify", "--data", crashed)).ShouldBe(0, $"seed {seed}: a second engine (Parquet.Net) reads every file the manifests name, and no other lies in the lake");
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    private sealed record Delivered(string SourcePath, string RelativePath);

    /// <summary>The demo inbox (small scale, a handful of settlement files) split round-robin into deliveries.</summary>
    private static List<List<Delivered>> PrepareDeliveries(string source)
    {
        SeedCorpus.WriteDemo(source);
        var inbox = Path.Combine(source, "inbox");
        var files = Directory.GetFiles(inbox, "*", SearchOption.AllDirectories)
            .Select(f => new Delivered(f, Path.GetRelativePath(inbox, f).Replace('\\', '/')))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();
        var settlements = files.Where(f => f.RelativePath.StartsWith("dispatch_settlements/")).ToList();
        files = files.Except(settlements.Skip(6)).ToList();
        return Enumerable.Range(0, Deliveries).Select(d => files.Where((_, i) => i % Deliveries == d).ToList()).ToList();
    }

    private static void Deliver(IEnumerable<Delivered> files, string dataDirectory)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(dataDirectory, "inbox", file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file.SourcePath, target);
        }
    }

    private static bool InboxHasFiles(string dataDirectory) =>
        Directory.Exists(Path.Combine(dataDirectory, "inbox")) && Directory.EnumerateFiles(Path.Combine(dataDirectory, "inbox"), "*", SearchOption.AllDirectories).Any();

    /// <summary>Archived files by their path below the inbox (archive/&lt;batch&gt;/&lt;path&gt;), duplicates kept.</summary>
    private static List<string> ArchivedFiles(string dataDirectory)
    {
        var archive = Path.Combine(dataDirectory, "archive");
        return Directory.GetFiles(archive, "*", SearchOption.AllDirectories)
            .Select(f => string.Join('/', Path.GetRelativePath(archive, f).Split(Path.DirectorySeparatorChar).Skip(1)))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> LakeFiles(string dataDirectory)
    {
        var lake = Path.Combine(dataDirectory, "lake");
        return Directory.GetFiles(lake, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(lake, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
    }
}
