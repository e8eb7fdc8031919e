using System.Collections.Concurrent;
using System.Diagnostics;
using Analytics.Ingest;
using Analytics.Tests.Ingest;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// Damaged deliveries of every dataset, a thousand per run: each file is either loaded with
/// rows_in = rows_loaded + rows_rejected or fails as a whole (left in the inbox, with an error);
/// nothing crashes the pass or hangs on a file. Set FUZZ_SEED to replay a run.
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    private const int Files = 1000;
    private const int FilesPerPass = 250;
    private static readonly TimeSpan PerFileLimit = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_thousand_damaged_files_load_cleanly_or_fail_as_a_whole()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : Environment.TickCount & 0x7FFFFFFF;
        output.WriteLine($"fuzz seed {seed} (replay with FUZZ_SEED={seed})");
        var mutator = new FileMutator(seed);
        var samples = SeedCorpus.All;
        samples.Select(x => x.Dataset).Distinct().Count().ShouldBe(Analytics.Ingest.Schema.Datasets.All.Count, "a sample of every dataset");
        var tally = new ConcurrentDictionary<string, int>();

        for (var first = 0; first < Files; first += FilesPerPass)
        {
            using var sandbox = new IngestSandbox();
            var fuzzed = Enumerable.Range(first, FilesPerPass).Select(n => mutator.Next(samples[n % samples.Count], n)).ToList();
            foreach (var file in fuzzed) sandbox.Drop(file.Dataset, file.Name, file.Content);
            var byPath = fuzzed.ToDictionary(f => $"{f.Dataset}/{f.Name}");

            var result = await PassWithWatchdog(sandbox, byPath, seed);

            result.Files.Count.ShouldBe(FilesPerPass, $"seed {seed}: every file is reported");
            foreach (var file in result.Files)
            {
                var what = $"seed {seed}, {file.File} ({byPath[file.File].Mutations})";
                tally.AddOrUpdate(file.Status, 1, (_, n) => n + 1);
                var inInbox = File.Exists(Path.Combine(sandbox.Root, "inbox", file.File));
                if (file.Status == FileStatus.Failed)
                {
                    file.Error.ShouldNotBeNullOrWhiteSpace(what);
                    (file.RowsLoaded, file.RowsRejected, file.Rejects).ShouldBe((0L, 0L, null), what);
                    inInbox.ShouldBeTrue(what + ": a failed file stays in the inbox");
                }
                else
                {
                    file.Status.ShouldBeOneOf([FileStatus.Loaded, FileStatus.Skipped], what);
                    file.RowsIn.ShouldBe(file.RowsLoaded + file.RowsRejected, what);
                    file.Error.ShouldBeNull(what);
                    inInbox.ShouldBeFalse(what + ": a processed file leaves the inbox");
                    if (file.RowsRejected > 0)
                        File.ReadLines(Path.Combine(sandbox.Root, file.Rejects.ShouldNotBeNull(what))).Count().ShouldBeGreaterThan((int)Math.Min(file.RowsRejected, int.MaxValue), what);
                }
            }
            // The lake stays readable: every view scans, and holds no more rows than the files loaded.
            foreach (var dataset in fuzzed.Select(f => f.Dataset).Distinct())
            {
                var rows = (long)sandbox.Scalar($"SELECT count(*) FROM {dataset}")!;
                rows.ShouldBeLessThanOrEqualTo(result.Files.Where(f => f.Dataset == dataset).Sum(f => f.RowsLoaded), $"seed {seed}, {dataset}");
                sandbox.Query($"SELECT * FROM {dataset}"); // every value decodes
            }
        }

        output.WriteLine($"{Files} files: " + string.Join(", ", tally.OrderBy(t => t.Key).Select(t => $"{t.Value} {t.Key}")));
        tally.GetValueOrDefault(FileStatus.Loaded).ShouldBeGreaterThan(Files / 10, "the mutations leave many files loadable, so the row checks bite");
        tally.GetValueOrDefault(FileStatus.Failed).ShouldBeGreaterThan(Files / 20, "and break enough of them as a whole");
    }

    /// <summary>Runs a pass while watching which file it is on; a file that takes longer than the limit fails the test by name.</summary>
    private static async Task<IngestPassResult> PassWithWatchdog(IngestSandbox sandbox, IReadOnlyDictionary<string, FuzzedFile> files, int seed)
    {
        var current = new FileClock();
        var pass = Task.Run(() => sandbox.Runner().RunPassAsync(progress: current));
        while (!pass.IsCompleted)
        {
            await Task.WhenAny(pass, Task.Delay(500));
            var (file, elapsed) = current.Now();
            if (elapsed > PerFileLimit)
                throw new TimeoutException($"seed {seed}: {file} ({files.GetValueOrDefault(file ?? "")?.Mutations}) took over {PerFileLimit.TotalSeconds} s");
        }
        return await pass;
    }

    private sealed class FileClock : IProgress<IngestProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private string? _file;

        public void Report(IngestProgress value)
        {
            lock (this)
            {
                if (value.File == _file) return;
                _file = value.File;
                _since.Restart();
            }
        }

        public (string? File, TimeSpan Elapsed) Now()
        {
            lock (this) return (_file, _since.Elapsed);
        }
    }
}
