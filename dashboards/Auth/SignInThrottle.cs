using System.Collections.Concurrent;

namespace Analytics.Dashboards.Auth;

/// <summary>After 5 failed sign-ins for one user name within 15 minutes, further attempts wait out the window.</summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    private const int MaxFailures = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string userName)
    {
        if (!_failures.TryGetValue(userName, out var list)) return false;
        lock (list)
        {
            list.RemoveAll(t => clock.GetUtcNow() - t > Window);
            return list.Count >= MaxFailures;
        }
    }

    public void Failed(string userName)
    {
        var list = _failures.GetOrAdd(userName, _ => []);
        lock (list) list.Add(clock.GetUtcNow());
    }

    public void Succeeded(string userName) => _failures.TryRemove(userName, out _);
}
