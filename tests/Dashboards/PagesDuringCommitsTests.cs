using System.Net;
using Analytics.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

[Collection(DemoSiteCollection.Name)]
public class PagesDuringCommitsTests(DemoSite site)
{
    [Fact]
    public async Task Page_loads_and_api_calls_never_fail_while_batches_commit()
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        string[] urls = ["/", "/rankings?period=2026Q3", "/wages?year=2026", "/api/rankings?period=2026Q3", "/api/indicators?month=2026-09", "/data"];
        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var loads = 0;
        var loader = Task.Run(async () =>
        {
            // Bounded: at most 2,000 requests or until the commits are done.
            for (var i = 0; i < 2_000 && !stop.IsCancellationRequested; i++)
            {
                var url = urls[i % urls.Length];
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                Interlocked.Increment(ref loads);
                if (response.StatusCode != HttpStatusCode.OK || body.Contains("class=\"error\""))
                    lock (failures) failures.Add($"{url}: {(int)response.StatusCode}");
            }
        });

        // Start committing once every page has been loaded once, so the loads overlap the commits.
        while (Volatile.Read(ref loads) < urls.Length && !loader.IsCompleted) await Task.Delay(20);
        var before = Volatile.Read(ref loads);
        var runner = site.Server.Get<IngestRunner>();
        var inbox = Path.Combine(site.DataDirectory, "inbox", "vacancies");
        Directory.CreateDirectory(inbox);
        for (var batch = 0; batch < 3; batch++)
        {
            // Each batch corrects the same posting (a replacement rewrites its Parquet file) and adds one.
            await File.WriteAllTextAsync(Path.Combine(inbox, $"zz-during-{batch}.csv"),
                "posting_id,registered_on,region_code,employer_id,occupation_code,positions\n" +
                $"DURING-FIXED,2026-08-10,440106,E-D,6-25-01-02,{batch + 1}\nDURING-{batch},2026-08-11,440106,E-D,6-25-01-02,5\n");
            (await runner.RunPassAsync()).Files.ShouldAllBe(f => f.Status == "loaded");
        }
        var during = Volatile.Read(ref loads) - before;
        stop.Cancel();
        await loader;

        during.ShouldBeGreaterThan(0, "pages were loaded while the batches committed");
        failures.ShouldBeEmpty();
    }
}
