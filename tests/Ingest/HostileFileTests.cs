using Microsoft.Extensions.DependencyInjection;
using System.Text;
using Analytics.Ingest;
using Analytics.Ingest.Reading;
using Microsoft.Extensions.Configuration;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// Small files that claim or hold too much: every limit of <see cref="ReadLimits"/> gives a clear
/// error or a rejected row naming its configuration key, and nothing is sized by what a file claims.
/// The memory these files take in the real process is measured in Reliability.HostileFileMemoryTests.
/// </summary>
public class HostileFileTests
{
    private const string CostsHeader = "month,project_id,category,amount,cost_id";

    private static IngestPassResult Pass(IngestSandbox sandbox, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        return sandbox.Runner().RunPassAsync(cancellation: cancel.Token).GetAwaiter().GetResult();
    }

    [Fact]
    public void A_sheet_whose_dimension_claims_every_cell_of_excel_loads_its_real_rows()
    {
        using var sandbox = new IngestSandbox();
        // The whole grid claimed, plus the empty formatted cells far out that make such claims true for a naive reader.
        HostileWorkbook.Write(Path.Combine(sandbox.Root, "inbox", "dispatch_costs", "lying.xlsx"), w =>
        {
            w.Write("<dimension ref=\"A1:XFD1048576\"/><sheetData>");
            w.Write(HostileWorkbook.Row(1, CostsHeader.Split(',')).Replace("</row>", "<c r=\"XFD1\" s=\"0\"/></row>"));
            w.Write(HostileWorkbook.Row(2, "2026-09", "PR1", "other", "120.50", "K1"));
            w.Write(HostileWorkbook.Row(3, "2026-09", "PR1", "other", "80", "K2"));
            w.Write("<row r=\"1048576\"><c r=\"XFD1048576\" s=\"0\"/></row></sheetData>");
        });
        new FileInfo(Path.Combine(sandbox.Root, "inbox", "dispatch_costs", "lying.xlsx")).Length.ShouldBeLessThan(2_000);

        // Generous: the old reader walked 1,048,576 rows of 16,384 columns, minutes; the pass is cancelled long before that.
        var result = Pass(sandbox, TimeSpan.FromSeconds(60)).Files.ShouldHaveSingleItem();

        result.Status.ShouldBe(FileStatus.Loaded);
        (result.RowsIn, result.RowsLoaded).ShouldBe((2L, 2L));
        sandbox.Query("SELECT cost_id, amount FROM dispatch_costs ORDER BY cost_id").ShouldBe([["K1", 120.50m], ["K2", 80.00m]]);
    }

