namespace Analytics.Dashboards.Host;

/// <summary>
/// How much of the machine the web host's mart queries may take (configuration section
/// <c>Dashboards</c>): the answer cache's size, the queries run at once and the queue before them.
/// </summary>
public sealed class QueryLimits
{
    public const string SectionName = "Dashboards";

    /// <summary>Answers the cache keeps; the least recently used goes first.</summary>
    public int MartCacheEntries { get; set; } = Data.MartCache.DefaultCapacity;

    /// <summary>
    /// After a commit, at most this many of the answers asked for since the previous commit are recomputed
    /// at once, ahead of the users' queries (open pages' first, then the most recently used); 0 warms none.
    /// </summary>
    public int MartCacheWarmAnswers { get; set; } = Data.CacheWarming.DefaultAnswers;

    /// <summary>
    /// Seconds after a commit after which the warm recomputations nobody has asked for yet and not started are
    /// dropped (they are computed when asked for); those someone awaits keep their place ahead of the queue.
    /// </summary>
    public double MartCacheWarmSeconds { get; set; } = Data.CacheWarming.DefaultSeconds;

    /// <summary>Mart queries running at once, each on one core (see <see cref="QueryThreads"/>).</summary>
    public int MaxConcurrentQueries { get; set; } = Environment.ProcessorCount;

    /// <summary>Queries waiting for a slot, all clients together; beyond it a request is answered 503 with Retry-After.</summary>
    public int QueryQueueLength { get; set; } = 200;

    /// <summary>Seconds a request waits for its query's turn before it is answered 503 with Retry-After.</summary>
    public int QueryWaitSeconds { get; set; } = 15;

    /// <summary>Queries one client (signed-in user, else address) may have waiting; beyond it 503 with Retry-After.</summary>
    public int QueryQueuePerClient { get; set; } = 10;

    /// <summary>
    /// DuckDB threads per query. One keeps a query on its gate thread (whose lower priority then
    /// covers all of its work), so the queries never hold more than MaxConcurrentQueries cores.
    /// </summary>
    public int QueryThreads { get; set; } = 1;

    /// <summary>
    /// Linux nice value of the query threads: when the CPU is short, sign-in, /health and cached
    /// answers go first. 0 runs queries at the host's own priority (on a machine shared with other
    /// busy processes, a nice query waits for them too).
    /// </summary>
    public int QueryThreadNice { get; set; } = Warehouse.Marts.MartGate.DefaultThreadNice;

    public static QueryLimits From(IConfiguration configuration)
    {
        var limits = new QueryLimits();
        configuration.GetSection(SectionName).Bind(limits);
        return limits;
    }
}
