using System.Text;
using System.Text.Json;
using Analytics.Dashboards.Cli;
using Analytics.Tests.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// <c>publish wage-payment</c> as the spec's command-line row has it, over the worked example's lake:
/// the three kinds in every format, field names as metrics.md §6, exit codes 0/1/2, and no worker
/// in any output.
/// </summary>
public sealed class WagePaymentPublishTests : IClassFixture<WagePaymentPublishTests.Lake>
{
    public sealed class Lake : IDisposable
    {
        public WageLake Files { get; } = WagePaymentFixtures.WorkedExample();
        public void Dispose() => Files.Dispose();
    }

    private readonly WageLake _lake;

    public WagePaymentPublishTests(Lake lake) => _lake = lake.Files;

    private async Task<CliRun> Publish(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AnalyticsCommandLine.RunAsync(["publish", "wage-payment", .. args, "--data", _lake.Root], output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static JsonElement[] Json(CliRun run)
    {
        run.ExitCode.ShouldBe(AnalyticsCommandLine.Ok, run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToArray();
    }

    [Fact]
    public async Task The_arrears_ranking_is_the_worked_example()
    {
        var rows = Json(await Publish("--kind", "arrears", "--as-of", "2026-05-20", "--region", "420100", "--format", "json"));
        rows.Select(r => r.EnumerateObject().Select(p => p.Name).ToArray()).First().ShouldBe([
            "rank", "project_id", "project_name", "region_code", "sector", "contractor_name",
            "arrears_total", "arrears_workers_total", "arrears_months", "oldest_due_on", "days_overdue"]);
        rows.Select(r => (r.GetProperty("project_id").GetString(), r.GetProperty("arrears_total").GetDecimal(), r.GetProperty("days_overdue").GetInt32()))
            .ShouldBe([("GC-003", 15_000.00m, 35), ("GC-001", 2_300.00m, 5)]);
        Json(await Publish("--kind", "arrears", "--as-of", "2026-05-20", "--top", "1", "--format", "json")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Project_rows_of_a_month_carry_the_alerts_and_field_names_of_the_spec()
    {
        var rows = Json(await Publish("--month", "2026-04", "--as-of", "2026-05-15", "--region", "420102", "--format", "json"));
        var gc001 = rows.ShouldHaveSingleItem();
        gc001.EnumerateObject().Select(p => p.Name).ShouldBe([
            "project_id", "project_name", "region_code", "sector", "contractor_name", "month", "due_on", "workers_on_roster",
            "workers_attended", "workers_paid", "wage_due", "wage_paid", "arrears", "arrears_workers", "late_payments",
            "paid_via_account_pct", "unsigned_rows", "attended_not_paid", "paid_not_on_roster", "no_contract_workers", "no_bank_card",
            "labour_cost_transferred", "labour_cost_expected", "alerts"]);
        // d = 2026-05-15, the pay date: 18,900.00 paid, nothing in arrears, 82.5 % through the special account
        (gc001.GetProperty("wage_paid").GetDecimal(), gc001.GetProperty("arrears").GetDecimal(), gc001.GetProperty("paid_via_account_pct").GetDecimal())
            .ShouldBe((18_900.00m, 0.00m, 82.5m));
        gc001.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()).ShouldBe(
            ["paid_not_on_roster", "no_contract", "not_via_special_account", "labour_cost_not_transferred", "no_notice_board"]);
    }

    [Fact]
    public async Task The_roll_up_as_csv_has_the_scope_its_child_regions_and_sectors()
    {
        var run = await Publish("--kind", "rollup", "--month", "2026-04", "--as-of", "2026-05-20", "--region", "420100", "--format", "csv");
        run.ExitCode.ShouldBe(AnalyticsCommandLine.Ok, run.Stderr);
        var lines = run.Stdout.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        lines[0].ShouldStartWith("level,region_code,sector,projects,projects_not_reporting,projects_wage_arrears,projects_late_pay,");
        lines[0].ShouldEndWith(",arrears,arrears_workers,arrears_outstanding,arrears_workers_outstanding");
        lines.Skip(1).Select(l => string.Join(",", l.Split(',').Take(5))).ShouldBe([
            "scope,420100,,3,1", "region,420102,,1,0", "region,420104,,0,1", "region,420106,,1,0", "region,420111,,1,0",
            "sector,,housing,1,1", "sector,,transport,1,0", "sector,,water,1,0"]);
        lines[1].ShouldEndWith(",11300,3,17300,3");   // arrears 2,300 + 9,000; outstanding 2,300 + 15,000
    }

    [Theory]
    [InlineData("projects")]
    [InlineData("rollup")]
    [InlineData("arrears")]
    public async Task Every_format_is_written_and_none_carries_a_worker(string kind)
    {
        var folder = Directory.CreateTempSubdirectory("wage-publish-").FullName;
        try
        {
            var month = kind == "arrears" ? Array.Empty<string>() : ["--month", "2026-04"];
            foreach (var format in new[] { "csv", "xlsx", "json", "html", "arrow", "parquet" })
            {
                var run = await Publish(["--kind", kind, .. month, "--as-of", "2026-05-20", "--format", format, "--out", folder]);
                run.ExitCode.ShouldBe(AnalyticsCommandLine.Ok, $"{format}: {run.Stderr}");
            }
            var files = Directory.GetFiles(folder);
            files.Select(Path.GetExtension).Order().ShouldBe([".arrow", ".csv", ".html", ".json", ".parquet", ".xlsx"]);
            // No stored hash, nor its first 8 characters (the drill-down's worker_key), in any text output.
            var hashes = _lake.Query("SELECT worker_id FROM site_payroll UNION SELECT worker_id FROM site_roster UNION SELECT worker_id FROM site_attendance")
                .Select(r => (string)r[0]!).ToList();
            hashes.Count.ShouldBe(11);   // w1–w6, y1–y3, x1–x2
            foreach (var file in files.Where(f => f.EndsWith(".csv") || f.EndsWith(".json") || f.EndsWith(".html")))
            {
                var text = File.ReadAllText(file, Encoding.UTF8);
                foreach (var hash in hashes) text.ShouldNotContain(hash[..8], customMessage: Path.GetFileName(file));
                text.ShouldNotContain("worker_key");
            }
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Theory]
    [InlineData("--month is required with --kind projects", "--as-of", "2026-05-20", "--format", "json")]
    [InlineData("--month is required with --kind rollup", "--kind", "rollup", "--format", "json")]
    [InlineData("--top only applies to --kind arrears", "--month", "2026-04", "--top", "5", "--format", "json")]
    [InlineData("--month does not apply to --kind arrears", "--kind", "arrears", "--month", "2026-04", "--format", "json")]
    [InlineData("--top must be at least 1", "--kind", "arrears", "--top", "0", "--format", "json")]
    [InlineData("Unknown day format '2026/5/20'", "--kind", "arrears", "--as-of", "2026/5/20", "--format", "json")]
    [InlineData("Unknown month format '2026-13'", "--month", "2026-13", "--format", "json")]
    [InlineData("Region code '999999' is not in the reference data", "--kind", "arrears", "--region", "999999", "--format", "json")]
    [InlineData("'weird'", "--kind", "weird", "--format", "json")]
    public async Task Bad_arguments_exit_2_with_a_message(string message, params string[] args)
    {
        var run = await Publish(args);
        run.ExitCode.ShouldBe(AnalyticsCommandLine.BadArguments, run.Stderr);
        run.Stderr.ShouldContain(message);
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_a_lake_it_fails_with_exit_1()
    {
        var empty = Directory.CreateTempSubdirectory("wage-empty-").FullName;
        try
        {
            var (output, error) = (new StringWriter(), new StringWriter());
            var code = await AnalyticsCommandLine.RunAsync(["publish", "wage-payment", "--kind", "arrears", "--format", "json", "--data", empty], output, error);
            code.ShouldBe(AnalyticsCommandLine.Failed);
            error.ToString().ShouldContain("run ingest first");
        }
        finally { Directory.Delete(empty, recursive: true); }
    }
}
