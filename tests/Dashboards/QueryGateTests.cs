using System.Net;
using Analytics.Dashboards.Data;
using Analytics.Dashboards.Host;
using Analytics.Ingest;
using Analytics.Ingest.Demo;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>A demo site whose host runs two mart queries at once and queues ten per client.</summary>
public sealed class GatedSite : IAsyncLifetime
{
    public const int Slots = 2;
    public const int PerClient = 10;
    public const int WaitSeconds = 600;   // a loaded machine must not turn the other tests' queued requests into 503s
    private readonly Warehouse.DuckDb.TestDirectory _dir = new();
    public AppServer Server { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        DemoGenerator.Write(_dir.Path, 0.2);
        Server = await AppServer.StartAsync(_dir.Path, settings: new Dictionary<string, string?>
        {
            ["Dashboards:MaxConcurrentQueries"] = Slots.ToString(),
            ["Dashboards:QueryQueuePerClient"] = PerClient.ToString(),
            ["Dashboards:QueryWaitSeconds"] = WaitSeconds.ToString(),
        });
        await Server.Get<IngestRunner>().RunPassAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}

/// <summary>
/// The query gate in the real host on Kestrel, over real HTTP: mart queries are bounded, a full
/// queue is refused with 503 and Retry-After, and /health and sign-in answer while every query
/// slot is taken (functional assertions; the timings are in the hostile-load bench).
/// </summary>
public class QueryGateTests(GatedSite site) : IClassFixture<GatedSite>
{
    private static readonly string[] Users = ["stat", "policy", "admin"];

    /// <summary>A distinct month per request, so that each one misses the cache and runs its mart.</summary>
    private static string Indicators(int n) => $"/api/indicators?month={2000 + n / 12}-{n % 12 + 1:00}";

