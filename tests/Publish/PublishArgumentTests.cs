using Analytics.Warehouse.DuckDb;
using System.Text.Json;
using Analytics.Dashboards.Cli;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>Exit codes (0 written, 1 the work failed, 2 bad arguments) and what the user is told.</summary>
[Collection(PublishDataCollection.Name)]
public sealed class PublishArgumentTests(PublishData data)
{
    [Theory]
    [InlineData("--period (统计期): Unknown period format '2026Q5'", "rankings", "--period", "2026Q5", "--format", "json")]
    [InlineData("Unknown period format 'Q3-2026'", "rankings", "--period", "Q3-2026", "--format", "json")]
    [InlineData("--month (统计月份): Unknown month format '2026-13'", "indicators", "--month", "2026-13", "--format", "json")]
    [InlineData("--to (截止月份): The month range ends (2026-01) before it starts (2026-06)", "margins", "--from", "2026-06", "--to", "2026-01", "--format", "json")]
    [InlineData("Region code '999999' is not in the reference data", "rankings", "--period", "2026Q3", "--region", "999999", "--format", "json")]
    [InlineData("--region (地区代码): '4403' is not a 6-digit", "wages", "--year", "2026", "--region", "4403", "--format", "json")]
    [InlineData("Region code '999999' is not in the reference data", "indicators", "--month", "2026-09", "--region", "999999", "--format", "json")]
    [InlineData("--top (保留行数): '0' is not allowed: give a whole number of at least 1", "rankings", "--period", "2026Q3", "--top", "0", "--format", "json")]
    [InlineData("--year (年份): '26' is not allowed: give a whole number from 1900 to 9999", "wages", "--year", "26", "--format", "json")]
    [InlineData("--format (文件格式): 'pdf' is not a format", "rankings", "--period", "2026Q3", "--format", "pdf")]
    [InlineData("--kind (榜单类型): 'weird' is not a ranking", "rankings", "--period", "2026Q3", "--kind", "weird", "--format", "json")]
    [InlineData("group must be an occupation group code like 2, 2-02 or 2-02-10", "rankings", "--period", "2026Q3", "--group", "22", "--format", "json")]
    [InlineData("group must be an occupation group code like 2, 2-02 or 2-02-10", "wages", "--year", "2026", "--group", "2-2", "--format", "json")]
    [InlineData("--period", "rankings", "--format", "json")]
    [InlineData("--year", "wages", "--format", "json")]
    [InlineData("--to", "margins", "--from", "2026-01", "--format", "json")]
    [InlineData("--format is required", "rankings", "--period", "2026Q3")]
    [InlineData("--out is required with --format xlsx", "rankings", "--period", "2026Q3", "--format", "xlsx")]
    [InlineData("--out is required with --format html", "wages", "--year", "2026", "--format", "html")]
    public async Task Bad_arguments_exit_2_with_a_message_and_write_nothing(string message, params string[] args)
    {
        var run = await data.PublishAsync(args);
        run.ExitCode.ShouldBe(AnalyticsCommandLine.BadArguments, run.Stderr);
        run.Stderr.ShouldContain(message);
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_group_publishes_exactly_that_groups_rows_into_a_file_named_by_the_filters()
    {
        static IReadOnlyList<string> Codes(string json) =>
            JsonDocument.Parse(json).RootElement.EnumerateArray().Select(r => r.GetProperty("occupation_code").GetString()!).ToList();
        var all = Codes((await data.PublishAsync([.. Products.Rankings, "--format", "json"])).Stdout);
        var group = all.GroupBy(c => c[..1]).OrderByDescending(g => g.Count()).First().Key;
        var expected = all.Where(c => c.StartsWith(group + "-")).ToList();
        expected.Count.ShouldBeInRange(1, all.Count - 1);

        var folder = Path.GetDirectoryName(data.OutputFile("group-check"))!;
        var run = await data.PublishAsync([.. Products.Rankings, "--group", group, "--format", "json", "--out", folder]);
        run.ExitCode.ShouldBe(AnalyticsCommandLine.Ok, run.Stderr);
        Codes(File.ReadAllText(Path.Combine(folder, $"最缺工职业排行_2026Q3_第{group}大类.json"))).ShouldBe(expected);

        var wages = await data.PublishAsync([.. Products.Wages, "--group", group, "--format", "json"]);
        wages.ExitCode.ShouldBe(AnalyticsCommandLine.Ok, wages.Stderr);
        Codes(wages.Stdout).ShouldAllBe(code => code.StartsWith(group + "-"));
    }

    [Fact]
    public async Task Publish_without_a_product_is_a_bad_argument()
    {
        var run = await data.PublishAsync("--format", "json");
        run.ExitCode.ShouldBe(AnalyticsCommandLine.BadArguments);
    }

    [Fact]
    public async Task Without_a_catalog_it_fails_with_exit_1_and_says_run_ingest_first()
    {
        var empty = Directory.CreateTempSubdirectory("publish-empty-").FullName;
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await AnalyticsCommandLine.RunAsync(["publish", .. Products.Rankings, "--format", "json", "--data", empty], output, error);
            code.ShouldBe(AnalyticsCommandLine.Failed);
            error.ToString().ShouldContain("run ingest first");
            File.Exists(Path.Combine(empty, "warehouse.duckdb")).ShouldBeFalse("publishing must not create an empty catalog");
        }
        finally { Directory.Delete(empty, recursive: true); }
    }

