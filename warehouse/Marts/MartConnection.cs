using System.Data.Common;

namespace Analytics.Warehouse.Marts;

/// <summary>
/// How a query service reaches the catalog: an open connection the caller owns, or a factory
/// whose connection the service opens and disposes per call (for hosts that share services).
/// A host passes its <see cref="MartGate"/> too, and then no query runs outside it.
/// </summary>
public sealed class MartConnection
{
    private readonly DbConnection? _connection;
    private readonly Func<DbConnection>? _factory;
    private readonly MartGate? _gate;
    private int _running;
    private int _peakRunning;

    public MartConnection(DbConnection connection) => _connection = connection;
    public MartConnection(Func<DbConnection> factory, MartGate? gate = null) => (_factory, _gate) = (factory, gate);

    public static implicit operator MartConnection(DbConnection connection) => new(connection);

    /// <summary>The most queries this connection has run at the same moment (what the gate bounds).</summary>
    public int PeakRunning => Volatile.Read(ref _peakRunning);

    public T Use<T>(Func<DbConnection, T> work)
    {
        // A caller that did not queue at the gate (a page, an export) queues here, as an unnamed client.
        if (_gate is not null && !MartGate.IsAdmitted) return _gate.Run(MartGate.UnnamedClient, () => Use(work));
        var running = Interlocked.Increment(ref _running);
        for (var peak = PeakRunning; running > peak; peak = PeakRunning)
            Interlocked.CompareExchange(ref _peakRunning, running, peak);
        try
        {
            if (_connection is not null)
            {
                if (_connection.State != System.Data.ConnectionState.Open) _connection.Open();
                return work(_connection);
            }
            using var connection = _factory!();
            if (connection.State != System.Data.ConnectionState.Open) connection.Open();
            return work(connection);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
