using System.Data.Common;

namespace Analytics.Warehouse.Marts;

/// <summary>
/// How a query service reaches the catalog: an open connection the caller owns, or a factory
/// whose connection the service opens and disposes per call (for hosts that share services).
/// </summary>
public sealed class MartConnection
{
    private readonly DbConnection? _connection;
    private readonly Func<DbConnection>? _factory;

    public MartConnection(DbConnection connection) => _connection = connection;
    public MartConnection(Func<DbConnection> factory) => _factory = factory;

    public static implicit operator MartConnection(DbConnection connection) => new(connection);

    public T Use<T>(Func<DbConnection, T> work)
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
}
