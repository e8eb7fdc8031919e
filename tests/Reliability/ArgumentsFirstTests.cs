using Analytics.Dashboards.Cli;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Reliability;

/// <summary>
/// The real <c>analytics</c> process checks its arguments before anything else: a bad value exits 2
/// with one English sentence naming the option and the Chinese label of the thing it names, before
/// the verb says which data folder it works on (its first act), creates that folder or meets a
/// running serve's lock.
/// </summary>
public sealed class ArgumentsFirstTests
{
    public static TheoryData<string, string[]> BadArguments => new()
    {
        { "--scale (数据规模): 'abc' is not allowed: give a number above 0 and at most 1000", ["demo", "--scale", "abc"] },
        { "--scale (数据规模): '0' is not allowed", ["demo", "--scale", "0"] },
        { "--scale (数据规模): '1000.5' is not allowed", ["demo", "--scale", "1000.5"] },
        { "--top (保留行数): '-5' is not allowed: give a whole number of at least 1", ["publish", "rankings", "--period", "2026Q3", "--top", "-5", "--format", "json"] },
        { "--region (地区代码): '99' is not a 6-digit administrative division code", ["publish", "rankings", "--period", "2026Q3", "--region", "99", "--format", "json"] },
        { "--year (年份): '26' is not allowed: give a whole number from 1900 to 9999", ["publish", "wages", "--year", "26", "--format", "json"] },
        { "--month (统计月份): Unknown month format '2026-13'", ["publish", "indicators", "--month", "2026-13", "--format", "json"] },
        { "--from (起始月份): Unknown month format 'jan'", ["publish", "margins", "--from", "jan", "--to", "2026-06", "--format", "json"] },
        { "--kind (榜单类型): 'best' is not a ranking: give shortage or surplus", ["publish", "rankings", "--period", "2026Q3", "--kind", "best", "--format", "json"] },
        { "--urls (监听地址): 'localhost:5080' is not an http:// or https:// address", ["serve", "--urls", "localhost:5080"] },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task A_bad_value_exits_2_before_the_data_folder_is_touched(string message, string[] args)
    {
        var data = Path.Combine(Path.GetTempPath(), "arguments-first-" + Guid.NewGuid().ToString("N"));
        var run = await AnalyticsProcess.RunAsync(TimeSpan.FromMinutes(1), _ => { }, [.. args, "--data", data]);

        run.ExitCode.ShouldBe(AnalyticsCommandLine.BadArguments, run.Error);
        run.Error.ShouldContain(message);
        run.Error.ShouldNotContain("data folder:");
        run.Output.ShouldBeEmpty();
        Directory.Exists(data).ShouldBeFalse("nothing is created for a command line that is refused");
    }

    [Fact]
    public async Task A_decimal_scale_is_taken_as_the_generator_takes_it()
    {
        var data = Path.Combine(Path.GetTempPath(), "arguments-first-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await AnalyticsProcess.RunAsync(TimeSpan.FromMinutes(2), _ => { }, ["demo", "--scale", "0.01", "--data", data]);
            run.ExitCode.ShouldBe(AnalyticsCommandLine.Ok, run.Error);
            run.Output.ShouldContain("Demo inbox written to");
        }
        finally { if (Directory.Exists(data)) Directory.Delete(data, recursive: true); }
    }

    [Fact]
    public async Task While_a_serve_holds_the_data_folder_bad_arguments_are_still_answered_as_bad_arguments()
    {
        var data = Directory.CreateTempSubdirectory("arguments-first-serve-").FullName;
        Directory.CreateDirectory(Path.Combine(data, "inbox"));   // not empty: no demo data to generate first
        try
        {
            await using var serve = await ServeProcess.StartAsync(data, "--Ingest:Enabled=false");
            foreach (var (option, args) in new (string, string[])[]
                     {
                         ("--top (保留行数)", ["publish", "rankings", "--period", "2026Q3", "--top", "-5", "--format", "json"]),
                         ("--region (地区代码)", ["publish", "rankings", "--period", "2026Q3", "--region", "99", "--format", "json"]),
                         ("--year (年份)", ["publish", "wages", "--year", "26", "--format", "json"]),
                         ("--scale (数据规模)", ["demo", "--scale", "abc"]),
                     })
            {
                var run = await AnalyticsProcess.RunAsync(TimeSpan.FromMinutes(1), _ => { }, [.. args, "--data", data]);
                run.ExitCode.ShouldBe(AnalyticsCommandLine.BadArguments, run.Error);
                run.Error.ShouldContain(option);
                run.Error.ShouldNotContain("lock", Case.Insensitive);
            }
        }
        finally { Directory.Delete(data, recursive: true); }
    }
}
