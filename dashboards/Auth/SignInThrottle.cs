namespace Analytics.Dashboards.Auth;

/// <summary>
/// After 5 failed sign-ins for one user name from one client address within 15 minutes, that client
/// waits out the window for that name. Keyed by client as well as name, so someone guessing cannot
/// lock the real user out from their own desk (the per-client rate limit slows the guessing itself).
/// At most <c>capacity</c> pairs are remembered; the least recently failed are forgotten first, so
/// the memory it holds is bounded whatever is posted.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, int capacity = SignInThrottle.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;
    private const int MaxFailures = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly Dictionary<(string Client, string UserName), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();   // most recently failed first
    private readonly object _lock = new();

    private sealed record Entry((string Client, string UserName) Key, Queue<DateTimeOffset> Failures);

    /// <summary>How many (client, user name) pairs are remembered.</summary>
    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public bool IsLocked(string client, string userName)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(Key(client, userName), out var node)) return false;
            var failures = node.Value.Failures;
            while (failures.Count > 0 && clock.GetUtcNow() - failures.Peek() > Window) failures.Dequeue();
            return failures.Count >= MaxFailures;
        }
    }

    public void Failed(string client, string userName)
    {
        var key = Key(client, userName);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node)) _recency.Remove(node);
            else
            {
                if (_entries.Count >= capacity) Forget(_recency.Last!);
                node = new LinkedListNode<Entry>(new Entry(key, new Queue<DateTimeOffset>()));
                _entries[key] = node;
            }
            _recency.AddFirst(node);
            var failures = node.Value.Failures;
            failures.Enqueue(clock.GetUtcNow());
            while (failures.Count > MaxFailures) failures.Dequeue();
        }
    }

    public void Succeeded(string client, string userName)
    {
        lock (_lock)
            if (_entries.TryGetValue(Key(client, userName), out var node)) Forget(node);
    }

    private void Forget(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        _recency.Remove(node);
    }

    // User names are case-insensitive (UserStore), so the key is too.
    private static (string, string) Key(string client, string userName) => (client, userName.ToUpperInvariant());
}
