using System.Text;
using Analytics.Dashboards.Api;
using Analytics.Dashboards.Data;
using Analytics.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// Values are loaded as written or rejected with a reason, never silently changed or dropped: numbers with
/// odd separators, a column given twice, CR-only line ends, a shared string that points nowhere, NUL and BOM
/// inside values, dates far in the future (and what they would do to the default period).
/// </summary>
public class ValueIntegrityTests
{
    private const string Header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions";

    [Fact]
    public void Thousands_separators_must_come_in_groups_of_three_and_12_34_is_not_a_number()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "wages.csv",
            Header + ",wage_min\n" +
            "P1,2026-09-01,110105,E1,2-02-01-01,1,\"1,234.5\"\n" +
            "P2,2026-09-01,110105,E1,2-02-01-01,1,\"12,34\"\n" +
            "P3,2026-09-01,110105,E1,2-02-01-01,1,\"1,2345\"\n" +
            "P4,2026-09-01,110105,E1,2-02-01-01,1,\"1,234,567\"\n" +
            "P5,2026-09-01,110105,E1,2-02-01-01,1,\"1234,567\"\n" +
            "P6,2026-09-01,110105,E1,2-02-01-01,1,\"1,234.\"\n");

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((6L, 3L, 3L));
        sandbox.Query("SELECT posting_id, wage_min FROM vacancies ORDER BY posting_id")
            .ShouldBe([["P1", 1234.50m], ["P4", 1234567.00m], ["P6", 1234.00m]]);
        sandbox.RejectLines(result).ShouldBe([
            "3,wage_min,not a number,\"12,34\"",
            "4,wage_min,not a number,\"1,2345\"",
            "6,wage_min,not a number,\"1234,567\"",
        ]);
    }

    [Theory]
    [InlineData("posting_id", "岗位编号")]
    [InlineData("region_code", "region_code")]
    [InlineData("Region_Code", "行政区划代码")]
    public void A_column_given_twice_fails_the_file_naming_both_headers(string first, string second)
    {
        using var sandbox = new IngestSandbox();
        var header = Header.Replace(first.ToLowerInvariant(), first) + "," + second;
        var path = sandbox.Drop("vacancies", "twice.csv", header + "\nP1,2026-09-01,110105,E1,2-02-01-01,1,X\n");

        var result = sandbox.PassOne();

        result.Status.ShouldBe(FileStatus.Failed);
        var index = Header.Split(',').ToList().IndexOf(first.ToLowerInvariant()) + 1;
        result.Error.ShouldBe($"column {first.ToLowerInvariant()} is given twice: '{first}' (column {index}) and '{second}' (column 7)");
        File.Exists(path).ShouldBeTrue();
    }

    [Fact]
    public void A_column_given_twice_in_a_workbook_fails_it_too()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "twice.xlsx", XlsxFixture.Workbook(
            ["posting_id", "registered_on", "region_code", "employer_id", "occupation_code", "positions", "招聘人数"],
            ["P1", "2026-09-01", "110105", "E1", "2-02-01-01", 1, 2]));

        var result = sandbox.PassOne();

        (result.Status, result.Error).ShouldBe((FileStatus.Failed, "column positions is given twice: 'positions' (column 6) and '招聘人数' (column 7)"));
    }

    [Theory]
    [InlineData("\r", "\r", "\r", "\r", "\r", "\r")]          // an old Mac export: CR only
    [InlineData("\n", "\r", "\r\n", "\n", "\r", "")]          // mixed, the last line without an end
    public void Cr_only_line_ends_end_records_and_count_as_lines(string e1, string e2, string e3, string e4, string e5, string e6)
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "mac.csv",
            Header + e1 +
            "P1,2026-09-01,110105,E1,2-02-01-01,1" + e2 +
            "P2,2026-09-01,110105,\"E\r2\",2-02-01-01,1" + e3 +   // a CR inside quotes is a value's line break
            "P3,2026-09-01,110105,E3,2-02-01-01,0" + e4 +
            "P4,2026-09-01,110105,E4,2-02-01-01,1" + e5 +
            "P5,2026-09-01,110105,E5,2-02-01-01,1" + e6);

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((5L, 4L, 1L));
        sandbox.RejectLines(result).ShouldBe(["5,positions,range 1..100000,0"]);
        sandbox.Query("SELECT posting_id, employer_id FROM vacancies ORDER BY posting_id")
            .ShouldBe([["P1", "E1"], ["P2", "E\r2"], ["P4", "E4"], ["P5", "E5"]]);
    }

    [Fact]
    public void A_shared_string_index_that_points_nowhere_rejects_its_row_and_is_never_loaded_as_a_value()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "sst.xlsx", XlsxFixture.Workbook(
            ["posting_id", "registered_on", "region_code", "employer_id", "occupation_code", "positions"],
            ["P1", "2026-09-01", "110105", new XlsxFixture.SharedString(0), "2-02-01-01", 1],
            ["P2", "2026-09-01", "110105", new XlsxFixture.SharedString(99999), "2-02-01-01", 1],
            ["P3", "2026-09-01", "110105", new XlsxFixture.SharedString(1), "2-02-01-01", 1]));

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((3L, 2L, 1L));
        sandbox.Query("SELECT posting_id, employer_id FROM vacancies ORDER BY posting_id").ShouldBe([["P1", "共享文本"], ["P3", "second"]]);
        sandbox.RejectLines(result).ShouldBe(["3,employer_id,shared string index out of range (the workbook has 2),99999"]);
    }

    [Fact]
    public void Nul_and_bom_inside_values_reject_the_row_but_a_bom_starting_the_file_is_fine()
    {
        using var sandbox = new IngestSandbox();
        var csv = sandbox.Drop("vacancies", "controls.csv",
            "\uFEFF" + Header + "\n" +
            "P1,2026-09-01,110105,E1,2-02-01-01,1\n" +
            "P2\0,2026-09-01,110105,E1,2-02-01-01,1\n" +
            "\uFEFFP3,2026-09-01,110105,E1,2-02-01-01,1\n" +
            "P4,2026-09-01,110105,E\uFEFF1,2-02-01-01,1\n");
        sandbox.Drop("vacancies", "controls.jsonl",
            "{\"posting_id\":\"J1\",\"registered_on\":\"2026-09-01\",\"region_code\":\"110105\",\"employer_id\":\"E1\",\"occupation_code\":\"2-02-01-01\",\"positions\":1}\n" +
            "{\"posting_id\":\"J2\\u0000\",\"registered_on\":\"2026-09-01\",\"region_code\":\"110105\",\"employer_id\":\"E1\",\"occupation_code\":\"2-02-01-01\",\"positions\":1}\n");

        var results = sandbox.Pass().Files.ToDictionary(f => f.File);

        var fromCsv = results["vacancies/controls.csv"];
        (fromCsv.RowsIn, fromCsv.RowsLoaded, fromCsv.RowsRejected).ShouldBe((4L, 1L, 3L));
        sandbox.RejectLines(fromCsv).ShouldBe([
            "3,posting_id,control character,P2\\0",
            "4,posting_id,control character,\\uFEFFP3",
            "5,employer_id,control character,E\\uFEFF1",
        ]);
        var fromJson = results["vacancies/controls.jsonl"];
        (fromJson.RowsIn, fromJson.RowsLoaded, fromJson.RowsRejected).ShouldBe((2L, 1L, 1L));
        sandbox.RejectLines(fromJson).ShouldBe(["2,posting_id,control character,J2\\0"]);
        sandbox.Query("SELECT posting_id FROM vacancies ORDER BY posting_id").ShouldBe([["J1"], ["P1"]]);
        File.Exists(csv).ShouldBeFalse(); // processed and archived
    }

    [Fact]
    public void A_date_beyond_max_future_days_is_rejected_and_a_near_future_one_does_not_become_the_default_period()
    {
        using var sandbox = new IngestSandbox();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var past = today.AddMonths(-4);
        var soon = today.AddDays(40);     // within Ingest:MaxFutureDays, but after today
        sandbox.Drop("vacancies", "dates.csv",
            Header + "\n" +
            $"P1,{past:yyyy-MM-dd},110105,E1,2-02-01-01,1\n" +
            "P2,2999-12-31,110105,E1,2-02-01-01,1\n" +
            $"P3,{soon:yyyy-MM-dd},110105,E1,2-02-01-01,1\n" +
            $"P4,{today.AddDays(367):yyyy-MM-dd},110105,E1,2-02-01-01,1\n");

        var result = sandbox.PassOne();

        (result.RowsIn, result.RowsLoaded, result.RowsRejected).ShouldBe((4L, 2L, 2L));
        sandbox.RejectLines(result).ShouldBe([
            "3,registered_on,date: at most 366 days after today,2999-12-31",
            $"5,registered_on,date: at most 366 days after today,{today.AddDays(367):yyyy-MM-dd}",
        ]);
        using var catalog = Analytics.Warehouse.DuckDb.DuckDbDataSource.File(Path.Combine(sandbox.Root, "warehouse.duckdb"));
        var calendar = new DataCalendar(catalog);
        calendar.LatestMonth().ShouldBe(new DateOnly(past.Year, past.Month, 1));
        ApiEndpoints.PeriodOrLatest(null, calendar).Label.ShouldBe($"{past.Year}Q{(past.Month - 1) / 3 + 1}");
    }

    [Fact]
    public void Max_future_days_is_configurable_and_planned_dates_are_not_bounded()
    {
        using var sandbox = new IngestSandbox { MaxFutureDays = 10 };
        var soon = DateOnly.FromDateTime(DateTime.Now).AddDays(40);
        sandbox.Drop("vacancies", "dates.csv", Header + $"\nP1,{soon:yyyy-MM-dd},110105,E1,2-02-01-01,1\n");
        sandbox.Drop("dispatch_projects", "projects.csv",
            "project_id,project_name,agency_id,agency_name,client_id,client_name,region_code,start_on,end_on,fee_model,fee_rate,tax_method\n" +
            "PR1,仓储外包,A1,人力公司,C1,物流公司,110105,2026-01-01,2999-12-31,per_head,300,differential_5\n");

        var results = sandbox.Pass().Files.ToDictionary(f => f.Dataset!);

        sandbox.RejectLines(results["vacancies"]).ShouldBe([$"2,registered_on,date: at most 10 days after today,{soon:yyyy-MM-dd}"]);
        results["dispatch_projects"].RowsLoaded.ShouldBe(1L);
        sandbox.Scalar("SELECT end_on FROM dispatch_projects").ShouldBe(new DateOnly(2999, 12, 31));
    }
}
