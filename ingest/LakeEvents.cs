namespace Analytics.Ingest;

/// <summary>Raised after a batch is visible in the catalog: the datasets it changed and its id.</summary>
public sealed class LakeChangedEventArgs(long batchId, IReadOnlyList<string> datasets) : EventArgs
{
    public long BatchId { get; } = batchId;
    public IReadOnlyList<string> Datasets { get; } = datasets;
}

/// <summary>
/// The commit notification the dashboards subscribe to (a singleton in the host). Handlers run on
/// the ingest thread after the catalog transaction committed; a throwing handler is isolated.
/// </summary>
public sealed class LakeEvents
{
    public event EventHandler<LakeChangedEventArgs>? LakeChanged;

    internal void Raise(long batchId, IReadOnlyList<string> datasets)
    {
        var handlers = LakeChanged;
        if (handlers is null) return;
        foreach (EventHandler<LakeChangedEventArgs> handler in handlers.GetInvocationList())
        {
            try { handler(this, new LakeChangedEventArgs(batchId, datasets)); }
            catch (Exception e) { Console.Error.WriteLine($"LakeChanged handler failed: {e.Message}"); }
        }
    }
}
