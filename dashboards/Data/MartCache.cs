using System.Collections.Concurrent;
using Analytics.Ingest;

namespace Analytics.Dashboards.Data;

/// <summary>
/// The answers of the query services, kept until the next committed batch. The catalog changes
/// only when a batch commits, and the commit raises <see cref="LakeEvents.LakeChanged"/> in this
/// process (also for batches another process wrote: the host's next pass syncs them), so until
/// then a figure asked for twice is the same figure. Without this, every request would scan the
/// lake again (hundreds of ms under load).
/// </summary>
public sealed class MartCache
{
    private const int MaxEntries = 2_000;
    private ConcurrentDictionary<string, Lazy<object>> _entries = new();

    public MartCache(LakeEvents events) => events.LakeChanged += (_, _) => Clear();

    public T Get<T>(string key, Func<T> compute)
    {
        // An answer computed while a batch commits lands in the generation it started in, which
        // the commit has already dropped, so it can never outlive the data it was computed from.
        var entries = _entries;
        if (entries.Count > MaxEntries) Clear();
        var lazy = entries.GetOrAdd(key, _ => new Lazy<object>(() => compute()!, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            entries.TryRemove(key, out _);   // errors (bad filters, no data yet) are not remembered
            throw;
        }
    }

    public void Clear() => _entries = new();
}
