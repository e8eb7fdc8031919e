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
/// <see cref="CacheWarming.Answers"/> of them and only as long as <see cref="CacheWarming.Seconds"/>.
/// An asker of a warmed key awaits its warm answer instead of queueing behind the other users; a key
/// not warmed is computed on demand as before. A warm answer that fails is not kept; one dropped
/// unrun (the time is up, or another commit came first) sends its askers to compute it themselves.
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

    /// <summary>Answers kept now.</summary>
    public int Count => _current.Count;

    /// <summary>Requests answered from the cache, and those that had to compute (since the host started).</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    public T Get<T>(string key, Func<T> compute) => GetAsync(key, () => Task.FromResult(compute())).GetAwaiter().GetResult();

    /// <param name="compute">computes the answer for this asker (queued at the gate as its client's)</param>
    /// <param name="warm">recomputes it after a commit, ahead of the users' queries (the gate's
    /// <c>RunAheadAsync</c>), until the token says the warming is over; none: the key is never warmed</param>
    /// <param name="live">asked by an open page that asks again at every commit: warmed before the others</param>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute, Func<CancellationToken, Task<T>>? warm = null, bool live = false)
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
                return (T)await entry.Answer.Value;
            }
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
            next.Warm(previous.ToWarm(Math.Min(_warming.Answers, _capacity)), _warming.Seconds);
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
    private sealed class Entry(Lazy<Task<object>> answer, bool warmed = false)
    {
        public Lazy<Task<object>> Answer { get; } = answer;
        /// <summary>Computed by the warming, not by an asker: dropped unrun, its askers compute it themselves.</summary>
        public bool Warmed { get; } = warmed;
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
        private CancellationTokenSource? _warming;

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

        /// <summary>Starts the recomputations in this order (the gate runs work queued ahead in its order); a new generation's only.</summary>
        public void Warm(List<(string Key, Func<CancellationToken, Task<object>> Recipe, bool Live)> keys, double seconds)
        {
            if (keys.Count == 0) return;
            _warming = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(0, seconds)));
            var token = _warming.Token;
            var started = keys.Select(k =>
            {
                Task<object> answer;
                try { answer = k.Recipe(token); }
                catch (Exception e) { answer = Task.FromException<object>(e); }
                return (k.Key, Entry: new Entry(new Lazy<Task<object>>(answer), warmed: true) { Recipe = k.Recipe });
            }).ToList();
            lock (_index)
            {
                // The last added is the most recently used: the first warmed stays in front.
                for (var i = started.Count - 1; i >= 0; i--) Add(started[i].Key, started[i].Entry);
            }
            foreach (var (key, entry) in started)
            {
                // A warm answer that fails is not kept (nor left unobserved, when nobody awaits it yet).
                _ = entry.Answer.Value.ContinueWith(failed => { _ = failed.Exception; Remove(key, entry); },
                    CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        /// <summary>Drops the warm work still queued (its askers compute it themselves).</summary>
        public void StopWarming() => _warming?.Cancel();
    }
}

/// <summary>How much a commit warms (configuration <c>Dashboards:MartCacheWarmAnswers</c>, <c>Dashboards:MartCacheWarmSeconds</c>).</summary>
public sealed record CacheWarming(int Answers = CacheWarming.DefaultAnswers, double Seconds = CacheWarming.DefaultSeconds)
{
    public const int DefaultAnswers = 100;
    public const double DefaultSeconds = 5;
}
