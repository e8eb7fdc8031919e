namespace Analytics.Warehouse.Marts;

/// <summary>
/// The one gate every mart query of a host passes: at most <c>slots</c> queries run at once, each
/// on one of the gate's own threads, and the others wait in a queue that takes clients in turn
/// (round robin), so a client asking for a hundred new figures waits behind its own requests
/// while another client's single request gets the next free slot. Waiting costs no thread: the
/// request awaits a task, so the thread pool stays free for sign-in, /health and cached answers.
/// The worker threads run at a lower OS priority than the host's, so a machine full of queries
/// still answers those at once. A full queue (in total or for one client) refuses at once with
/// <see cref="MartQueueFullException"/> instead of piling work up. Work queued ahead
/// (<see cref="RunAheadAsync{T}"/>: the answer cache recomputing, after a commit, the answers open
/// pages are about to ask for again) takes the next free slot before any client's.
/// </summary>
public sealed class MartGate : IDisposable, Analytics.Warehouse.DuckDb.IQueryAdmission
{
    /// <summary>The client of queries that arrive without one (a page or an export calling a service directly).</summary>
    public const string UnnamedClient = "";

    /// <summary>Nice 10 weighs a query thread at about a tenth of a request thread when both want the CPU.</summary>
    public const int DefaultThreadNice = 10;

    [ThreadStatic] private static bool t_onWorker;

    private readonly object _lock = new();
    private readonly Dictionary<string, Queue<WorkItem>> _waiting = [];
    private readonly Queue<string> _turns = new();   // clients with waiting work, in the order they are served
    private readonly Queue<WorkItem> _ahead = new();  // work served before every client's (RunAheadAsync)
    private readonly Thread[] _workers;
    private readonly int _queueLength;
    private readonly int _queuePerClient;
    private int _queued;
    private bool _disposed;
    private readonly int _threadNice;

    /// <param name="threadNice">the Linux nice value of the query threads (0: the host's own priority)</param>
    public MartGate(int slots, int queueLength, int queuePerClient, int threadNice = DefaultThreadNice)
    {
        _threadNice = threadNice;
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueLength, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(queuePerClient, 0);
        Slots = slots;
        _queueLength = queueLength;
        _queuePerClient = queuePerClient;
        _workers = Enumerable.Range(0, slots).Select(i => new Thread(Work) { IsBackground = true, Name = $"mart-query-{i}" }).ToArray();
        foreach (var worker in _workers) worker.Start();
    }

    public int Slots { get; }

    /// <summary>Queries waiting for a slot now (the clients' and the work queued ahead of them).</summary>
    public int Queued { get { lock (_lock) return _queued + _ahead.Count; } }

    /// <summary>How long a refused client is asked to wait before it tries again.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>True on the gate's own threads: a query there has its slot already.</summary>
    public static bool IsAdmitted => t_onWorker;

    /// <summary>
    /// Queues <paramref name="work"/> for <paramref name="client"/>; the task ends with its result or its exception.
    /// When <paramref name="abandoned"/> fires before the work's turn (the client went away, or waited long
    /// enough) the task is cancelled at once and the work is dropped unrun; once running, it finishes.
    /// </summary>
    public Task<T> RunAsync<T>(string client, Func<T> work, CancellationToken abandoned = default)
    {
        var item = new WorkItem<T>(work, abandoned);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _waiting.TryGetValue(client, out var queue);
            // Unnamed work (pages and exports of all users together) is bounded by the whole queue only.
            if (_queued >= _queueLength || (client != UnnamedClient && queue?.Count >= _queuePerClient))
                throw new MartQueueFullException(RetryAfter);
            if (queue is null)
            {
                _waiting[client] = queue = new Queue<WorkItem>();
                _turns.Enqueue(client);
            }
            queue.Enqueue(item);
            _queued++;
            Monitor.Pulse(_lock);
        }
        return item.Task;
    }

    /// <summary>
    /// Queues <paramref name="work"/> ahead of every client's: it takes the next free slot (in the order
    /// queued among such work). It is not bounded by the queue lengths: its caller bounds it (the answer
    /// cache's warming, at most Dashboards:MartCacheWarmAnswers per commit). Cancelled like <see cref="RunAsync{T}"/>.
    /// </summary>
    public Task<T> RunAheadAsync<T>(Func<T> work, CancellationToken abandoned = default)
    {
        var item = new WorkItem<T>(work, abandoned);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _ahead.Enqueue(item);
            Monitor.Pulse(_lock);
        }
        return item.Task;
    }

    /// <summary>The blocking form, for callers that are not async; on a gate thread the work runs at once.</summary>
    /// <summary>Work of a caller that did not queue as a client of its own (a page, an export): it queues as the unnamed client.</summary>
    public T Run<T>(Func<T> work) => Run(UnnamedClient, work);

    public T Run<T>(string client, Func<T> work) => IsAdmitted ? work() : RunAsync(client, work).GetAwaiter().GetResult();

    private void Work()
    {
        t_onWorker = true;
        BackgroundPriority.LowerCurrentThread(_threadNice);
        while (Next() is { } item) item.Run();
    }

    private WorkItem? Next()
    {
        lock (_lock)
        {
            while (_queued == 0 && _ahead.Count == 0 && !_disposed) Monitor.Wait(_lock);
            if (_ahead.TryDequeue(out var ahead)) return ahead;
            if (_queued == 0) return null;
            var client = _turns.Dequeue();
            var queue = _waiting[client];
            var item = queue.Dequeue();
            _queued--;
            if (queue.Count > 0) _turns.Enqueue(client);   // back of the line: the other clients go first
            else _waiting.Remove(client);
            return item;
        }
    }

    /// <summary>Drops the waiting work (its askers see a cancellation) and stops the workers after their current query.</summary>
    public void Dispose()
    {
        List<WorkItem> dropped;
        lock (_lock)
        {
            _disposed = true;
            dropped = _waiting.Values.SelectMany(q => q).Concat(_ahead).ToList();
            _waiting.Clear();
            _ahead.Clear();
            _turns.Clear();
            _queued = 0;
            Monitor.PulseAll(_lock);
        }
        foreach (var item in dropped) item.Cancel();
    }

    private abstract class WorkItem
    {
        public abstract void Run();
        public abstract void Cancel();
    }

    private sealed class WorkItem<T> : WorkItem
    {
        // Continuations must not run on the gate's thread: it belongs to the next query.
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task<T> Task => _done.Task;

        private readonly Func<T> _work;
        private readonly CancellationTokenRegistration _registration;
        private int _state;   // 0 waiting, 1 running, 2 cancelled (it stays in the queue and is skipped at its turn)

        public WorkItem(Func<T> work, CancellationToken abandoned)
        {
            _work = work;
            _registration = abandoned.UnsafeRegister(static item => ((WorkItem)item!).Cancel(), this);
        }

        public override void Run()
        {
            _registration.Dispose();
            if (Interlocked.CompareExchange(ref _state, 1, 0) != 0) return;
            try { _done.SetResult(_work()); }
            catch (Exception e) { _done.SetException(e); }
        }

        public override void Cancel()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0) _done.TrySetCanceled();
        }
    }
}
