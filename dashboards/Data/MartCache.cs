using Analytics.Ingest;

namespace Analytics.Dashboards.Data;

/// <summary>
/// The answers of the query services, kept until the next committed batch. The catalog changes
/// only when a batch commits, and the commit raises <see cref="LakeEvents.LakeChanged"/> in this
/// process (also for batches another process wrote: the host's next pass syncs them), so until
/// then a figure asked for twice is the same figure. Without this, every request would scan the
/// lake again (hundreds of ms under load).
/// The cache holds at most <c>capacity</c> answers and drops the least recently used one to take
/// a new one, so a client asking for thousands of distinct figures pushes out only the figures
/// nobody asked for since, never the ones everyone keeps asking for.
/// <para>
/// A commit starts a new generation of answers at once (nothing of the old catalog is served after
/// it) and warms it: the answers asked for since the previous commit are recomputed at once, ahead
/// of every user's queries at the gate, those of open pages first (their pages ask again the moment
/// <see cref="Changed"/> is raised), then the others most recently used first, at most
/// <see cref="CacheWarming.Answers"/> of them; one nobody has asked for <see cref="CacheWarming.Seconds"/>
/// after the commit and not started yet is dropped. An asker of a warmed key awaits its warm answer
/// instead of queueing behind the other users; a key not warmed is computed on demand as before. A warm
/// answer that fails is not kept; one dropped unrun (another commit came first) sends its askers to
/// compute it themselves in the newer generation.
/// </para>
/// </summary>
public sealed class MartCache
{
    public const int DefaultCapacity = 2_000;

    private readonly int _capacity;
    private readonly CacheWarming _warming;
    private readonly object _commits = new();
    private Generation _current;
    private long _hits;
    private long _misses;

    public MartCache(LakeEvents events, int capacity = DefaultCapacity, CacheWarming? warming = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _warming = warming ?? new CacheWarming();
        _current = new Generation(capacity);
        events.LakeChanged += (_, change) => Committed(change);
    }

    /// <summary>
    /// Raised (on the committing thread) once the answers follow a committed batch: its askers get
    /// answers of the new catalog, the warmed ones without queueing. Open pages listen to this
    /// rather than to <see cref="LakeEvents"/>, so they never re-ask before the cache has moved on.
    /// </summary>
    public event EventHandler<LakeChangedEventArgs>? Changed;

    /// <summary>The latest commit's warming, once all of its answers are in (or dropped): for the load bench and operators.</summary>
    public WarmingReport? LastWarming { get; private set; }

    /// <summary>Answers kept now.</summary>
    public int Count => _current.Count;

    /// <summary>Requests answered from the cache, and those that had to compute (since the host started).</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    public T Get<T>(string key, Func<T> compute) => GetAsync(key, () => Task.FromResult(compute())).GetAwaiter().GetResult();

