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
/// </summary>
public sealed class MartCache
{
    public const int DefaultCapacity = 2_000;

    private readonly int _capacity;
    private Generation _current;
    private long _hits;
    private long _misses;

    public MartCache(LakeEvents events, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _current = new Generation(capacity);
        events.LakeChanged += (_, _) => Clear();
    }

    /// <summary>Answers kept now.</summary>
    public int Count => _current.Count;

    /// <summary>Requests answered from the cache, and those that had to compute (since the host started).</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    public T Get<T>(string key, Func<T> compute) => GetAsync(key, () => Task.FromResult(compute())).GetAwaiter().GetResult();

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute)
    {
        // An answer computed while a batch commits lands in the generation it started in, which
        // the commit has already dropped, so it can never outlive the data it was computed from.
        var generation = _current;
        var (answer, found) = generation.GetOrAdd(key, () => new Lazy<Task<object>>(async () => (await compute())!, LazyThreadSafetyMode.ExecutionAndPublication));
        Interlocked.Increment(ref found ? ref _hits : ref _misses);
        try
        {
            return (T)await answer.Value;
        }
        catch
        {
            generation.Remove(key, answer);   // errors (bad filters, no data yet, a full queue) are not remembered
            throw;
        }
    }

    public void Clear() => _current = new Generation(_capacity);

    /// <summary>The answers of one catalog state, most recently used first.</summary>
    private sealed class Generation(int capacity)
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<Task<object>> Answer)>> _index = [];
        private readonly LinkedList<(string Key, Lazy<Task<object>> Answer)> _recency = new();

        public int Count { get { lock (_index) return _index.Count; } }

        public (Lazy<Task<object>> Answer, bool Found) GetOrAdd(string key, Func<Lazy<Task<object>>> create)
        {
            lock (_index)
            {
                if (_index.TryGetValue(key, out var node))
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    return (node.Value.Answer, true);
                }
                if (_index.Count >= capacity)
                {
                    // An answer still being computed may go too: its askers hold it and still get it.
                    _index.Remove(_recency.Last!.Value.Key);
                    _recency.RemoveLast();
                }
                var answer = create();
                _index[key] = _recency.AddFirst((key, answer));
                return (answer, false);
            }
        }

        public void Remove(string key, Lazy<Task<object>> answer)
        {
            lock (_index)
            {
                if (!_index.TryGetValue(key, out var node) || node.Value.Answer != answer) return;
                _index.Remove(key);
                _recency.Remove(node);
            }
        }
    }
}
