using System.Text;
using System.Text.Json;
using Analytics.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// Files of many blocks (a block is 2,048 rows, validated on every core and registered in file
/// order), and files larger than the partition buffer (written as several Parquet parts).
/// </summary>
public class LargeFileTests
{
    private const string Header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n";

    private static string Row(string id, DateOnly day, int positions) =>
        $"{id},{day:yyyy-MM-dd},110105,E1,2-02-01-01,{positions},5000\n";

    [Fact]
    public void A_key_repeated_blocks_apart_keeps_its_first_row_and_rejects_the_later_ones_by_line()
    {
        using var sandbox = new IngestSandbox();
        var csv = new StringBuilder(Header);
        var day = new DateOnly(2026, 9, 1);
        for (var i = 1; i <= 10_000; i++)
        {
            // Data row i is on line i + 1. Rows 3000 and 9000 repeat the key of row 5, with other positions.
            var id = i is 3000 or 9000 ? "P5" : $"P{i}";
            csv.Append(Row(id, day.AddDays(i % 60), i is 3000 or 9000 ? 99 : 1 + i % 7));
        }
        sandbox.Drop("vacancies", "big.csv", csv.ToString());

        var result = sandbox.PassOne();

        result.Status.ShouldBe(FileStatus.Loaded);
        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((10_000L, 9_998L, 2L));
        sandbox.RejectLines(result).ShouldBe(["3001,posting_id,duplicate key,P5", "9001,posting_id,duplicate key,P5"]);
        sandbox.Scalar("SELECT positions FROM vacancies WHERE posting_id = 'P5'").ShouldBe(1 + 5 % 7);
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(9_998L);
        sandbox.Scalar("SELECT sum(positions) FROM vacancies")
            .ShouldBe((decimal)Enumerable.Range(1, 10_000).Where(i => i is not (3000 or 9000)).Sum(i => 1 + i % 7));
    }

    [Fact]
    public void Repeats_are_still_found_when_the_first_block_misjudges_the_file_and_the_key_set_must_grow()
    {
        using var sandbox = new IngestSandbox();
        var csv = new StringBuilder(Header);
        var day = new DateOnly(2026, 9, 1);
        // Long first rows make the file look like ~15,000 rows; it has 62,049, the last repeating the first key.
        for (var i = 0; i < 2_048; i++) csv.Append($"P{i},2026-09-01,110105,E{new string('x', 200)},2-02-01-01,1,5000\n");
        for (var i = 2_048; i < 62_048; i++) csv.Append(Row($"P{i}", day, 2));
        csv.Append(Row("P0", day, 3));
        sandbox.Drop("vacancies", "lopsided.csv", csv.ToString());

        var result = sandbox.PassOne();

        (result.RowsLoaded, result.RowsRejected).ShouldBe((62_048L, 1L));
        sandbox.RejectLines(result).ShouldBe(["62050,posting_id,duplicate key,P0"]);
        sandbox.Scalar("SELECT positions FROM vacancies WHERE posting_id = 'P0'").ShouldBe(1);
    }

    [Fact]
    public void A_file_larger_than_the_partition_buffer_lands_in_several_parts_per_month_with_every_row_once()
    {
        using var sandbox = new IngestSandbox { BufferedRows = 5_000, RowsPerFile = 4_000 };
        var csv = new StringBuilder(Header);
        var start = new DateOnly(2026, 5, 1);
        for (var i = 0; i < 24_000; i++) csv.Append(Row($"P{i}", start.AddDays(i % 120), 1 + i % 5)); // 200 rows a day, 1 May to 28 August
        sandbox.Drop("vacancies", "spring.csv", csv.ToString());

        var result = sandbox.PassOne();

        result.RowsLoaded.ShouldBe(24_000L);
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(24_000L);
        sandbox.Scalar("SELECT count(DISTINCT posting_id) FROM vacancies").ShouldBe(24_000L);
        sandbox.Scalar("SELECT sum(positions) FROM vacancies").ShouldBe((decimal)Enumerable.Range(0, 24_000).Sum(i => 1 + i % 5));
        var lake = Path.Combine(sandbox.Root, "lake", "vacancies");
        foreach (var (month, days) in new[] { ("05", 31), ("06", 30), ("07", 31), ("08", 28) })
        {
            var parts = Directory.GetFiles(Path.Combine(lake, "year=2026", $"month={month}"), "*.parquet").Select(Path.GetFileName).Order().ToList();
            parts.Count.ShouldBeGreaterThan(1, $"month {month}: {days * 200} rows, at most 4,000 a file");
            parts.ShouldAllBe(name => name!.StartsWith("b1_0_"));
            sandbox.Scalar($"SELECT count(*) FROM read_parquet('{lake}/year=2026/month={month}/*.parquet')").ShouldBe(days * 200L);
        }
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(sandbox.Root, "lake", "_manifest", "00000001.json")));
        manifest.RootElement.GetProperty("added").EnumerateArray().Sum(f => f.GetProperty("rows").GetInt64()).ShouldBe(24_000L);
        manifest.RootElement.GetProperty("sizes")[0].GetInt64().ShouldBe(new FileInfo(Path.Combine(sandbox.Root, "archive", "1", "vacancies", "spring.csv")).Length);
    }

    [Fact]
    public void Files_of_equal_size_are_hashed_before_reading_so_a_copy_is_skipped_and_a_different_one_is_not()
    {
        using var sandbox = new IngestSandbox();
        var a = Header + Row("P1", new DateOnly(2026, 9, 1), 1);
        var b = Header + Row("P2", new DateOnly(2026, 9, 1), 2); // same length, other content
        sandbox.Drop("vacancies", "a.csv", a);
        sandbox.Drop("vacancies", "b.csv", b);
        sandbox.Drop("vacancies", "c.csv", a);

        var files = sandbox.Pass().Files.ToDictionary(f => f.File, f => f.Status);

        files.ShouldBe(new Dictionary<string, string>
        {
            ["vacancies/a.csv"] = FileStatus.Loaded,
            ["vacancies/b.csv"] = FileStatus.Loaded,
            ["vacancies/c.csv"] = FileStatus.Skipped,
        });
        sandbox.Query("SELECT posting_id FROM vacancies ORDER BY 1").Select(r => r[0]).ShouldBe(["P1", "P2"]);

        // A later delivery of the same bytes under a new name: same size as an ingested file, so hashed first, and skipped.
        sandbox.Drop("vacancies", "d.csv", b);
        sandbox.PassOne().Status.ShouldBe(FileStatus.Skipped);
    }
}
