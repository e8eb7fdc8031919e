namespace Analytics.Warehouse.Marts;

/// <summary>The query queue is full (in total or for this client); the web API answers 503 with Retry-After.</summary>
public sealed class MartQueueFullException(TimeSpan retryAfter)
    : InvalidOperationException("Too many queries are waiting; try again shortly.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
