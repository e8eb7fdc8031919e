using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Analytics.Tests.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reliability;

/// <summary>
/// The real <c>analytics ingest</c> against what staff and other programs leave in the inbox: a
/// file still being copied, names that look like paths, and symbolic links pointing elsewhere.
/// </summary>
public class InboxDeliveryTests : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);
    private const string Header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions\n";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "reliability-inbox", Guid.NewGuid().ToString("N"));

    /// <summary>data/ sits two levels down, so whatever a name climbs out to is still inside this test's folder.</summary>
    private string Data => Path.Combine(_root, "w", "data");
    private string Inbox => Path.Combine(Data, "inbox");

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_file_still_being_copied_stays_in_the_inbox_and_is_loaded_whole_by_a_later_run()
    {
        var content = SlowCsv.Content(100_000);
        var path = Path.Combine(Inbox, "vacancies", "big.csv");
        // A 20 s copy, as over a slow share; the first run starts while it is under way.
        var writer = SlowCsv.WriteAsync(path, content, chunks: 100, pause: TimeSpan.FromMilliseconds(200));
        var settle = new Dictionary<string, string> { ["Ingest__SettleSeconds"] = "2" };
        while (!File.Exists(path) || new FileInfo(path).Length == 0) await Task.Delay(50);

        var (exit, output) = await AnalyticsProcess.RunAsync(RunLimit, settle, "ingest", "--json", "--data", Data);

        writer.IsCompleted.ShouldBeFalse("the copy outlasted the run (else this run proves nothing)");
        exit.ShouldBe(0, output);
        var waiting = Files(output).ShouldHaveSingleItem();
        (waiting.GetProperty("file").GetString(), waiting.GetProperty("status").GetString(), waiting.GetProperty("rows_loaded").GetInt64())
            .ShouldBe(("vacancies/big.csv", "waiting", 0L));
        waiting.GetProperty("error").GetString()!.ShouldContain("within 2 s", Case.Sensitive, "Ingest__SettleSeconds reaches the CLI");
        File.Exists(path).ShouldBeTrue();
        Directory.Exists(Path.Combine(Data, "archive")).ShouldBeFalse();

        await writer;
        (exit, output) = await AnalyticsProcess.RunAsync(RunLimit, settle, "ingest", "--json", "--data", Data);

        exit.ShouldBe(0, output);
        var loaded = Files(output).ShouldHaveSingleItem();
        (loaded.GetProperty("status").GetString(), loaded.GetProperty("rows_in").GetInt64(), loaded.GetProperty("rows_loaded").GetInt64())
            .ShouldBe(("loaded", 100_000L, 100_000L));
        File.Exists(path).ShouldBeFalse();
        SHA256.HashData(File.ReadAllBytes(Path.Combine(Data, "archive", "1", "vacancies", "big.csv"))).ShouldBe(SHA256.HashData(content));
    }

    [Fact]
    public async Task Names_stay_literal_and_symbolic_links_are_refused_so_nothing_outside_data_is_written_or_moved()
    {
        var outside = Path.Combine(_root, "outside");
        // A backslash is an ordinary character of a Linux file name; read as a separator, these names climb out of data/.
        const string Climb3 = @"x\..\..\..\ESCAPED.csv", Climb5 = @"x\..\..\..\..\..\ESCAPED.csv";
        Write(Path.Combine(Inbox, "vacancies", Climb3), Header + "P1,2026-09-01,110105,E1,2-02-01-01,1\nP2,bad-date,110105,E1,2-02-01-01,1\n");
        Write(Path.Combine(Inbox, "vacancies", Climb5), Header + "P3,2026-09-01,110105,E1,2-02-01-01,1\nP4,bad-date,110105,E1,2-02-01-01,1\n");
        // What those names would reach: a file outside data/ that must stay where it is.
        Write(Path.Combine(_root, "ESCAPED.csv"), Header + "X1,2026-09-01,110105,E1,2-02-01-01,1\n");
        Write(Path.Combine(Data, "ESCAPED.csv"), "not a delivery\n");
        // Links in the inbox to a file, to a folder inside a dataset folder, and as a whole dataset folder.
        Write(Path.Combine(outside, "target.csv"), Header + "L1,2026-09-01,110105,E1,2-02-01-01,1\n");
        Write(Path.Combine(outside, "folder", "c.csv"), Header + "L2,2026-09-01,110105,E1,2-02-01-01,1\n");
        Write(Path.Combine(outside, "employment", "d.csv"), "not read\n");
        File.CreateSymbolicLink(Path.Combine(Inbox, "vacancies", "linked.csv"), Path.Combine(outside, "target.csv"));
        Directory.CreateSymbolicLink(Path.Combine(Inbox, "vacancies", "folder"), Path.Combine(outside, "folder"));
        Directory.CreateSymbolicLink(Path.Combine(Inbox, "employment"), Path.Combine(outside, "employment"));
        var before = FilesOutsideData();

        var (exit, output) = await AnalyticsProcess.RunAsync(RunLimit, new Dictionary<string, string>(), "ingest", "--json", "--data", Data);

        exit.ShouldBe(1, output);
        var files = Files(output).ToDictionary(f => f.GetProperty("file").GetString()!);
        files.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["employment", "vacancies/folder", "vacancies/linked.csv", "vacancies/" + Climb5, "vacancies/" + Climb3], ignoreOrder: true);
        foreach (var link in new[] { "employment", "vacancies/folder", "vacancies/linked.csv" })
        {
            files[link].GetProperty("status").GetString().ShouldBe("failed", link);
            files[link].GetProperty("error").GetString()!.ShouldContain("symbolic link refused", Case.Sensitive, link);
        }
        foreach (var name in new[] { Climb3, Climb5 })
        {
            var file = files["vacancies/" + name];
            (file.GetProperty("status").GetString(), file.GetProperty("rows_loaded").GetInt64(), file.GetProperty("rows_rejected").GetInt64()).ShouldBe(("loaded", 1L, 1L));
            file.GetProperty("rejects").GetString().ShouldBe($"rejects/1/vacancies/{name}.rejects.csv");
            File.Exists(Path.Combine(Data, "rejects", "1", "vacancies", name + ".rejects.csv")).ShouldBeTrue(name);
            File.Exists(Path.Combine(Data, "archive", "1", "vacancies", name)).ShouldBeTrue(name);
        }
        FilesOutsideData().ShouldBe(before, "nothing outside data/ was written, moved or changed");
        File.Exists(Path.Combine(Data, "ESCAPED.csv")).ShouldBeTrue("a file of data/ outside the inbox is never archived");
        File.Exists(Path.Combine(Inbox, "vacancies", "linked.csv")).ShouldBeTrue("a refused link stays in the inbox");
        Directory.GetFiles(Path.Combine(Data, "rejects", "1"), "*", SearchOption.AllDirectories).Length.ShouldBe(2);

        // The same links again are the same refusal: reported, but no new batch is recorded for them.
        (exit, output) = await AnalyticsProcess.RunAsync(RunLimit, new Dictionary<string, string>(), "ingest", "--json", "--data", Data);
        exit.ShouldBe(1, output);
        Files(output).Count.ShouldBe(3);
        Directory.GetFiles(Path.Combine(Data, "lake", "_manifest"), "*.json").Length.ShouldBe(1);
        FilesOutsideData().ShouldBe(before);
    }

    private static List<JsonElement> Files(string output) => JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }

    /// <summary>Every file of the test's folder but data/ (links not followed), with the hash of its content.</summary>
    private List<string> FilesOutsideData()
    {
        var data = Data + Path.DirectorySeparatorChar;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
        return Directory.EnumerateFiles(_root, "*", options)
            .Where(f => !f.StartsWith(data, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(_root, f) + " " + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal).ToList();
    }
}
