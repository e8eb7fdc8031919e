using System.Reflection;
using Analytics.Dashboards.Data;
using Analytics.Ingest;
using Analytics.Warehouse.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// The answer cache after a commit, with the real gate: the answers asked for since the previous commit
/// are recomputed ahead of the users' queries before the pages hear of the commit, and nothing of an
/// older catalog is ever served as the newer one's. "The catalog" here is a version number the
/// recipes read when they run, as the marts read the catalog's snapshot when their query starts.
/// </summary>
public sealed class MartCacheWarmingTests : IDisposable
{
    private readonly LakeEvents _lake = new();
    private readonly MartGate _gate = new(slots: 1, queueLength: 100, queuePerClient: 100, threadNice: 0);
    private int _catalog = 1;
    private int _askerComputed;

    public void Dispose() => _gate.Dispose();

    /// <summary>What the ingest does after a catalog transaction committed (its Raise is the ingest's own).</summary>
    private void Commit(long batchId)
    {
        _catalog++;
        typeof(LakeEvents).GetMethod("Raise", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(_lake, [batchId, new[] { "vacancies" }]);
    }

    /// <summary>As a page asks: its own computation as a user's at the gate, and the warm recipe ahead of everyone.</summary>
    private Task<int> Ask(MartCache cache, string key, Func<int>? query = null, bool live = true)
    {
        query ??= () => _catalog;
        return cache.GetAsync(key, () => { Interlocked.Increment(ref _askerComputed); return _gate.RunAsync("user:stat", query); },
            warm => _gate.RunAheadAsync(query, warm), live);
    }

    [Fact]
    public async Task A_used_answer_is_recomputed_before_the_event_so_its_listeners_read_the_new_catalog_without_computing()
    {
        var cache = new MartCache(_lake);
        (await Ask(cache, "indicators")).ShouldBe(1);
        _askerComputed.ShouldBe(1);

        Task<int>? heard = null;
        cache.Changed += (_, _) => heard = Ask(cache, "indicators");
        Commit(2);

        heard.ShouldNotBeNull();
        (await heard).ShouldBe(2);            // the catalog after the commit
        _askerComputed.ShouldBe(1);           // the page's re-read computed nothing: it awaited the warm answer
        (await Ask(cache, "indicators")).ShouldBe(2);
        _askerComputed.ShouldBe(1);
    }

    [Fact]
    public async Task Only_keys_asked_for_since_the_previous_commit_are_warmed()
    {
        var cache = new MartCache(_lake);
        await Ask(cache, "asked");
        Commit(2);
        cache.Count.ShouldBe(1);               // warmed, though nobody asked yet
        Commit(3);                             // nobody asked for it after commit 2
        cache.Count.ShouldBe(0);
        (await Ask(cache, "asked")).ShouldBe(3);
        _askerComputed.ShouldBe(2);
    }

    [Fact]
    public async Task Warm_work_takes_the_slot_before_queued_user_queries_and_open_pages_go_first()
    {
        var cache = new MartCache(_lake);
        var order = new List<string>();
        int Run(string name) { lock (order) order.Add(name); return _catalog; }
        await Ask(cache, "page", () => Run("page"), live: true);
        await Ask(cache, "api", () => Run("api"), live: false);   // asked after the page's: the most recently used
        order.Clear();

        using var hold = new ManualResetEventSlim();
        var held = _gate.RunAsync("holder", () => hold.Wait(TimeSpan.FromMinutes(1)));
        while (_gate.Queued > 0) await Task.Delay(10);   // the holder has the only slot
        var user = _gate.RunAsync("user:other", () => Run("user"));
        Commit(2);
        hold.Set();
        await Task.WhenAll(held, user, Ask(cache, "page"), Ask(cache, "api", live: false));

        order.ShouldBe(["page", "api", "user"]);
    }

    [Fact]
    public async Task A_commit_during_warming_never_serves_the_older_catalogs_answer_as_the_newer_ones()
    {
        var cache = new MartCache(_lake);
        using var release = new ManualResetEventSlim();
        using var running = new ManualResetEventSlim();
        int Slow()
        {
            var read = _catalog;                   // the snapshot the query reads
            running.Set();
            release.Wait(TimeSpan.FromMinutes(1));
            return read;
        }
        release.Set();
        (await Ask(cache, "k", Slow)).ShouldBe(1);
        release.Reset();
        running.Reset();

        var heard = new List<Task<int>>();
        cache.Changed += (_, _) => heard.Add(Ask(cache, "k", Slow));
        Commit(2);                                 // warming starts on catalog 2 and is held mid-query
        running.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        Commit(3);                                 // while catalog 2's answer is still computing
        var afterSecond = Ask(cache, "k", Slow);
        release.Set();

        (await heard[0]).ShouldBe(2);              // asked before commit 3: catalog 2 is what it asked
        (await heard[1]).ShouldBe(3);              // the page's re-read after commit 3
        (await afterSecond).ShouldBe(3);           // never catalog 2's answer in catalog 3's generation
        (await Ask(cache, "k", Slow)).ShouldBe(3);
        _askerComputed.ShouldBe(1);
    }

    [Fact]
    public async Task Past_the_warm_time_work_nobody_asked_for_is_dropped_and_work_someone_awaits_keeps_its_place()
    {
        var cache = new MartCache(_lake, warming: new CacheWarming(Answers: 10, Seconds: 0.5));
        await Ask(cache, "unasked");
        await Ask(cache, "awaited");
        using var hold = new ManualResetEventSlim();
        var held = _gate.RunAsync("holder", () => hold.Wait(TimeSpan.FromMinutes(1)));
        while (_gate.Queued > 0) await Task.Delay(10);   // the holder has the only slot: no warm work starts

        Commit(2);
        var awaited = Ask(cache, "awaited");
        cache.Count.ShouldBe(2);
        while (cache.Count > 1) await Task.Delay(20);   // past 0.5 s the unasked one is dropped unrun
        var user = _gate.RunAsync("user:other", () => 0);
        hold.Set();
        await Task.WhenAll(held, user);

        (await awaited).ShouldBe(2);
        _askerComputed.ShouldBe(2);            // the awaited answer was the warm one
        (await Ask(cache, "unasked")).ShouldBe(2);
        _askerComputed.ShouldBe(3);            // the dropped one: computed when asked
    }

    [Fact]
    public async Task A_warm_error_is_not_kept()
    {
        var cache = new MartCache(_lake);
        var fail = false;
        int Query() => fail ? throw new InvalidOperationException("no data yet") : _catalog;
        await Ask(cache, "k", Query);
        fail = true;
        Task<int>? heard = null;
        cache.Changed += (_, _) => heard = Ask(cache, "k", Query);
        Commit(2);
        // The page shows the error, as when it computes itself (it may have: the warm failure can be gone before it asks).
        await Should.ThrowAsync<InvalidOperationException>(heard!);
        fail = false;
        var before = _askerComputed;
        (await Ask(cache, "k", Query)).ShouldBe(2);
        _askerComputed.ShouldBe(before + 1);   // computed anew: the failure was not kept
    }
}
