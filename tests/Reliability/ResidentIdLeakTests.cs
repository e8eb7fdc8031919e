using System.Text.Json;
using Analytics.Ingest.Validation;
using Analytics.Tests.Ingest;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reliability;

/// <summary>
/// Resident ids where no person-id column expects them: shifted into another column, typed into a
/// wage or code, used as an employer or posting id, inside free text, in a file's name. None
/// reaches the lake, the rejects, the manifest, the JSON summary or the process's output raw.
/// </summary>
public class ResidentIdLeakTests
{
    private const string Id = "110105199001011232";      // valid check digit
    private const string IdX = "11010519900307005X";     // valid, X check character
    private const string BadCheck = "440306198511234567"; // right shape, wrong check digit (it is 6)

    private static readonly string[] Raw = [Id, IdX, IdX.ToLowerInvariant(), BadCheck];

    private static void ShouldHoldNoRawId(string where, string text)
    {
        foreach (var id in Raw) text.ShouldNotContain(id, Case.Insensitive, $"{where} shows the raw id {id}");
    }

    [Theory]
    [InlineData(Id, "1101************32")]
    [InlineData("id:11010519900307005x.csv", "id:1101************5x.csv")]
    [InlineData("a110105199001011232b110105199001011232", "a1101************32b1101************32")]
    [InlineData("1101051990010112321", "1101051990010112321")] // 19 digits: an account number, not an id
    [InlineData("11010519900101123", "11010519900101123")]     // 17 digits
    [InlineData("11010519900101123Y", "11010519900101123Y")]
    public void Id_shaped_runs_are_masked_wherever_they_sit_in_a_text(string text, string shown) =>
        ResidentIdText.Mask(text).ShouldBe(shown);

