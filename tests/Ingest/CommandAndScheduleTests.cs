using System.Text.Json;
using Analytics.Dashboards.Cli;
using Analytics.Ingest;
using Analytics.Ingest.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>The <c>ingest</c> verb's contract and the Quartz schedule inside a host.</summary>
public class CommandAndScheduleTests
{
    private const string Vacancies = "posting_id,registered_on,region_code,employer_id,occupation_code,positions\nP1,2026-09-01,110105,E1,2-02-01-01,1\nP2,2026-09-01,110105,E1,2-02-01-01,0\n";

    [Fact]
    public async Task Ingest_json_prints_one_object_per_file_and_exits_1_when_a_file_failed()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Vacancies);
        sandbox.Drop("nonsense", "x.csv", "a\n1\n");
        var output = new StringWriter();

        var exit = await AnalyticsCommandLine.RunAsync(["ingest", "--data", sandbox.Root, "--json"], output, new StringWriter());

        exit.ShouldBe(AnalyticsCommandLine.Failed);
        var files = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToList();
        files.Count.ShouldBe(2);
        files[0].GetProperty("file").GetString().ShouldBe("nonsense/x.csv");
        files[0].GetProperty("status").GetString().ShouldBe("failed");
        files[0].GetProperty("dataset").ValueKind.ShouldBe(JsonValueKind.Null);
        files[0].GetProperty("error").GetString()!.ShouldContain("unknown dataset folder");
        var loaded = files[1];
        loaded.EnumerateObject().Select(p => p.Name).ShouldBe(["file", "dataset", "status", "rows_in", "rows_loaded", "rows_rejected", "rejects", "error", "encoding"]);
        (loaded.GetProperty("status").GetString(), loaded.GetProperty("rows_in").GetInt64(), loaded.GetProperty("rows_loaded").GetInt64(), loaded.GetProperty("rows_rejected").GetInt64())
            .ShouldBe(("loaded", 2L, 1L, 1L));
        loaded.GetProperty("rejects").GetString().ShouldBe("rejects/1/vacancies/a.csv.rejects.csv");
        loaded.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
        loaded.GetProperty("encoding").GetString().ShouldBe("utf-8");
        files[0].GetProperty("encoding").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Ingest_exits_0_when_every_file_was_processed_and_2_on_bad_arguments()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Vacancies);
        var output = new StringWriter();

        (await AnalyticsCommandLine.RunAsync(["ingest", "--data", sandbox.Root], output, new StringWriter())).ShouldBe(AnalyticsCommandLine.Ok);
        output.ToString().ShouldContain("loaded   vacancies/a.csv  in 2  loaded 1  rejected 1  rejects: rejects/1/vacancies/a.csv.rejects.csv");
        (await AnalyticsCommandLine.RunAsync(["ingest", "--data", sandbox.Root, "--frobnicate"], new StringWriter(), new StringWriter())).ShouldBe(AnalyticsCommandLine.BadArguments);
    }

    [Fact]
    public async Task The_scheduled_job_ingests_the_inbox_records_its_status_and_raises_lake_changed()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Vacancies);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingest:IdHashKey"] = "000102030405060708090a0b0c0d0e0f",
            ["Ingest:Schedules:default"] = "0 0 0 1 1 ? 2099", // the other datasets: never
            ["Ingest:Schedules:vacancies"] = "* * * * * ?",     // every second
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddIngestScheduling(configuration, sandbox.Root);
        using var host = builder.Build();
        var changed = new TaskCompletionSource<LakeChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<LakeEvents>().LakeChanged += (_, e) => changed.TrySetResult(e);

        await host.StartAsync();
        var args = await changed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();

        args.BatchId.ShouldBe(1L);
        args.Datasets.ShouldBe(["vacancies"]);
        var status = host.Services.GetRequiredService<IngestStatusBoard>().LastRuns["vacancies"];
        status.Outcome.ShouldBeOneOf("ok", "idle");
        sandbox.Scalar("SELECT count(*) FROM vacancies").ShouldBe(1L);
    }
}
