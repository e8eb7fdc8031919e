using System.Diagnostics;
using System.Text.Json;
using Analytics.Ingest.Lake;
using Analytics.Tests.Ingest;
using Parquet;
using Parquet.Schema;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reliability;

/// <summary>
/// <c>analytics lake verify</c> (the real process) reads the lake with Parquet.Net, a second engine
/// beside DuckDB, and checks it against the manifests: a good lake passes; a truncated, a missing
/// and an orphan file are each named, with exit 1.
/// </summary>
public class LakeVerifyTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string Vacancies = """
        posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min,wage_max
        P1,2026-08-03,110105,E1,2-02-01-01,1,0.01,8000.10
        P2,2026-09-01,110105,E1,2-02-01-01,2,1234.56,999999999999.99
        P3,2026-09-15,110105,E2,2-02-01-01,3,,
        """;

    // A later delivery correcting P2: its September file is rewritten, the old one left for the catalog to delete.
    private const string Correction = """
        posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min,wage_max
        P2,2026-09-01,110105,E1,2-02-01-01,2,1300.00,1400.00
        """;

    private const string Jobseekers = """
        seeker_id,registered_on,region_code,occupation_code,expected_wage
        110105199001011232,2026-09-01,110105,2-02-01-01,7000.50
        110105198803051231,2026-07-02,110105,2-02-01-01,
        """;

    private static IngestSandbox GoodLake()
    {
        var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Vacancies);
        sandbox.Drop("jobseekers", "a.csv", Jobseekers);
        sandbox.Pass().AnyFailed.ShouldBeFalse();
        sandbox.Drop("vacancies", "b.csv", Correction);
        sandbox.Pass().AnyFailed.ShouldBeFalse();
        return sandbox;
    }

    private static Task<AnalyticsProcess.Outcome> VerifyAsync(string data, params string[] more) =>
        AnalyticsProcess.RunAsync(Limit, _ => { }, ["lake", "verify", "--data", data, .. more]);

    [Fact]
    public async Task A_good_lake_passes_with_a_replaced_file_still_awaiting_deletion()
    {
        using var sandbox = GoodLake();
        var state = LakeState.Load(new Analytics.Ingest.DataPaths(sandbox.Root));
        var replaced = state.Batches.SelectMany(b => b.Removed).ShouldHaveSingleItem();
        File.Exists(Path.Combine(sandbox.Root, "lake", replaced.Path)).ShouldBeTrue("the replaced file is deleted one catalog sync later");

        var text = await VerifyAsync(sandbox.Root);
        var json = await VerifyAsync(sandbox.Root, "--json");

        text.ExitCode.ShouldBe(0, text.Output + text.Error);
        text.Output.ShouldBeEmpty();
        text.Error.ShouldContain($"lake is clean: {state.LiveFiles("vacancies").Count + state.LiveFiles("jobseekers").Count} files, 5 rows read with Parquet.Net");
        json.ExitCode.ShouldBe(0);
        JsonDocument.Parse(json.Output).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_truncated_a_missing_and_an_orphan_file_are_each_named_and_exit_1()
    {
        using var sandbox = GoodLake();
        var state = LakeState.Load(new Analytics.Ingest.DataPaths(sandbox.Root));
        var (truncated, missing) = (state.LiveFiles("vacancies")[0].Path, state.LiveFiles("jobseekers")[0].Path);
        var orphan = "vacancies/year=2026/month=09/copied.parquet";
        Truncate(Lake(sandbox, truncated), 100);
        File.Copy(Lake(sandbox, state.LiveFiles("jobseekers")[1].Path), Lake(sandbox, orphan));
        File.Delete(Lake(sandbox, missing));

        var text = await VerifyAsync(sandbox.Root);
        var json = await VerifyAsync(sandbox.Root, "--json");

        text.ExitCode.ShouldBe(1, text.Error);
        var lines = text.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3, text.Output);
        lines.ShouldContain(l => l.StartsWith($"damaged  lake/{truncated}  the footer cannot be read"));
        lines.ShouldContain(l => l.StartsWith($"missing  lake/{missing}  "));
        lines.ShouldContain(l => l.StartsWith($"orphan   lake/{orphan}  "));
        json.ExitCode.ShouldBe(1);
        JsonDocument.Parse(json.Output).RootElement.EnumerateArray()
            .Select(p => (p.GetProperty("file").GetString()!, p.GetProperty("problem").GetString()!))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)
            .ShouldBe(new[] { ($"lake/{truncated}", "damaged"), ($"lake/{missing}", "missing"), ($"lake/{orphan}", "orphan") }
                .OrderBy(p => p.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wrong_row_count_a_damaged_row_group_and_a_file_of_another_dataset_are_named()
    {
        using var sandbox = GoodLake();
        var paths = new Analytics.Ingest.DataPaths(sandbox.Root);
        var state = LakeState.Load(paths);
        var september = state.LiveFiles("vacancies").First(f => f.Path.Contains("month=09"));
        var august = state.LiveFiles("vacancies").Single(f => f.Path.Contains("month=08"));
        var seekers = state.LiveFiles("jobseekers")[0];
        // The manifest of the batch that added the September file now claims one row more.
        var manifestPath = Path.Combine(paths.Manifests, BatchManifest.FileName(state.Batches.Last(b => b.Added.Contains(september)).BatchId));
        var manifest = BatchManifest.Read(manifestPath);
        (manifest with { Added = manifest.Added.Select(f => f == september ? f with { Rows = f.Rows + 1 } : f).ToList() }).WriteTo(manifestPath);
        // A jobseekers file where an August vacancies file should be.
        File.Copy(Lake(sandbox, seekers.Path), Lake(sandbox, august.Path), overwrite: true);
        // The jobseekers file's column pages scrambled, its footer intact.
        Scramble(Lake(sandbox, seekers.Path));

        var result = await LakeVerifier.VerifyAsync(paths);

        result.Problems.Select(p => (p.File, p.Problem)).OrderBy(p => p.File, StringComparer.Ordinal).ShouldBe(new[]
        {
            ($"lake/{seekers.Path}", LakeProblem.Damaged),
            ($"lake/{september.Path}", LakeProblem.Rows),
            ($"lake/{august.Path}", LakeProblem.Schema),
        }.OrderBy(p => p.Item1, StringComparer.Ordinal));
        result.Problems.Single(p => p.Problem == LakeProblem.Rows).Detail.ShouldBe($"{september.Rows} rows; its manifest entry says {september.Rows + 1}");
        result.Problems.Single(p => p.Problem == LakeProblem.Schema).Detail.ShouldContain("column posting_id is missing");
    }

    [Fact]
    public async Task Parquet_Net_reads_the_money_the_lake_wrote_exactly_from_format_version_1_files()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Vacancies);
        sandbox.Pass().AnyFailed.ShouldBeFalse();

        var wages = new List<(string Id, decimal? Min, decimal? Max)>();
        foreach (var file in LakeColumns.Files(sandbox.Root, "vacancies"))
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            reader.Metadata!.Version.ShouldBe(1); // PARQUET_VERSION V1, pinned in ingest/Lake/Sql.cs
            var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
            var money = fields["wage_min"].ShouldBeOfType<DecimalDataField>();
            (money.Precision, money.Scale).ShouldBe((14, 2));
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var group = reader.OpenRowGroupReader(g);
                var ids = new string?[group.RowCount];
                var (min, max) = (new decimal?[group.RowCount], new decimal?[group.RowCount]);
                await group.ReadAsync(fields["posting_id"], ids.AsMemory()!, null);
                await group.ReadAsync(fields["wage_min"], min.AsMemory(), null);
                await group.ReadAsync(fields["wage_max"], max.AsMemory(), null);
                for (var i = 0; i < ids.Length; i++) wages.Add((ids[i]!, min[i], max[i]));
            }
        }

        wages.OrderBy(w => w.Id, StringComparer.Ordinal).ShouldBe(new (string, decimal?, decimal?)[]
        {
            ("P1", 0.01m, 8000.10m),
            ("P2", 1234.56m, 999_999_999_999.99m),
            ("P3", null, null),
        });
    }

    [Fact]
    public async Task Bad_arguments_exit_2_and_a_folder_without_a_lake_exits_1()
    {
        (await AnalyticsProcess.RunAsync(Limit, _ => { }, "lake", "verify", "--frobnicate")).ExitCode.ShouldBe(2);
        (await AnalyticsProcess.RunAsync(Limit, _ => { }, "lake")).ExitCode.ShouldBe(2);
        using var empty = new IngestSandbox();
        var none = await VerifyAsync(empty.Root);
        none.ExitCode.ShouldBe(1);
        none.Error.ShouldContain("there is no lake at");
    }

    private static string Lake(IngestSandbox sandbox, string lakePath) => Path.Combine(sandbox.Root, "lake", lakePath);

    private static void Truncate(string path, int bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length - bytes);
    }

    /// <summary>Overwrites the bytes after the leading magic with a fixed pattern, up to the footer, which stays readable.</summary>
    private static void Scramble(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        for (var i = 4; i < bytes.Length - 8 - footerLength; i++) bytes[i] = (byte)(0xA5 ^ i);
        File.WriteAllBytes(path, bytes);
    }
}