    [Fact]
    public async Task Many_concurrent_requests_never_run_more_mart_queries_than_the_slots()
    {
        site.Server.Get<MartCache>().Clear();
        var clients = await Task.WhenAll(Users.Select(u => site.Server.SignedInClientAsync(u)));
        try
        {
            // three users, ten requests each in flight: all fit their queues, none may run beside more than one other
            var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(n => clients[n % clients.Length].GetAsync(Indicators(n))));
            responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK);
            var peak = site.Server.Get<DuckDbDataSource>().PeakRunning;
            peak.ShouldBeLessThanOrEqualTo(GatedSite.Slots);
            peak.ShouldBeGreaterThan(0);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_instead_of_piling_up()
    {
        site.Server.Get<MartCache>().Clear();
        using var client = await site.Server.SignedInClientAsync("stat");
        using var hold = HoldEverySlot();
        var requests = Enumerable.Range(100, 25).Select(n => client.GetAsync(Indicators(n))).ToList();

        // With every slot held, the client's own ten queue and the other fifteen are refused at once.
        await Until(() => requests.Count(r => r.IsCompleted) >= 25 - GatedSite.PerClient);
        var refused = requests.Where(r => r.IsCompleted).Select(r => r.Result).ToList();
        refused.Count.ShouldBe(25 - GatedSite.PerClient);
        refused.ShouldAllBe(r => r.StatusCode == HttpStatusCode.ServiceUnavailable && r.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        site.Server.Get<MartGate>().Queued.ShouldBe(GatedSite.PerClient);

        hold.Dispose();
        var all = await Task.WhenAll(requests);
        all.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(GatedSite.PerClient);
    }

    [Fact]
    public async Task Health_and_sign_in_answer_while_every_query_slot_is_taken()
    {
        site.Server.Get<MartCache>().Clear();
        var clients = await Task.WhenAll(Users.Select(u => site.Server.SignedInClientAsync(u)));
        try
        {
            using var hold = HoldEverySlot();
            var waiting = Enumerable.Range(200, 30).Select(n => clients[n % clients.Length].GetAsync(Indicators(n))).ToList();
            var gate = site.Server.Get<MartGate>();
            await Until(() => gate.Queued >= 30);
            gate.Queued.ShouldBe(30);

            using var anonymous = site.Server.AnonymousClient();
            (await anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
            using var signedIn = await site.Server.SignedInClientAsync("policy");   // throws unless the sign-in POST redirects home
            (await signedIn.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
            waiting.ShouldAllBe(r => !r.IsCompleted);   // the slots really were held all along

            hold.Dispose();
            (await Task.WhenAll(waiting)).ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    [Fact]
    public async Task A_request_whose_turn_does_not_come_in_time_is_answered_503_with_retry_after()
    {
        site.Server.Get<MartCache>().Clear();
        using var client = await site.Server.SignedInClientAsync("stat");
        var limits = site.Server.Get<QueryLimits>();   // read per request, so the host takes the short wait at once
        limits.QueryWaitSeconds = 2;
        try
        {
            using var hold = HoldEverySlot();
            var response = await client.GetAsync(Indicators(300));   // waits two seconds for a slot that never frees
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.ShouldNotBeNull();
        }
        finally
        {
            limits.QueryWaitSeconds = GatedSite.WaitSeconds;
        }

        (await client.GetAsync(Indicators(300))).StatusCode.ShouldBe(HttpStatusCode.OK);   // not remembered as an error
    }

    [Fact]
    public async Task A_request_awaiting_an_answer_another_request_is_computing_also_stops_at_the_wait_limit()
    {
        site.Server.Get<MartCache>().Clear();
        using var first = await site.Server.SignedInClientAsync("stat");
        using var second = await site.Server.SignedInClientAsync("stat");   // same user: the same cached answer
        var limits = site.Server.Get<QueryLimits>();
        var hold = HoldEverySlot();
        try
        {
            var queued = first.GetAsync(Indicators(400));   // queued behind the held slots, with the fixture's long wait
            await Until(() => site.Server.Get<MartGate>().Queued >= 1);
            limits.QueryWaitSeconds = 2;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var response = await second.GetAsync(Indicators(400));   // finds the first request's answer under way
            clock.Stop();
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.ShouldNotBeNull();
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));   // before: it waited for the first answer, i.e. until the slots freed
            limits.QueryWaitSeconds = GatedSite.WaitSeconds;
            hold.Dispose();
            (await queued).StatusCode.ShouldBe(HttpStatusCode.OK);   // the first request still gets its answer
            (await second.GetAsync(Indicators(400))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            limits.QueryWaitSeconds = GatedSite.WaitSeconds;
            hold.Dispose();
        }
    }

    [Theory]
    [InlineData("/wages?lang=zh", "查询繁忙")]
    [InlineData("/rankings?lang=en", "Too many queries are waiting")]
    [InlineData("/api/export/wages?format=csv&lang=en", "Too many queries are waiting")]
    [InlineData("/api/export/indicators?format=xlsx&lang=zh", "查询繁忙")]
    public async Task A_page_or_an_export_refused_by_a_full_queue_answers_503_with_retry_after_in_the_readers_language(string path, string message)
    {
        site.Server.Get<MartCache>().Clear();
        using var client = await site.Server.SignedInClientAsync("stat");
        var gate = site.Server.Get<MartGate>();
        using var hold = HoldEverySlot();
        // Pages and exports query as the unnamed client, bounded by the whole queue only: with it full, their next query is refused at once.
        var length = site.Server.Get<QueryLimits>().QueryQueueLength;
        var queued = Enumerable.Range(0, length).Select(_ => gate.RunAsync(MartGate.UnnamedClient, () => 0)).ToArray();
        await Until(() => gate.Queued >= length);

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        hold.Dispose();
        await Task.WhenAll(queued);
    }

    /// <summary>Waits for a state the host reaches at once, bounded so that a broken host fails instead of hanging.</summary>
    private static async Task Until(Func<bool> reached)
    {
        for (var waited = 0; waited < 60_000 && !reached(); waited += 20) await Task.Delay(20);
    }

    /// <summary>Takes every slot of the host's gate with a query that waits until disposed (a stand-in for slow queries).</summary>
    private SlotHold HoldEverySlot()
    {
        var gate = site.Server.Get<MartGate>();
        var release = new ManualResetEventSlim();
        var started = new CountdownEvent(gate.Slots);
        var holders = Enumerable.Range(0, gate.Slots).Select(i => gate.RunAsync($"holder{i}", () =>
        {
            started.Signal();
            return release.Wait(TimeSpan.FromMinutes(2));
        })).ToArray();
        started.Wait(TimeSpan.FromMinutes(1)).ShouldBeTrue();
        return new SlotHold(release, holders);
    }

    private sealed class SlotHold(ManualResetEventSlim release, Task[] holders) : IDisposable
    {
        public void Dispose()
        {
            release.Set();
            Task.WaitAll(holders);
        }
    }
}