    [Fact]
    public async Task A_catalog_without_a_lake_fails_with_exit_1_and_says_run_ingest_first()
    {
        // publish reads the lake's manifests, not warehouse.duckdb: a catalog file alone publishes nothing.
        var bare = Directory.CreateTempSubdirectory("publish-bare-").FullName;
        try
        {
            using (var db = DuckDbDataSource.File(Path.Combine(bare, "warehouse.duckdb")))
                db.ExecuteNonQuery("CREATE TABLE ingest_batches (batch_id BIGINT)");
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await AnalyticsCommandLine.RunAsync(["publish", .. Products.Rankings, "--format", "json", "--data", bare], output, error);
            code.ShouldBe(AnalyticsCommandLine.Failed, error.ToString());
            error.ToString().ShouldContain("has no committed batch yet: run ingest first");
            output.ToString().ShouldBeEmpty();
        }
        finally { Directory.Delete(bare, recursive: true); }
    }

    [Fact]
    public async Task An_unwritable_out_fails_with_exit_1()
    {
        var blocker = data.OutputFile("a-file");
        File.WriteAllText(blocker, "not a folder");
        var run = await data.PublishAsync([.. Products.Rankings, "--format", "csv", "--out", Path.Combine(blocker, "ranking.csv")]);
        run.ExitCode.ShouldBe(AnalyticsCommandLine.Failed);
        run.Stderr.ShouldContain("publish failed: cannot write");
    }

    [Fact]
    public async Task An_empty_ranking_is_explained_on_stderr_and_still_written_as_a_valid_file()
    {
        var path = data.OutputFile("empty-ranking.json");
        var run = await data.PublishAsync("rankings", "--period", "2024Q1", "--format", "json", "--out", path);
        run.ExitCode.ShouldBe(AnalyticsCommandLine.Ok, run.Stderr);
        run.Stderr.ShouldContain("no occupation meets the thresholds in 2024Q1 (全部地区): the shortage list needs demand > supply and demand ≥ 10");
        JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.GetArrayLength().ShouldBe(0);

        var surplus = await data.PublishAsync("rankings", "--period", "2024Q1", "--kind", "surplus", "--format", "csv");
        surplus.ExitCode.ShouldBe(AnalyticsCommandLine.Ok);
        surplus.Stderr.ShouldContain("the surplus list needs supply > demand and supply ≥ 10");
        surplus.Stdout.ShouldBe("\uFEFFrank,occupation_code,occupation_name,demand,supply,gap,ratio,previous_rank,rank_change,typical_cities\r\n");
    }

    [Fact]
    public async Task Empty_wages_and_an_agency_without_projects_are_explained_too()
    {
        var wages = await data.PublishAsync("wages", "--year", "2020", "--format", "json");
        wages.ExitCode.ShouldBe(AnalyticsCommandLine.Ok);
        wages.Stderr.ShouldContain("no full-time employment with a monthly wage was registered in 2020 (全部地区)");
        wages.Stdout.Trim().ShouldBe("[]");

        var margins = await data.PublishAsync([.. Products.Margins, "--agency", "NO-SUCH-AGENCY", "--format", "json"]);
        margins.ExitCode.ShouldBe(AnalyticsCommandLine.Ok);
        margins.Stderr.ShouldContain("agency 'NO-SUCH-AGENCY' has no projects in dispatch_projects");
        margins.Stdout.Trim().ShouldBe("[]");
    }
}