    [Fact]
    public void A_rejects_line_masks_an_id_whichever_column_it_landed_in()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "v.csv",
            "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min,wage_max,channel\n"
            + "P1,2026-09-01,110105,E1,2-02-01-01,3,8000,9000,online\n"
            + $"P2,2026-09-01,{Id},2-02-01-01,3,8000,9000,online\n"    // a missing comma: the id shifts into region_code
            + $"P3,2026-09-01,110105,E1,2-02-01-01,3,8000,{IdX},online\n" // the id typed into the wage column
            + $"P4,2026-09-01,110105,E1,{BadCheck},3,8000,9000,online\n"  // and into the occupation code
            + $"P5,2026-09-01,110105,E1,2-02-01-01,3,8000,9000,身份证{IdX.ToLowerInvariant()}\n"); // and into a text-like enum column
        var result = sandbox.PassOne();

        result.RowsRejected.ShouldBe(4);
        var rejects = File.ReadAllText(Path.Combine(sandbox.Root, result.Rejects!));
        ShouldHoldNoRawId("rejects", rejects);
        var lines = sandbox.RejectLines(result);
        lines.ShouldContain(l => l.StartsWith("3,region_code,") && l.EndsWith(",1101************32"));
        lines.ShouldContain(l => l.StartsWith("4,wage_max,") && l.EndsWith(",1101************5X"));
        lines.ShouldContain(l => l.StartsWith("5,occupation_code,") && l.EndsWith(",4403************67"));
        lines.ShouldContain(l => l.StartsWith("6,channel,") && l.EndsWith(",身份证1101************5x"));
    }

    [Fact]
    public void An_id_as_employer_or_posting_id_is_hashed_like_a_person_id_and_free_text_masks_it()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("employment", "e.csv",
            "person_id,employed_on,region_code,employer_id,occupation_code,employment_type\n"
            + $"{IdX},2026-09-01,110105,{Id},2-02-01-01,employee\n");
        sandbox.Drop("vacancies", "v.csv",
            "posting_id,registered_on,region_code,employer_id,occupation_code,positions\n"
            + $"{BadCheck},2026-09-01,110105,{IdX.ToLowerInvariant()},2-02-01-01,3\n");
        sandbox.Drop("dispatch_projects", "p.csv",
            "project_id,project_name,agency_id,agency_name,client_id,client_name,region_code,start_on,fee_model,fee_rate,tax_method\n"
            + $"PR1,{Id}的仓储外包,A1,人力公司,{Id},{Id},110105,2026-01-01,per_head,300,differential_5\n");
        var pass = sandbox.Pass();
        pass.Files.ShouldAllBe(f => f.RowsLoaded == 1, string.Join("; ", pass.Files.Select(f => $"{f.File} {f.Error} {f.Rejects}")));

        var person = sandbox.Query("SELECT person_id, employer_id FROM employment").Single();
        var vacancy = sandbox.Query("SELECT posting_id, employer_id FROM vacancies").Single();
        var project = sandbox.Query("SELECT project_name, client_id, client_name FROM dispatch_projects").Single();
        ((string)person[1]!).ShouldMatch("^[0-9a-f]{32}$", "employer_id holding an id is hashed");
        ((string)vacancy[0]!).ShouldMatch("^[0-9a-f]{32}$", "posting_id holding an id (check digit wrong or not) is hashed");
        vacancy[1].ShouldBe(person[0], "the same id hashes alike as employer and as person (x or X), so joins still work");
        ((string)project[1]!).ShouldMatch("^[0-9a-f]{32}$", "client_id and client_name hold the same id: the id column hashes it…");
        project[2].ShouldBe("1101************32", "…a name masks it");
        project[0].ShouldBe("1101************32的仓储外包", "…and so does any free text around it");

        using var memory = DuckDbDataSource.InMemory();
        using var connection = memory.OpenConnection();
        foreach (var file in Directory.GetFiles(Path.Combine(sandbox.Root, "lake"), "*.parquet", SearchOption.AllDirectories))
            foreach (var row in CatalogSnapshot.Rows(connection, "SELECT * FROM read_parquet(?)", file))
                ShouldHoldNoRawId(file, row);
    }

    [Fact]
    public async Task A_file_named_after_a_person_shows_the_name_masked_in_the_summary_manifest_rejects_and_output()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", $"{Id}.csv",
            "posting_id,registered_on,region_code,employer_id,occupation_code,positions\n"
            + "P1,2026-09-01,110105,E1,2-02-01-01,3\n"
            + "P2,2026-09-01,1101,E1,2-02-01-01,3\n");
        sandbox.Drop("vacancies", $"{IdX}.xlsx", "not a workbook"u8.ToArray()); // fails as a whole: its error quotes no raw id either
        var (code, output, error) = await AnalyticsProcess.RunCapturedAsync(TimeSpan.FromMinutes(3), "ingest", "--json", "--data", sandbox.Root);

        code.ShouldBe(1, "the broken workbook failed: " + error);
        ShouldHoldNoRawId("stdout", output);
        ShouldHoldNoRawId("stderr", error);
        var files = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        files.Keys.Order().ShouldBe(["vacancies/1101************32.csv", "vacancies/1101************5X.xlsx"]);
        files["vacancies/1101************32.csv"].GetProperty("rejects").GetString().ShouldBe("rejects/1/vacancies/1101************32.csv.rejects.csv");
        files["vacancies/1101************5X.xlsx"].GetProperty("status").GetString().ShouldBe("failed");

        foreach (var manifest in Directory.GetFiles(Path.Combine(sandbox.Root, "lake", "_manifest")))
            ShouldHoldNoRawId(manifest, File.ReadAllText(manifest));
        foreach (var path in Directory.GetFileSystemEntries(sandbox.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sandbox.Root, path);
            if (relative.StartsWith("inbox") || relative.StartsWith("archive")) continue; // the deliveries as they came
            ShouldHoldNoRawId("a file name", relative);
        }
        sandbox.Query("SELECT file FROM ingest_files ORDER BY file").Select(r => (string)r[0]!)
            .ShouldBe(["vacancies/1101************32.csv", "vacancies/1101************5X.xlsx"]);
        File.Exists(Path.Combine(sandbox.Root, "archive", "1", "vacancies", $"{Id}.csv")).ShouldBeTrue("the loaded file was still archived by its real name");
        File.Exists(Path.Combine(sandbox.Root, "inbox", "vacancies", $"{IdX}.xlsx")).ShouldBeTrue("the failed file stays in the inbox");
    }

    [Fact]
    public void After_a_crash_past_the_commit_the_file_named_after_a_person_is_still_archived()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", $"{Id}.csv", "posting_id,registered_on,region_code,employer_id,occupation_code,positions\nP1,2026-09-01,110105,E1,2-02-01-01,3\n");
        sandbox.FaultPoint = point => { if (point == "after-commit") throw new IOException("simulated crash"); };
        Should.Throw<IOException>(() => sandbox.Pass());
        File.Exists(Path.Combine(sandbox.Root, "inbox", "vacancies", $"{Id}.csv")).ShouldBeTrue("the crash came before archiving");

        sandbox.FaultPoint = null;
        sandbox.Pass().Files.ShouldBeEmpty("recovery archived the committed file, so the inbox is empty");
        File.Exists(Path.Combine(sandbox.Root, "archive", "1", "vacancies", $"{Id}.csv")).ShouldBeTrue();
        Convert.ToInt64(sandbox.Scalar("SELECT count(*) FROM vacancies")).ShouldBe(1L);
    }

    [Fact]
    public void Two_names_alike_once_masked_keep_their_own_rejects_files()
    {
        using var sandbox = new IngestSandbox();
        const string header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions\n";
        sandbox.Drop("vacancies", "110105199001011232.csv", header + "P1,2026-09-01,1101,E1,2-02-01-01,3\n");
        sandbox.Drop("vacancies", "110105198801011232.csv", header + "P2,2026-09-01,1102,E1,2-02-01-01,3\n");
        var files = sandbox.Pass().Files;

        files.Select(f => f.File).ShouldBe(["vacancies/1101************32.csv", "vacancies/1101************32.csv"]);
        files[0].Rejects.ShouldNotBe(files[1].Rejects);
        sandbox.RejectLines(files[0]).ShouldHaveSingleItem().ShouldEndWith(",1102", customMessage: "1988 sorts first");
        sandbox.RejectLines(files[1]).ShouldHaveSingleItem().ShouldEndWith(",1101");
    }
}
