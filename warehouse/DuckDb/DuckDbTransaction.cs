using System.Data;
using System.Data.Common;

namespace Analytics.Warehouse.DuckDb;

/// <summary>A DuckDB transaction (snapshot isolation, optimistic concurrency). Disposing without Commit rolls back.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private DuckDbConnection? _connection;

    internal DuckDbTransaction(DuckDbConnection connection, IsolationLevel isolationLevel)
    {
        _connection = connection;
        IsolationLevel = isolationLevel;
    }

    public override IsolationLevel IsolationLevel { get; }
    protected override DbConnection? DbConnection => _connection;

    public override void Commit() => Finish("COMMIT");
    public override void Rollback() => Finish("ROLLBACK");

    private void Finish(string sql)
    {
        var connection = _connection ?? throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        _connection = null;
        connection.Transaction = null;
        connection.ExecuteNonQuery(sql);
    }

    protected override void Dispose(bool disposing)
    {
        if (_connection is { State: ConnectionState.Open }) Rollback();
        _connection = null;
        base.Dispose(disposing);
    }
}
