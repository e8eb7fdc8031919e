using System.Security.Cryptography;
using System.Text;
using Analytics.Ingest;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Ingest;

/// <summary>
/// Files copied into the inbox while passes run: a file is taken only once it has settled, and
/// exactly the bytes that were read are archived; names that mark a file as incomplete or hidden are never taken.
/// Alone, because passes of one process run one at a time: a pass of another test would hold this one back until the copy is over.
/// </summary>
[Collection(SerialCollection.Name)]
public class InboxSettleTests(ITestOutputHelper output)
{
    private const string Header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions\n";

    [Fact]
    public async Task A_csv_written_slowly_while_passes_run_is_loaded_whole_once_it_has_settled()
    {
        using var sandbox = new IngestSandbox { SettleSeconds = 1 };
        var content = SlowCsv.Content(60_000);
        var path = Path.Combine(sandbox.Root, "inbox", "vacancies", "big.csv");
        var writer = SlowCsv.WriteAsync(path, content, chunks: 60, pause: TimeSpan.FromMilliseconds(100));

        var results = new List<FileResult>();
        var passes = 0;
        while (!(writer.IsCompleted && results.Any(r => r.Status == FileStatus.Loaded)))
        {
            results.AddRange((await sandbox.Runner().RunPassAsync()).Files);
            passes++;
            (passes < 200).ShouldBeTrue("the file was never loaded");
        }
        await writer;
        output.WriteLine($"{passes} passes: {results.Count(r => r.Status == FileStatus.Waiting)} waiting, then loaded");

        results.ShouldNotContain(r => r.Status == FileStatus.Failed);
        results.Count(r => r.Status == FileStatus.Loaded).ShouldBe(1, "one load, of the whole file");
        results.ShouldContain(r => r.Status == FileStatus.Waiting, "at least one pass saw the copy under way");
        var loaded = results.Single(r => r.Status == FileStatus.Loaded);
        (loaded.RowsIn, loaded.RowsLoaded, loaded.RowsRejected).ShouldBe((60_000L, 60_000L, 0L));
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(60_000L);
        File.Exists(path).ShouldBeFalse();
        var archived = Directory.GetFiles(Path.Combine(sandbox.Root, "archive"), "big.csv", SearchOption.AllDirectories).ShouldHaveSingleItem();
        SHA256.HashData(File.ReadAllBytes(archived)).ShouldBe(SHA256.HashData(content), "the archive holds exactly the delivered file");
    }

    [Fact]
    public void A_file_changed_after_it_settled_is_left_for_the_next_pass_with_nothing_of_it_loaded()
    {
        using var sandbox = new IngestSandbox();
        var path = sandbox.Drop("vacancies", "a.csv", SlowCsv.Content(3_000));
        // The copy resumes after the pass has read the file, before the batch is merged.
        var resumed = false;
        sandbox.FaultPoint = point =>
        {
            if (point != "before-merge" || resumed) return;
            resumed = true;
            File.AppendAllText(path, "P-late,2026-09-01,110105,E1,2-02-01-01,1\n");
        };

        var first = sandbox.PassOne();

        first.Status.ShouldBe(FileStatus.Waiting);
        first.Error!.ShouldContain("changed while");
        File.Exists(path).ShouldBeTrue();
        Directory.Exists(Path.Combine(sandbox.Root, "archive")).ShouldBeFalse();
        Directory.Exists(Path.Combine(sandbox.Root, "rejects", "1")).ShouldBeFalse();
        var second = sandbox.PassOne();
        (second.Status, second.RowsLoaded).ShouldBe((FileStatus.Loaded, 3_001L));
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(3_001L);
    }

    [Fact]
    public void A_file_rewritten_between_its_read_and_its_archiving_stays_in_the_inbox_and_the_next_pass_takes_the_new_content()
    {
        using var sandbox = new IngestSandbox();
        var path = sandbox.Drop("vacancies", "a.csv", Header + "P1,2026-09-01,110105,E1,2-02-01-01,1\n");
        var rewritten = Header + "P1,2026-09-01,110105,E1,2-02-01-01,7\n";
        // Same length, time put back: only the content tells the bytes in the inbox from the bytes read.
        var done = false;
        sandbox.FaultPoint = point =>
        {
            if (point != "after-commit" || done) return;
            done = true;
            var time = File.GetLastWriteTimeUtc(path);
            File.WriteAllText(path, rewritten);
            File.SetLastWriteTimeUtc(path, time);
        };

        sandbox.PassOne().Status.ShouldBe(FileStatus.Loaded);

        File.ReadAllText(path).ShouldBe(rewritten, "bytes that were not read are not archived");
        Directory.Exists(Path.Combine(sandbox.Root, "archive")).ShouldBeFalse();
        sandbox.PassOne().Status.ShouldBe(FileStatus.Loaded);
        sandbox.Query("SELECT posting_id, positions FROM vacancies").ShouldBe([["P1", 7]]);
        File.ReadAllText(Path.Combine(sandbox.Root, "archive", "2", "vacancies", "a.csv")).ShouldBe(rewritten);
    }

    [Fact]
    public void Partial_temporary_and_hidden_files_and_hidden_folders_are_never_taken()
    {
        using var sandbox = new IngestSandbox();
        var untouched = new[] { "a.csv.part", "a.csv.TMP", ".a.csv", "~$a.xlsx", ".sync/b.csv" }
            .Select(name => sandbox.Drop("vacancies", name, Header + "P9,2026-09-01,110105,E1,2-02-01-01,1\n"))
            .ToList();
        sandbox.Drop("vacancies", "c.csv", Header + "P1,2026-09-01,110105,E1,2-02-01-01,1\n");

        var result = sandbox.Pass();

        result.Files.Select(f => f.File).ShouldBe(["vacancies/c.csv"]);
        foreach (var file in untouched) File.Exists(file).ShouldBeTrue(file);
        sandbox.Query("SELECT posting_id FROM vacancies").ShouldBe([["P1"]]);
    }
}

/// <summary>A vacancies CSV of many rows, and a writer that delivers it in pieces the way a slow network copy does.</summary>
public static class SlowCsv
{
    public static byte[] Content(int rows)
    {
        var text = new StringBuilder("posting_id,registered_on,region_code,employer_id,occupation_code,positions\n");
        for (var i = 0; i < rows; i++) text.Append("P").Append(i).Append(",2026-09-01,110105,E1,2-02-01-01,1\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Writes <paramref name="content"/> in <paramref name="chunks"/> flushed pieces with a pause after each.</summary>
    public static Task WriteAsync(string path, byte[] content, int chunks, TimeSpan pause) => Task.Run(async () =>
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var size = (content.Length + chunks - 1) / chunks;
        for (var offset = 0; offset < content.Length; offset += size)
        {
            await stream.WriteAsync(content.AsMemory(offset, Math.Min(size, content.Length - offset)));
            await stream.FlushAsync();
            await Task.Delay(pause);
        }
    });
}
