using Analytics.Warehouse.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>The query gate on its own: slots, the turn-taking queue and its bounds.</summary>
public class MartGateTests
{
    [Fact]
    public async Task Never_more_than_its_slots_run_at_once()
    {
        using var gate = new MartGate(slots: 3, queueLength: 1_000, queuePerClient: 1_000);
        var running = 0;
        var peak = 0;
        var work = Enumerable.Range(0, 200).Select(i => gate.RunAsync($"client{i % 7}", () =>
        {
            var now = Interlocked.Increment(ref running);
            lock (gate) peak = Math.Max(peak, now);
            Thread.Sleep(1);
            Interlocked.Decrement(ref running);
            return i;
        })).ToList();
        (await Task.WhenAll(work)).ShouldBe(Enumerable.Range(0, 200));
        peak.ShouldBeLessThanOrEqualTo(3);
        peak.ShouldBeGreaterThan(1);
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(40, 19)]     // Linux's lowest priority
    [InlineData(0, null)]    // 0: left as it is, the nice value the thread was started with
    public async Task Queries_run_on_threads_at_the_configured_nice_value(int threadNice, int? expected)
    {
        if (!OperatingSystem.IsLinux()) return;
        var before = NiceOfCurrentThread();
        using var gate = new MartGate(slots: 2, queueLength: 10, queuePerClient: 10, threadNice);
        var seen = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => gate.RunAsync($"client{i}", NiceOfCurrentThread)));
        seen.ShouldAllBe(nice => nice == (expected ?? before));
        NiceOfCurrentThread().ShouldBe(before);   // the caller's own thread keeps its priority
    }

    /// <summary>The calling thread's nice value as Linux reports it: /proc/thread-self/stat, field 19 (after the parenthesised name).</summary>
    private static int NiceOfCurrentThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19 - 3]);
    }

    [Fact]
    public async Task Clients_take_turns_so_a_flood_does_not_starve_a_single_request()
    {
        using var gate = new MartGate(slots: 1, queueLength: 1_000, queuePerClient: 1_000);
        using var hold = new ManualResetEventSlim();
        var held = gate.RunAsync("holder", () => hold.Wait(TimeSpan.FromMinutes(1)));
        while (gate.Queued > 0) await Task.Delay(10);   // the holder has the only slot

        var order = new List<string>();
        var flood = Enumerable.Range(0, 50).Select(i => gate.RunAsync("flooder", () => { lock (order) order.Add($"flooder{i}"); return 0; })).ToList();
        var single = gate.RunAsync("other", () => { lock (order) order.Add("other"); return 0; });
        hold.Set();
        await Task.WhenAll(flood.Append(single).Cast<Task>().Append(held));

        // Round robin: the flooder's first, then the other client's, then the rest of the flood.
        order.IndexOf("other").ShouldBe(1);
        order.Where(o => o != "other").ShouldBe(Enumerable.Range(0, 50).Select(i => $"flooder{i}"));
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_and_takes_work_again_when_it_drains()
    {
        using var gate = new MartGate(slots: 1, queueLength: 3, queuePerClient: 2);
        using var hold = new ManualResetEventSlim();
        var held = gate.RunAsync("holder", () => hold.Wait(TimeSpan.FromMinutes(1)));
        while (gate.Queued > 0) await Task.Delay(10);

        var a1 = gate.RunAsync("a", () => 1);
        var a2 = gate.RunAsync("a", () => 2);
        Should.Throw<MartQueueFullException>(() => gate.RunAsync("a", () => 3)).RetryAfter.ShouldBeGreaterThan(TimeSpan.Zero);   // a's own share is full
        var b1 = gate.RunAsync("b", () => 4);
        Should.Throw<MartQueueFullException>(() => gate.RunAsync("c", () => 5));   // the whole queue is full
        gate.Queued.ShouldBe(3);

        hold.Set();
        (await Task.WhenAll(a1, a2, b1)).ShouldBe([1, 2, 4]);
        (await gate.RunAsync("c", () => 5)).ShouldBe(5);
        (await held).ShouldBeTrue();
    }

    [Fact]
    public async Task A_query_error_reaches_its_caller_and_the_slot_is_free_again()
    {
        using var gate = new MartGate(slots: 1, queueLength: 10, queuePerClient: 10);
        await Should.ThrowAsync<MartValidationException>(gate.RunAsync<int>("a", () => throw new MartValidationException("bad region")));
        (await gate.RunAsync("a", () => 7)).ShouldBe(7);
    }

    [Fact]
    public async Task Work_whose_client_went_away_before_its_turn_is_dropped_unrun()
    {
        using var gate = new MartGate(slots: 1, queueLength: 10, queuePerClient: 10);
        using var hold = new ManualResetEventSlim();
        var held = gate.RunAsync("holder", () => hold.Wait(TimeSpan.FromMinutes(1)));
        while (gate.Queued > 0) await Task.Delay(10);

        using var gone = new CancellationTokenSource();
        var ran = false;
        var abandoned = gate.RunAsync("a", () => ran = true, gone.Token);
        gone.Cancel();
        hold.Set();
        await Should.ThrowAsync<OperationCanceledException>(abandoned);
        (await gate.RunAsync("a", () => 1)).ShouldBe(1);
        ran.ShouldBeFalse();
        (await held).ShouldBeTrue();
    }
}