    /// <param name="compute">computes the answer for this asker (queued at the gate as its client's)</param>
    /// <param name="warm">recomputes it after a commit, ahead of the users' queries (the gate's
    /// <c>RunAheadAsync</c>), until the token says the warming is over; none: the key is never warmed</param>
    /// <param name="live">asked by an open page that asks again at every commit: warmed before the others</param>
    /// <param name="cancellation">
    /// how long this asker waits, also for an answer another asker or the warming is computing (which goes on for them)
    /// </param>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute, Func<CancellationToken, Task<T>>? warm = null, bool live = false,
        CancellationToken cancellation = default)
    {
        Func<CancellationToken, Task<object>>? recipe = warm is null ? null : async token => (await warm(token))!;
        while (true)
        {
            // An answer computed while a batch commits lands in the generation it started in, which
            // the commit has already dropped, so it can never outlive the data it was computed from.
            var generation = _current;
            var (entry, found) = generation.GetOrAdd(key, () => new Entry(new Lazy<Task<object>>(async () => (await compute())!, LazyThreadSafetyMode.ExecutionAndPublication)), recipe, live);
            Interlocked.Increment(ref found ? ref _hits : ref _misses);
            try
            {
                return (T)await entry.Answer.Value.WaitAsync(cancellation);
            }
            // This asker stopped waiting: the answer is still coming for whoever else awaits it.
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { throw; }
            catch (OperationCanceledException) when (entry.Warmed)
            {
                // The warming dropped it unrun (time up, or a newer commit): compute it as this asker.
                generation.Remove(key, entry);
            }
            catch
            {
                generation.Remove(key, entry);   // errors (bad filters, no data yet, a full queue) are not remembered
                throw;
            }
        }
    }

    /// <summary>Drops every answer, warming none (a test's cold start).</summary>
    public void Clear()
    {
        lock (_commits)
        {
            _current.StopWarming();
            _current = new Generation(_capacity);
        }
    }

    /// <summary>
    /// A batch committed: a new generation, its warm answers queued at once in priority order, then
    /// <see cref="Changed"/>. Warm work the previous generation still had queued is dropped unrun; what
    /// it was running finishes into that generation, never into this one.
    /// </summary>
    private void Committed(LakeChangedEventArgs change)
    {
        lock (_commits)
        {
            var previous = _current;
            previous.StopWarming();
            var next = new Generation(_capacity);
            next.Warm(previous.ToWarm(Math.Min(_warming.Answers, _capacity)), _warming.Seconds, report => LastWarming = report with { BatchId = change.BatchId });
            _current = next;
        }
        var handlers = Changed;
        if (handlers is null) return;
        foreach (EventHandler<LakeChangedEventArgs> handler in handlers.GetInvocationList())
        {
            try { handler(this, change); }
            catch (Exception e) { Console.Error.WriteLine($"MartCache.Changed handler failed: {e.Message}"); }
        }
    }

    /// <summary>One key's answer (being computed, or there), and how to recompute it after the next commit.</summary>
    private sealed class Entry(Lazy<Task<object>> answer, CancellationTokenSource? drop = null)
    {
        public Lazy<Task<object>> Answer { get; } = answer;
        /// <summary>Drops warm work before it runs (a newer commit, or the time is up and nobody asked).</summary>
        public CancellationTokenSource? Drop { get; } = drop;
        /// <summary>Computed by the warming, not by an asker: dropped unrun, its askers compute it themselves.</summary>
        public bool Warmed => Drop is not null;
        /// <summary>Asked for in this generation: only such keys are warmed into the next one.</summary>
        public bool Asked;
        public bool Live;
        public Func<CancellationToken, Task<object>>? Recipe;
    }

    /// <summary>The answers of one catalog state, most recently used first.</summary>
    private sealed class Generation(int capacity)
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, Entry Entry)>> _index = [];
        private readonly LinkedList<(string Key, Entry Entry)> _recency = new();
        private List<Entry> _warm = [];

        public int Count { get { lock (_index) return _index.Count; } }

        public (Entry Entry, bool Found) GetOrAdd(string key, Func<Entry> create, Func<CancellationToken, Task<object>>? recipe, bool live)
        {
            lock (_index)
            {
                if (_index.TryGetValue(key, out var node))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    Asked(node.Value.Entry, recipe, live);
                    return (node.Value.Entry, true);
                }
                var entry = create();
                Add(key, entry);
                Asked(entry, recipe, live);
                return (entry, false);
            }
        }

        // The latest asker's recipe: it holds nothing older than this generation's askers.
        private static void Asked(Entry entry, Func<CancellationToken, Task<object>>? recipe, bool live)
        {
            entry.Asked = true;
            entry.Live |= live;
            if (recipe is not null) entry.Recipe = recipe;
        }

        private void Add(string key, Entry entry)
        {
            if (_index.Count >= capacity)
            {
                // An answer still being computed may go too: its askers hold it and still get it.
                _index.Remove(_recency.Last!.Value.Key);
                _recency.RemoveLast();
            }
            _index[key] = _recency.AddFirst((key, entry));
        }

        public void Remove(string key, Entry entry)
        {
            lock (_index)
            {
                if (!_index.TryGetValue(key, out var node) || node.Value.Entry != entry) return;
                _index.Remove(key);
                _recency.Remove(node);
            }
        }

        /// <summary>The keys asked for here that can be recomputed: open pages' first, then the most recently used.</summary>
        public List<(string Key, Func<CancellationToken, Task<object>> Recipe, bool Live)> ToWarm(int count)
        {
            lock (_index)
            {
                return _recency.Where(n => n.Entry.Asked && n.Entry.Recipe is not null)
                    .Select(n => (n.Key, Recipe: n.Entry.Recipe!, n.Entry.Live))
                    .OrderBy(n => n.Live ? 0 : 1)   // stable: most recently used first within each
                    .Take(count)
                    .ToList();
            }
        }

        /// <summary>
        /// Starts the recomputations in this order (the gate runs work queued ahead in its order); a new
        /// generation's only, before anyone can ask it. After <paramref name="seconds"/> the ones nobody has
        /// asked for yet and that have not started are dropped; those with askers keep their place.
        /// </summary>
        public void Warm(List<(string Key, Func<CancellationToken, Task<object>> Recipe, bool Live)> keys, double seconds, Action<WarmingReport> done)
        {
            if (keys.Count == 0) return;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var started = keys.Select(k =>
            {
                var drop = new CancellationTokenSource();
                Task<object> answer;
                try { answer = k.Recipe(drop.Token); }
                catch (Exception e) { answer = Task.FromException<object>(e); }
                return (k.Key, Entry: new Entry(new Lazy<Task<object>>(answer), drop) { Recipe = k.Recipe }, k.Live);
            }).ToList();
            lock (_index)
            {
                // The last added is the most recently used: the first warmed stays in front.
                for (var i = started.Count - 1; i >= 0; i--) Add(started[i].Key, started[i].Entry);
                _warm = started.Select(s => s.Entry).ToList();
            }
            var readyAt = new double[started.Count];
            var left = started.Count;
            for (var i = 0; i < started.Count; i++)
            {
                var (key, entry, _) = started[i];
                var at = i;
                _ = entry.Answer.Value.ContinueWith(answer =>
                {
                    readyAt[at] = clock.Elapsed.TotalMilliseconds;
                    // A warm answer that fails is not kept (nor left unobserved, when nobody awaits it yet).
                    if (!answer.IsCompletedSuccessfully) { _ = answer.Exception; Remove(key, entry); }
                    if (Interlocked.Decrement(ref left) > 0) return;
                    var answers = started.Select(s => s.Entry.Answer.Value).ToList();
                    done(new WarmingReport(0, started.Count, started.Count(s => s.Live), answers.Count(a => a.IsFaulted), answers.Count(a => a.IsCanceled),
                        started.Select((s, n) => s.Live ? readyAt[n] : 0).Max(), readyAt.Max(), started.Select((s, n) => (s.Key, readyAt[n])).ToList()));
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            if (seconds <= 0) DropUnasked();
            else _ = Task.Delay(TimeSpan.FromSeconds(seconds)).ContinueWith(_ => DropUnasked(), TaskScheduler.Default);
        }

        private void DropUnasked()
        {
            List<Entry> unasked;
            lock (_index) unasked = _warm.Where(e => !e.Asked).ToList();
            foreach (var entry in unasked) entry.Drop!.Cancel();
        }

        /// <summary>A newer commit: the warm work still queued is dropped (its askers ask the newer generation).</summary>
        public void StopWarming()
        {
            List<Entry> warm;
            lock (_index) warm = _warm;
            foreach (var entry in warm) entry.Drop!.Cancel();
        }
    }
}

/// <summary>One commit's warming: answers recomputed (of them open pages'), failed, dropped unrun, and the milliseconds from the commit until the pages' answers and until all were in.</summary>
public sealed record WarmingReport(long BatchId, int Answers, int PageAnswers, int Failed, int Dropped, double PagesReadyMs, double AllReadyMs,
    IReadOnlyList<(string Key, double ReadyMs)> Keys);

/// <summary>How much a commit warms (configuration <c>Dashboards:MartCacheWarmAnswers</c>, <c>Dashboards:MartCacheWarmSeconds</c>).</summary>
public sealed record CacheWarming(int Answers = CacheWarming.DefaultAnswers, double Seconds = CacheWarming.DefaultSeconds)
{
    public const int DefaultAnswers = 100;
    public const double DefaultSeconds = 5;
}
