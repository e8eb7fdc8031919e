using Analytics.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>Corrections, re-deliveries, crashes and concurrent readers against the real lake and catalog.</summary>
public class LakeTests
{
    private const string Header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n";

    private static string Rows(params (string Id, string Date, int Positions)[] rows) =>
        Header + string.Concat(rows.Select(r => $"{r.Id},{r.Date},110105,E1,2-02-01-01,{r.Positions},5000\n"));

    private static string[] LakeFiles(IngestSandbox sandbox, string dataset) =>
        Directory.Exists(Path.Combine(sandbox.Root, "lake", dataset))
            ? Directory.GetFiles(Path.Combine(sandbox.Root, "lake", dataset), "*.parquet", SearchOption.AllDirectories)
            : [];

    [Fact]
    public void A_correction_in_a_second_pass_replaces_the_row_and_the_lake_keeps_one_version()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "2026-09-01.csv", Rows(("P1", "2026-09-01", 1), ("P2", "2026-09-02", 2), ("P3", "2026-08-30", 3)));
        sandbox.Pass().BatchId.ShouldBe(1L);

        // P2 corrected, and moved to another month by its corrected date.
        sandbox.Drop("vacancies", "2026-09-02.csv", Rows(("P2", "2026-10-02", 20)));
        sandbox.Pass().BatchId.ShouldBe(2L);

        sandbox.Query("SELECT posting_id, registered_on, positions FROM vacancies ORDER BY posting_id").ShouldBe([
            ["P1", new DateOnly(2026, 9, 1), 1], ["P2", new DateOnly(2026, 10, 2), 20], ["P3", new DateOnly(2026, 8, 30), 3]]);
        sandbox.Scalar($"SELECT count(*) FROM read_parquet('{sandbox.Root}/lake/vacancies/**/*.parquet') WHERE posting_id = 'P2'")
            .ShouldBe(2L, "the replaced file is deleted one catalog sync later");
        sandbox.Pass(); // an empty pass syncs the catalog and deletes the file no view refers to any more
        sandbox.Scalar($"SELECT count(*) FROM read_parquet('{sandbox.Root}/lake/vacancies/**/*.parquet')").ShouldBe(3L);
        LakeFiles(sandbox, "vacancies").Select(f => Path.GetRelativePath(Path.Combine(sandbox.Root, "lake", "vacancies"), f)).Order()
            .ShouldBe(["year=2026/month=08/b1_0_0.parquet", "year=2026/month=09/b2_r0.parquet", "year=2026/month=10/b2_0_0.parquet"]);
    }

    [Fact]
    public void Nulls_of_one_appended_chunk_do_not_leak_into_the_next()
    {
        using var sandbox = new IngestSandbox();
        var csv = new System.Text.StringBuilder(Header);
        for (var i = 0; i < 10_000; i++) csv.Append($"P{i},2026-09-01,110105,E1,2-02-01-01,1,{(i < 2048 || i % 3 == 0 ? "" : "5000")}\n");
        sandbox.Drop("vacancies", "many.csv", csv.ToString());

        sandbox.PassOne().RowsLoaded.ShouldBe(10_000L);

        var expectedNulls = Enumerable.Range(0, 10_000).Count(i => i < 2048 || i % 3 == 0);
        sandbox.Scalar("SELECT count(*) FROM vacancies WHERE wage_min IS NULL").ShouldBe((long)expectedNulls);
        sandbox.Scalar("SELECT sum(wage_min) FROM vacancies").ShouldBe(5000m * (10_000 - expectedNulls));
    }

    [Fact]
    public void Within_one_pass_the_later_file_name_wins()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "b.csv", Rows(("P1", "2026-09-01", 2)));
        sandbox.Drop("vacancies", "a.csv", Rows(("P1", "2026-09-01", 1), ("P9", "2026-09-01", 9)));

        var result = sandbox.Pass();

        result.Files.Select(f => f.File).ShouldBe(["vacancies/a.csv", "vacancies/b.csv"]);
        sandbox.Query("SELECT posting_id, positions FROM vacancies ORDER BY 1").ShouldBe([["P1", 2], ["P9", 9]]);
    }

    [Fact]
    public void A_redelivered_file_is_skipped_and_changes_nothing()
    {
        using var sandbox = new IngestSandbox();
        var content = Rows(("P1", "2026-09-01", 1));
        sandbox.Drop("vacancies", "a.csv", content);
        sandbox.Pass();
        var before = LakeFiles(sandbox, "vacancies");

        var path = sandbox.Drop("vacancies", "a-again.csv", content);
        var again = sandbox.PassOne();

        again.Status.ShouldBe(FileStatus.Skipped);
        (again.RowsIn, again.RowsLoaded, again.Rejects).ShouldBe((0L, 0L, null));
        File.Exists(path).ShouldBeFalse("a skipped file was processed: it leaves the inbox");
        LakeFiles(sandbox, "vacancies").ShouldBe(before);
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(1L);
        sandbox.Scalar("SELECT status FROM ingest_files WHERE batch_id = 2").ShouldBe("skipped");
    }

    [Theory]
    [InlineData("before-commit")]
    [InlineData("after-commit")]
    public void A_crash_during_commit_leaves_the_lake_as_it_was_and_the_next_run_completes(string point)
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Rows(("P1", "2026-09-01", 1)));
        sandbox.Pass();
        sandbox.Drop("vacancies", "b.csv", Rows(("P1", "2026-09-01", 5), ("P2", "2026-09-01", 2)) + "P3,bad-date,110105,E1,2-02-01-01,1,1\n");
        var lakeBefore = LakeFiles(sandbox, "vacancies");

        sandbox.FaultPoint = p => { if (p == point) throw new IOException("simulated crash at " + p); };
        Should.Throw<IOException>(() => sandbox.Pass());
        sandbox.FaultPoint = null;

        // Whatever the crash point, readers of the catalog still see the state before the batch.
        sandbox.Query("SELECT posting_id, positions FROM vacancies").ShouldBe([["P1", 1]]);
        if (point == "before-commit")
        {
            LakeFiles(sandbox, "vacancies").ShouldBe(lakeBefore);
            File.Exists(Path.Combine(sandbox.Root, "inbox/vacancies/b.csv")).ShouldBeTrue();
        }

        var rerun = sandbox.Pass();

        sandbox.Query("SELECT posting_id, positions FROM vacancies ORDER BY 1").ShouldBe([["P1", 5], ["P2", 2]]);
        File.Exists(Path.Combine(sandbox.Root, "inbox/vacancies/b.csv")).ShouldBeFalse();
        File.Exists(Path.Combine(sandbox.Root, "archive/2/vacancies/b.csv")).ShouldBeTrue();
        File.ReadAllLines(Path.Combine(sandbox.Root, "rejects/2/vacancies/b.csv.rejects.csv")).Length.ShouldBe(2);
        Directory.GetDirectories(Path.Combine(sandbox.Root, "staging")).ShouldBeEmpty();
        sandbox.Scalar("SELECT count(*) FROM ingest_batches").ShouldBe(2L);
        if (point == "before-commit") rerun.BatchId.ShouldBe(2L);
        else rerun.Files.ShouldBeEmpty("the committed batch was completed by recovery, nothing was left to read");
    }

    [Fact]
    public async Task A_query_running_while_a_batch_commits_sees_all_of_it_or_none()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Rows(Enumerable.Range(0, 50).Select(i => ($"A{i}", "2026-07-01", 1)).ToArray()));
        sandbox.Pass();
        for (var f = 0; f < 6; f++)
            sandbox.Drop("vacancies", $"b{f}.csv", Rows(Enumerable.Range(0, 100).Select(i => ($"B{f}-{i}", $"2026-{1 + f:D2}-15", 1)).ToArray()));

        var seen = new System.Collections.Concurrent.ConcurrentBag<long>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested) seen.Add((long)sandbox.Scalar("SELECT count(*) FROM vacancies")!);
        });
        (await sandbox.Runner().RunPassAsync()).BatchId.ShouldBe(2L);
        var deadline = DateTime.UtcNow.AddSeconds(10); // a loaded machine may schedule the reader late
        while (!seen.Contains(650L) && DateTime.UtcNow < deadline) await Task.Delay(10);
        stop.Cancel();
        await reader;

        seen.ShouldNotBeEmpty();
        seen.Distinct().Order().ToArray().ShouldBeSubsetOf(new long[] { 50, 650 });
        seen.ShouldContain(650L);
    }

    [Fact]
    public void Person_ids_never_reach_the_lake_the_catalog_or_the_rejects_raw()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("employment", "e.csv",
            "person_id,employed_on,region_code,occupation_code,employment_type\n" +
            $"{RuleTests.ValidId},2026-09-01,110105,2-02-01-01,employee\n" +
            $"{RuleTests.ValidId},2026-09-01,110105,2-02-01-01,employee\n" +
            "110105199001011233,2026-09-01,110105,2-02-01-01,employee\n");

        var result = sandbox.PassOne();

        result.RowsLoaded.ShouldBe(1L);
        var hashed = (string)sandbox.Scalar("SELECT person_id FROM employment")!;
        hashed.ShouldMatch("^[0-9a-f]{32}$");
        sandbox.Scalar("SELECT full_time FROM employment").ShouldBe(true);
        var rejects = string.Join("\n", sandbox.RejectLines(result));
        rejects.ShouldContain($"3,person_id+employed_on,duplicate key,{hashed}|2026-09-01");
        rejects.ShouldContain("4,person_id,resident id check digit (ISO 7064 MOD 11-2),1101************33");
        foreach (var file in Directory.GetFiles(sandbox.Root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("archive")))
            File.ReadAllText(file).ShouldNotContain("11010519900101123", customMessage: file);
    }

    [Fact]
    public void Codes_missing_from_reference_data_are_loaded_and_flagged()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("regions", "r.csv", "区划代码,区划名称\n110000,北京市\n110100,市辖区\n110105,朝阳区\n");
        sandbox.Drop("occupations", "o.csv", "职业代码,职业名称\n2-02-01-01,软件工程技术人员\n");
        sandbox.Drop("vacancies", "v.csv", Header + "P1,2026-09-01,110105,E1,2-02-01-01,1,\nP2,2026-09-01,999999,E1,9-99-99-99,1,\n");

        sandbox.Pass();

        sandbox.Query("SELECT region_code, parent_code FROM regions ORDER BY 1").ShouldBe([["110000", null], ["110100", "110000"], ["110105", "110100"]]);
        sandbox.Query("SELECT dataset, row_key, column_name, code FROM data_quality ORDER BY column_name")
            .ShouldBe([["vacancies", "P2", "occupation_code", "9-99-99-99"], ["vacancies", "P2", "region_code", "999999"]]);
    }

    [Fact]
    public void Every_view_has_the_contract_columns_even_before_any_data()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Pass();
        var columns = sandbox.Query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'dispatch_projects' ORDER BY ordinal_position");
        columns.Select(c => $"{c[0]} {c[1]}").ShouldBe([
            "project_id VARCHAR", "project_name VARCHAR", "agency_id VARCHAR", "agency_name VARCHAR", "client_id VARCHAR", "client_name VARCHAR",
            "client_industry VARCHAR", "client_total_workforce INTEGER", "region_code VARCHAR", "start_on DATE", "end_on DATE", "fee_model VARCHAR",
            "fee_rate DECIMAL(12,4)", "tax_method VARCHAR", "target_margin_pct DECIMAL(9,4)", "budget_monthly_revenue DECIMAL(14,2)", "budget_monthly_cost DECIMAL(14,2)"]);
        sandbox.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('ingest_batches', 'ingest_files')").ShouldBe(2L);
    }
}
