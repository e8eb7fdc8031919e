using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

[Collection(SmallDemoInboxCollection.Name)]
public class FileFormatTests(SmallDemoInbox fixture)
{
    private readonly DemoInbox _inbox = fixture.Inbox;

    [Fact]
    public void The_2025_job_seeker_files_are_GB18030_with_Chinese_headers_labels_dates_and_money()
    {
        var files = _inbox.Files("jobseekers", "*_gbk.csv");
        files.Length.ShouldBe(4);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Should.Throw<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
            var text = DemoInbox.Gb18030.GetString(bytes);
            text.ShouldStartWith("求职者编号,登记日期,区划代码,意向职业,性别,出生年份,学历,人员类别,期望工资\r\n");
            DemoInbox.Gb18030.GetBytes(text).ShouldBe(bytes); // nothing was lost in decoding
            var rows = DemoInbox.ReadCsv(file, DemoInbox.Gb18030).ToList();
            rows.Select(r => r["性别"]).Distinct().ShouldBeSubsetOf(["男", "女", "未知"]);
            rows.ShouldContain(r => r["学历"] == "本科" || r["学历"] == "大专");
            rows.ShouldAllBe(r => r["人员类别"].Any(c => c > 0x4E00));
            rows.ShouldContain(r => r["登记日期"].Contains('/'));
            rows.ShouldContain(r => r["期望工资"].StartsWith("¥") && r["期望工资"].Contains(','));
        }
    }

    [Fact]
    public void The_2026_unemployment_file_is_JSON_Lines_with_numbers_and_nulls()
    {
        var file = _inbox.Files("unemployment", "*.jsonl").ShouldHaveSingleItem();
        var lines = File.ReadAllLines(file);
        ((long)lines.Length).ShouldBe(_inbox.Summary.Files.Single(f => f.Dataset == "unemployment" && f.Path.EndsWith(".jsonl")).Rows);
        int endedBeforeRegistered = 0, receiving = 0, open = 0;
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var row = json.RootElement;
            row.EnumerateObject().Count().ShouldBe(11);
            row.GetProperty("ui_months").ValueKind.ShouldBe(JsonValueKind.Number);
            if (row.GetProperty("ui_monthly_amount").ValueKind == JsonValueKind.Number) receiving++;
            var ended = row.GetProperty("ended_on");
            if (ended.ValueKind == JsonValueKind.Null) { open++; row.GetProperty("end_reason").ValueKind.ShouldBe(JsonValueKind.Null); continue; }
            if (string.CompareOrdinal(ended.GetString(), row.GetProperty("registered_on").GetString()) < 0) endedBeforeRegistered++;
        }
        endedBeforeRegistered.ShouldBe(1);
        receiving.ShouldBeGreaterThan(0);
        open.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_deliberately_bad_rows_are_where_the_notes_say()
    {
        string Text(string dataset, string name) => File.ReadAllText(Path.Combine(_inbox.Inbox, dataset, name));
        Text("vacancies", "vacancies_2025Q1.csv").ShouldContain(",2025-02-30,");
        DemoInbox.ReadCsv(Path.Combine(_inbox.Inbox, "vacancies", "vacancies_2025Q2.csv")).Count(r => r["wage_min"].StartsWith('-')).ShouldBe(1);
        DemoInbox.ReadCsv(Path.Combine(_inbox.Inbox, "vacancies", "vacancies_2025Q3.csv"))
            .GroupBy(r => r["posting_id"]).Count(g => g.Count() > 1).ShouldBe(1);
        DemoInbox.ReadCsvs(_inbox.Files("vacancies")).GroupBy(r => r["posting_id"]).Count(g => g.Count() > 1).ShouldBe(1);
        DemoInbox.ReadCsvs(_inbox.Files("vacancies")).Count(r => r["education_min"] == "postdoc").ShouldBe(1);
        DemoInbox.ReadCsv(Path.Combine(_inbox.Inbox, "jobseekers", "jobseekers_2025Q4_gbk.csv"), DemoInbox.Gb18030)
            .Count(r => r["性别"] == "未知").ShouldBe(1);
        DemoInbox.ReadCsvs(_inbox.Files("employment")).Count(r => r["monthly_wage"].StartsWith('-')).ShouldBe(1);
        DemoInbox.ReadCsvs(_inbox.Files("vacancies")).Count(r => r["occupation_code"] == "4-14-02-09").ShouldBe(1);
        DemoInbox.ReadCsvs(_inbox.Files("occupations")).ShouldNotContain(r => r["occupation_code"] == "4-14-02-09");
        DemoInbox.ReadCsv(Path.Combine(_inbox.Inbox, "jobseekers", "jobseekers_2026Q2.csv")).Count(r => r["region_code"] == "440199").ShouldBe(1);
        DemoInbox.ReadCsvs(_inbox.Files("regions")).ShouldNotContain(r => r["region_code"] == "440199");
        var retirees = DemoInbox.ReadCsvs(_inbox.Files("retirees")).ToList();
        retirees.Count(r => r["status"] != "active" && r["status_on"] == "").ShouldBe(1);
        retirees.ShouldContain(r => r["status"] == "deceased" && r["status_on"] != "");
        // B.4: exactly one departure dated before the retirement it ends
        retirees.Count(r => r["status_on"] != "" && string.CompareOrdinal(r["status_on"], r["retired_on"]) < 0).ShouldBe(1);
    }

    [Fact]
    public void The_later_retiree_file_corrects_rows_of_the_snapshot()
    {
        var files = _inbox.Files("retirees");
        files.Select(Path.GetFileName).ShouldBe(["retirees_2026-09.csv", "retirees_2026-09_changes.csv"]); // ordinal order: changes win
        var snapshot = DemoInbox.ReadCsv(files[0]).ToDictionary(r => r["retiree_id"]);
        foreach (var change in DemoInbox.ReadCsv(files[1]))
        {
            snapshot[change["retiree_id"]]["status"].ShouldBe("active");
            change["status"].ShouldBe("deceased");
        }
    }
}
