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
