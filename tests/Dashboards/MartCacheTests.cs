using Analytics.Dashboards.Data;
using Analytics.Ingest;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

public class MartCacheTests
{
    [Fact]
    public void An_answer_is_computed_once_until_the_cache_is_cleared()
    {
        var cache = new MartCache(new LakeEvents());
        var computed = 0;
        cache.Get("k", () => ++computed).ShouldBe(1);
        cache.Get("k", () => ++computed).ShouldBe(1);
        cache.Get("other", () => ++computed).ShouldBe(2);
        cache.Clear();
        cache.Get("k", () => ++computed).ShouldBe(3);
    }

    [Fact]
    public void A_failure_is_not_remembered()
    {
        var cache = new MartCache(new LakeEvents());
        Should.Throw<InvalidOperationException>(() => cache.Get<int>("k", () => throw new InvalidOperationException("no data yet")));
        cache.Get("k", () => 42).ShouldBe(42);
    }

    [Fact]
    public async Task Concurrent_askers_of_one_key_share_one_computation()
    {
        var cache = new MartCache(new LakeEvents());
        var computed = 0;
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            cache.Get("k", () => { Interlocked.Increment(ref computed); Thread.Sleep(50); return "figure"; }))));
        answers.ShouldAllBe(a => a == "figure");
        computed.ShouldBe(1);
    }
}

public class MartCacheBoundTests
{
    [Fact]
    public void A_hot_answer_survives_one_client_asking_for_5000_distinct_ones()
    {
        // The old cache emptied itself whole at 2,000 entries: one client's flood cost everyone their answers.
        var cache = new MartCache(new LakeEvents());
        var hotComputed = 0;
        for (var i = 0; i < 5_000; i++)
        {
            cache.Get($"distinct|{i}", () => i);
            if (i % 100 == 0) cache.Get("hot", () => ++hotComputed).ShouldBe(1);
        }
        hotComputed.ShouldBe(1);
        cache.Count.ShouldBeLessThanOrEqualTo(MartCache.DefaultCapacity);
    }

    [Fact]
    public void Past_its_bound_the_cache_drops_the_least_recently_used_answer()
    {
        var cache = new MartCache(new LakeEvents(), capacity: 3);
        var computed = new List<string>();
        string Ask(string key) => cache.Get(key, () => { computed.Add(key); return key; });
        Ask("a"); Ask("b"); Ask("c");
        Ask("a");          // a is now the most recent, b the least
        Ask("d");          // pushes out b
        cache.Count.ShouldBe(3);
        Ask("a"); Ask("c"); Ask("d");
        Ask("b");
        computed.ShouldBe(["a", "b", "c", "d", "b"]);
        cache.Counts.ShouldBe((4L, 5L));
    }
}
