using System.Text;
using Analytics.Ingest;
using Analytics.Ingest.Reading;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>The readers end to end: encodings, Chinese headers and labels, XLSX, JSON Lines, quoted fields, line numbers.</summary>
public class FormatTests
{
    [Fact]
    public void A_gbk_file_with_chinese_headers_and_labels_loads_with_canonical_values()
    {
        using var sandbox = new IngestSandbox();
        var csv = "求职者编号,登记日期,区划代码,意向职业,性别,出生年份,学历,人员类别,期望工资\r\n" +
                  $"{RuleTests.ValidId},2026-09-01,440305,2-02-01-01,女,1990,中专/中技,应届毕业生,\"¥6,500.00\"\r\n" +
                  "S2,2026/9/2,440305,2-02-01-01,男,1988,本科,失业人员,\r\n" +
                  "S3,2026-09-03,440305,2-02-01-01,未知,1988,本科,失业人员,\r\n";
        var gbk = TextEncodings.Gb18030.GetBytes(csv);
        TextEncodings.IsUtf8(gbk, isWholeFile: true).ShouldBeFalse();
        sandbox.Drop("jobseekers", "深圳.csv", gbk);

        var result = sandbox.PassOne();

        (result.Status, result.RowsLoaded, result.RowsRejected).ShouldBe((FileStatus.Loaded, 2L, 1L));
        sandbox.Query("SELECT gender, education, category, expected_wage FROM jobseekers ORDER BY registered_on")
            .ShouldBe([["F", "vocational", "new_graduate", 6500.00m], ["M", "bachelor", "unemployed", null]]);
        sandbox.RejectLines(result).ShouldBe(["4,gender,enum: M|F,未知"]);
    }

    [Fact]
    public void A_gbk_file_whose_first_64_KiB_are_ascii_is_redone_as_gb18030()
    {
        using var sandbox = new IngestSandbox();
        var csv = new StringBuilder("posting_id,registered_on,region_code,employer_id,occupation_code,positions\n");
        for (var i = 0; i < 3000; i++) csv.Append($"P{i:D5},2026-09-01,110105,EMPLOYER-{i:D8},2-02-01-01,1\n");
        csv.Append("P99999,2026-09-01,110105,北京某某科技有限公司,2-02-01-01,1\n");
        sandbox.Drop("vacancies", "big.csv", TextEncodings.Gb18030.GetBytes(csv.ToString()));

        sandbox.PassOne().RowsLoaded.ShouldBe(3001L);
        sandbox.Scalar("SELECT employer_id FROM vacancies WHERE posting_id = 'P99999'").ShouldBe("北京某某科技有限公司");
    }

    [Fact]
    public void Utf8_with_bom_crlf_and_quoted_fields_with_newlines_keep_physical_line_numbers()
    {
        using var sandbox = new IngestSandbox();
        var csv = "\uFEFFoccupation_code,occupation_name\r\n" +
                  "2-02-01-01,\"软件工程\r\n技术人员\"\r\n" +
                  "2-02-01-02,\"说 \"\"引号\"\", 逗号\"\r\n" +
                  "bad,名称\r\n";
        sandbox.Drop("occupations", "occ.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv[1..])).ToArray());

        var result = sandbox.PassOne();

        result.RowsLoaded.ShouldBe(2L);
        sandbox.Query("SELECT occupation_name FROM occupations ORDER BY occupation_code")
            .ShouldBe([["软件工程\r\n技术人员"], ["说 \"引号\", 逗号"]]);
        sandbox.RejectLines(result).ShouldBe(["5,occupation_code,occupation code: x-xx-xx-xx,bad"]);
        File.ReadAllBytes(Path.Combine(sandbox.Root, result.Rejects!)).Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
    }

    [Fact]
    public void An_xlsx_first_sheet_with_excel_date_cells_loads_and_rejects_by_sheet_row()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("dispatch_invoices", "invoices.xlsx", XlsxFixture.Workbook(
            ["发票编号", "项目编号", "结算月份", "开票日期", "开票金额", "应收日期", "回款日期", "回款金额"],
            ["I1", "PR1", "2026-09", new DateOnly(2026, 10, 5), 13524.5m, new DateOnly(2026, 11, 5), null, null],
            [null, null, null, null, null, null, null, null],
            ["I2", "PR1", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 5), 100, new DateOnly(2026, 10, 1), null, null]));

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((2L, 1L, 1L));
        sandbox.Query("SELECT invoice_id, month, invoiced_on, amount, due_on FROM dispatch_invoices")
            .ShouldBe([["I1", new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 5), 13524.50m, new DateOnly(2026, 11, 5)]]);
        sandbox.RejectLines(result).ShouldBe(["4,due_on,due_on >= invoiced_on,2026-10-01"]);
    }

    [Fact]
    public void Json_lines_load_with_numbers_strings_and_nulls()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("dispatch_costs", "costs.jsonl",
            "{\"month\":\"2026-09\",\"project_id\":\"PR1\",\"category\":\"培训\",\"amount\":-120.5,\"cost_id\":\"K1\",\"note\":\"x\"}\n" +
            "\n" +
            "{\"month\":\"2026-09\",\"project_id\":\"PR1\",\"category\":\"other\",\"amount\":null,\"cost_id\":\"K2\"}\n");

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded).ShouldBe((2L, 1L));
        result.UnknownColumns.ShouldBe(["note"]);
        sandbox.Query("SELECT category, amount, cost_id FROM dispatch_costs").ShouldBe([["training", -120.50m, "K1"]]);
        sandbox.RejectLines(result).ShouldBe(["3,amount,required,"]);
    }

    [Fact]
    public void Empty_corrupt_and_unsupported_files_fail_alone_and_the_good_file_of_the_pass_loads()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a-empty.csv", "");
        sandbox.Drop("vacancies", "b-corrupt.xlsx", "this is not a zip"u8.ToArray());
        sandbox.Drop("vacancies", "c-notes.docx", "x");
        sandbox.Drop("vacancies", "d-good.csv", "posting_id,registered_on,region_code,employer_id,occupation_code,positions\nP1,2026-09-01,110105,E1,2-02-01-01,1\n");

        var result = sandbox.Pass();

        result.Files.Select(f => (f.File, f.Status)).ShouldBe([
            ("vacancies/a-empty.csv", FileStatus.Failed), ("vacancies/b-corrupt.xlsx", FileStatus.Failed),
            ("vacancies/c-notes.docx", FileStatus.Failed), ("vacancies/d-good.csv", FileStatus.Loaded)]);
        result.Files[0].Error!.ShouldContain("empty");
        result.Files[2].Error!.ShouldContain("unsupported file type");
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(1L);
        Directory.GetFiles(Path.Combine(sandbox.Root, "inbox", "vacancies")).Length.ShouldBe(3);
    }

    [Fact]
    public void A_file_missing_a_required_column_fails_whole_and_stays_in_the_inbox()
    {
        using var sandbox = new IngestSandbox();
        var path = sandbox.Drop("vacancies", "broken.csv", "posting_id,registered_on\nP1,2026-09-01\n");

        var result = sandbox.PassOne();

        result.Status.ShouldBe(FileStatus.Failed);
        result.Error!.ShouldContain("missing required column");
        result.Error!.ShouldContain("region_code");
        File.Exists(path).ShouldBeTrue();
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(0L);
        Directory.Exists(Path.Combine(sandbox.Root, "lake", "vacancies")).ShouldBeFalse();

        // The same broken file again is reported, not recorded as a new batch.
        sandbox.Pass().BatchId.ShouldBeNull();
    }
}
