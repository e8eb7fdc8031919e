using Analytics.Dashboards.Cli;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Demo;

/// <summary>Runs <c>demo</c> once at scale 1 through the command line; the tests check the exit code, the summary and the data's shape.</summary>
public sealed class ScaleOneDemo : IDisposable
{
    public ScaleOneDemo()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "demo-cli-" + Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        ExitCode = AnalyticsCommandLine.RunAsync(["demo", "--data", DataDirectory, "--scale", "1"], output, new StringWriter()).GetAwaiter().GetResult();
        Output = output.ToString();
    }

    public string DataDirectory { get; }
    public int ExitCode { get; }
    public string Output { get; }
    public string Inbox => Path.Combine(DataDirectory, "inbox");

    public void Dispose()
    {
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}

public class DemoCommandTests(ScaleOneDemo demo) : IClassFixture<ScaleOneDemo>
{
    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("1001")]
    public async Task A_bad_scale_exits_2_and_writes_nothing(string scale)
    {
        var data = Path.Combine(Path.GetTempPath(), "demo-bad-" + Guid.NewGuid().ToString("N"));
        var error = new StringWriter();
        (await AnalyticsCommandLine.RunAsync(["demo", "--data", data, "--scale", scale], new StringWriter(), error)).ShouldBe(2);
        error.ToString().ShouldNotBeEmpty();
        Directory.Exists(data).ShouldBeFalse();
    }

    [Fact]
    public void Scale_1_exits_0_and_prints_files_and_rows_per_dataset()
    {
        demo.ExitCode.ShouldBe(0);
        var lines = demo.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain("wrote jobseekers/jobseekers_2025Q1_gbk.csv");
        string Summary(string dataset) => lines.Single(l => l.StartsWith(dataset + " "));
        Summary("vacancies").Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["vacancies", "7", "25,001"]);
        Summary("jobseekers").Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["jobseekers", "7", "33,000"]);
        Summary("employment").Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["employment", "2", "27,000"]);
        Summary("unemployment").Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["unemployment", "2", "10,000"]);
        Summary("dispatch_settlements").Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].ShouldBe("63"); // 3 agencies × 21 months
    }

    [Fact]
    public void The_2026Q3_market_has_both_a_shortage_and_a_surplus_list()
    {
        var vacancies = DemoInbox.ReadCsvs(Directory.GetFiles(Path.Combine(demo.Inbox, "vacancies"), "*2026Q3*"));
        var demand = vacancies.GroupBy(r => r["occupation_code"]).ToDictionary(g => g.Key, g => g.Sum(r => int.Parse(r["positions"])));
        var supply = DemoInbox.ReadCsvs(Directory.GetFiles(Path.Combine(demo.Inbox, "jobseekers"), "*2026Q3*"))
            .GroupBy(r => r["occupation_code"]).ToDictionary(g => g.Key, g => g.Count());
        var codes = demand.Keys.Union(supply.Keys).ToList();
        int D(string o) => demand.GetValueOrDefault(o);
        int S(string o) => supply.GetValueOrDefault(o);
        codes.Count(o => D(o) > S(o) && D(o) >= 10).ShouldBeGreaterThan(50);
        codes.Count(o => S(o) > D(o) && S(o) >= 10).ShouldBeGreaterThan(20);
    }

    [Fact]
    public void The_wage_sample_has_cells_above_and_below_the_suppression_threshold()
    {
        var cells = DemoInbox.ReadCsvs(Directory.GetFiles(Path.Combine(demo.Inbox, "employment")))
            .Where(r => r["full_time"] is "" or "1" or "true" && r["monthly_wage"] != "")
            .GroupBy(r => (r["occupation_code"], Province: r["region_code"][..2], Year: r["employed_on"][..4]))
            .Select(g => g.Count()).ToList();
        cells.Count(n => n >= 30).ShouldBeGreaterThan(50);
        cells.Count(n => n < 30).ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Retirees_include_the_aged_the_special_care_cases_and_those_who_left()
    {
        var retirees = DemoInbox.ReadCsv(Path.Combine(demo.Inbox, "retirees", "retirees_2026-09.csv")).ToList();
        var lastDay = new DateOnly(2026, 9, 30);
        retirees.Count(r => DateOnly.Parse(r["birth_date"]).AddYears(80) <= lastDay).ShouldBeGreaterThan(300);
        retirees.ShouldContain(r => r["solitary"] == "1");
        retirees.ShouldContain(r => r["serious_illness"] == "1");
        retirees.ShouldContain(r => r["extreme_poverty"] == "1");
        retirees.ShouldContain(r => r["pre1949_worker"] == "1");
        retirees.ShouldContain(r => r["status"] == "transferred_out" && r["status_on"] != "");
        retirees.ShouldContain(r => r["status"] == "deceased" && r["status_on"] != "");
        retirees.ShouldAllBe(r => string.CompareOrdinal(r["retired_on"], r["birth_date"]) > 0);
    }
}