    [Fact]
    public void A_shared_string_table_over_its_limit_fails_the_file_naming_the_limit()
    {
        using var sandbox = new IngestSandbox { Limits = ReadLimits.Default with { MaxSharedStringChars = 1_000 } };
        HostileWorkbook.Write(Path.Combine(sandbox.Root, "inbox", "dispatch_costs", "many.xlsx"),
            w => w.Write("<sheetData>" + HostileWorkbook.Row(1, CostsHeader.Split(',')) + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row></sheetData>"),
            w => { for (var i = 0; i < 200; i++) w.Write($"<si><t>string {i:D4}</t></si>"); });

        var result = sandbox.PassOne();

        result.Status.ShouldBe(FileStatus.Failed);
        result.Error.ShouldBe("the shared-string table holds more than 1,000 characters (Ingest:MaxSharedStringChars)");
    }

    [Fact]
    public void A_sheet_over_its_cell_limit_fails_and_a_value_beyond_the_column_limit_rejects_its_row()
    {
        using var sandbox = new IngestSandbox { Limits = ReadLimits.Default with { MaxCellsPerSheet = 100, MaxColumns = 10 } };
        HostileWorkbook.Write(Path.Combine(sandbox.Root, "inbox", "dispatch_costs", "wide.xlsx"), w => w.Write("<sheetData>"
            + HostileWorkbook.Row(1, CostsHeader.Split(','))
            + HostileWorkbook.Row(2, "2026-09", "PR1", "other", "1", "K1").Replace("</row>", "<c r=\"Z2\" t=\"inlineStr\"><is><t>far</t></is></c></row>")
            + HostileWorkbook.Row(3, "2026-09", "PR1", "other", "2", "K2") + "</sheetData>"));
        var rows = string.Concat(Enumerable.Range(2, 30).Select(r => HostileWorkbook.Row(r, "2026-09", "PR1", "other", "1", $"K{r}")));
        HostileWorkbook.Write(Path.Combine(sandbox.Root, "inbox", "dispatch_costs", "long.xlsx"),
            w => w.Write("<sheetData>" + HostileWorkbook.Row(1, CostsHeader.Split(',')) + rows + "</sheetData>"));

        var pass = sandbox.Pass();

        var wide = pass.Files.Single(f => f.File.EndsWith("wide.xlsx"));
        (wide.Status, wide.RowsLoaded, wide.RowsRejected).ShouldBe((FileStatus.Loaded, 1L, 1L));
        sandbox.RejectLines(wide).ShouldBe(["2,,more than 10 columns (Ingest:MaxColumns),a value in column 26"]);
        var tall = pass.Files.Single(f => f.File.EndsWith("long.xlsx"));
        tall.Status.ShouldBe(FileStatus.Failed);
        tall.Error.ShouldBe("the sheet holds more than 100 cells (Ingest:MaxCellsPerSheet)");
    }

    [Fact]
    public void Csv_rows_over_a_limit_are_rejected_with_the_limit_and_the_rows_after_them_load_on_their_own_lines()
    {
        using var sandbox = new IngestSandbox { Limits = ReadLimits.Default with { MaxColumns = 10, MaxFieldChars = 50, MaxRowBytes = 1_000 } };
        var csv = new StringBuilder(CostsHeader + "\n");
        csv.Append("2026-09,PR1,other,1.00,K1\n");                                        // line 2
        csv.Append($"2026-09,PR1,{new string('长', 51)},1.00,K2\n");                      // line 3: a field of 51 characters
        csv.Append("2026-09,PR1,other,1.00,K3" + new string(',', 20) + "\n");            // line 4: 25 columns
        csv.Append($"2026-09,PR1,\"{new string('x', 600)}\n{new string('y', 600)}\",1,K4\n"); // lines 5-6: 1,200 bytes, a quoted line break inside
        csv.Append("2026-09,PR1,other,2.00,K5\n");                                        // line 7
        sandbox.Drop("dispatch_costs", "c.csv", csv.ToString());

        var result = sandbox.PassOne();

        (result.Status, result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((FileStatus.Loaded, 5L, 2L, 3L));
        sandbox.RejectLines(result).ShouldBe([
            "3,category,field longer than 50 characters (Ingest:MaxFieldChars),51 characters",
            "4,,more than 10 columns (Ingest:MaxColumns),25 columns",
            "5,,\"row longer than 1,000 bytes (Ingest:MaxRowBytes)\",",
        ]);
        sandbox.Query("SELECT cost_id FROM dispatch_costs ORDER BY cost_id").ShouldBe([["K1"], ["K5"]]);
    }

    [Fact]
    public void A_csv_header_wider_than_the_column_limit_fails_the_file()
    {
        using var sandbox = new IngestSandbox { Limits = ReadLimits.Default with { MaxColumns = 10 } };
        sandbox.Drop("dispatch_costs", "wide.csv", CostsHeader + string.Concat(Enumerable.Range(0, 20).Select(i => $",extra{i}")) + "\n2026-09,PR1,other,1.00,K1\n");

        var result = sandbox.PassOne();

        result.Status.ShouldBe(FileStatus.Failed);
        result.Error.ShouldBe("header row: more than 10 columns (Ingest:MaxColumns) (25 columns)");
    }

    [Fact]
    public void Json_lines_over_a_limit_are_rejected_and_are_never_held_whole()
    {
        using var sandbox = new IngestSandbox { Limits = ReadLimits.Default with { MaxFieldChars = 50, MaxRowBytes = 1_000 } };
        static string Line(string id, string category) => $"{{\"month\":\"2026-09\",\"project_id\":\"PR1\",\"category\":\"{category}\",\"amount\":1.5,\"cost_id\":\"{id}\"}}\n";
        sandbox.Drop("dispatch_costs", "c.jsonl", Line("K1", "other") + Line("K2", new string('x', 51)) + Line("K3", new string('y', 5_000)) + Line("K4", "other"));

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((4L, 2L, 2L));
        sandbox.RejectLines(result).ShouldBe([
            "2,category,field longer than 50 characters (Ingest:MaxFieldChars),51 characters",
            "3,,\"row longer than 1,000 bytes (Ingest:MaxRowBytes)\",",
        ]);
    }

    [Fact]
    public void A_rejects_file_stops_at_its_limit_and_says_how_many_were_left_out_while_rows_rejected_counts_all()
    {
        using var sandbox = new IngestSandbox();
        var path = Path.Combine(sandbox.Root, "inbox", "dispatch_costs", "bad.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = new StreamWriter(path))
        {
            writer.Write(CostsHeader + "\n");
            for (var i = 0; i < 1_200_000; i++) writer.Write($"2026-13,PR1,other,1.00,K{i}\n"); // month 13
        }

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((1_200_000L, 0L, 1_200_000L));
        var lines = sandbox.RejectLines(result);
        lines.Length.ShouldBe(10_001);
        lines[0].ShouldStartWith("2,month,");
        lines[9_999].ShouldStartWith("10001,month,");
        lines[^1].ShouldBe(",,\"not written: rejects files stop at 10,000 lines (Ingest:MaxRejectsPerFile)\",1190000 more");
        new FileInfo(Path.Combine(sandbox.Root, result.Rejects!)).Length.ShouldBeLessThan(1_000_000);
    }

    [Fact]
    public void An_unchanged_failed_file_is_not_read_again_until_it_changes_or_a_retry_is_asked_for()
    {
        using var sandbox = new IngestSandbox();
        var path = sandbox.Drop("dispatch_costs", "broken.csv", "month,project_id\n2026-09,PR1\n"); // required columns missing
        var first = sandbox.PassOne();
        first.Status.ShouldBe(FileStatus.Failed);
        first.UnchangedSinceFailure.ShouldBeFalse();

        // ext4 with relatime: a read moves an access time older than the file's change time, so it shows every read.
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastAccessTimeUtc(path, longAgo);
        var second = sandbox.PassOne();

        second.Status.ShouldBe(FileStatus.Failed);
        second.UnchangedSinceFailure.ShouldBeTrue();
        second.Error.ShouldBe(first.Error + " (unchanged since it failed, not read again: change the file or run `analytics ingest --retry-failed`)");
        File.GetLastAccessTimeUtc(path).ShouldBe(longAgo);
        sandbox.PassOne().Error.ShouldBe(second.Error); // said once, however many passes

        var retried = sandbox.Runner().RunPassAsync(retryFailed: true).GetAwaiter().GetResult().Files.ShouldHaveSingleItem();
        retried.UnchangedSinceFailure.ShouldBeFalse();
        retried.Error.ShouldBe(first.Error);
        File.GetLastAccessTimeUtc(path).ShouldBeGreaterThan(longAgo);

        File.SetLastAccessTimeUtc(path, longAgo);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)); // touched: read again
        var touched = sandbox.PassOne();
        touched.UnchangedSinceFailure.ShouldBeFalse();
        File.GetLastAccessTimeUtc(path).ShouldBeGreaterThan(longAgo);
        sandbox.PassOne().UnchangedSinceFailure.ShouldBeTrue(); // and remembered with its new time
    }

    [Fact]
    public async Task The_ingest_verb_reports_an_unchanged_failed_file_unread_and_reads_it_again_with_retry_failed()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("dispatch_costs", "broken.csv", "month,project_id\n2026-09,PR1\n");
        async Task<string> Ingest(params string[] extra)
        {
            var output = new StringWriter();
            (await Analytics.Dashboards.Cli.AnalyticsCommandLine.RunAsync(["ingest", "--data", sandbox.Root, .. extra], output, new StringWriter()))
                .ShouldBe(Analytics.Dashboards.Cli.AnalyticsCommandLine.Failed);
            return output.ToString();
        }

        (await Ingest()).ShouldNotContain("not read again");
        (await Ingest()).ShouldContain("not read again");
        (await Ingest("--retry-failed")).ShouldNotContain("not read again");
    }

    [Fact]
    public void The_limits_are_bound_from_the_ingest_section_and_default_to_the_documented_values()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Ingest:MaxColumns"] = "64", ["Ingest:MaxRejectsPerFile"] = "5" })
            .Build();

        // Bound the way every verb binds them (the composition root's AddIngest).
        using var services = new ServiceCollection().AddIngest(configuration, "/data").BuildServiceProvider();
        var options = services.GetRequiredService<IngestOptions>();

        (options.Limits.MaxColumns, options.MaxRejectsPerFile).ShouldBe((64, 5));
        options.Limits.ShouldBe(ReadLimits.Default with { MaxColumns = 64 });
        (ReadLimits.Default.MaxFieldChars, ReadLimits.Default.MaxRowBytes, ReadLimits.Default.MaxSharedStringChars, ReadLimits.Default.MaxCellsPerSheet)
            .ShouldBe((32_767, 4 << 20, 50_000_000L, 50_000_000L));
    }
}
