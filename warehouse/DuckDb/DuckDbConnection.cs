using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>A connection to an in-process DuckDB database (a file, or <c>:memory:</c>).</summary>
public sealed class DuckDbConnection : DbConnection
{
    private DuckDbConnectionStringBuilder _settings;
    private DuckDbDatabase? _database;
    private IntPtr _handle;
    private ConnectionState _state = ConnectionState.Closed;

    public DuckDbConnection() : this("") { }

    public DuckDbConnection(string connectionString)
    {
        _settings = new DuckDbConnectionStringBuilder(connectionString);
    }

    [AllowNull]
    public override string ConnectionString
    {
        get => _settings.ConnectionString;
        set
        {
            if (_state != ConnectionState.Closed) throw new InvalidOperationException("Close the connection before changing its connection string.");
            _settings = new DuckDbConnectionStringBuilder(value);
        }
    }

    public override string Database => "main";
    public override string DataSource => _settings.DataSource;
    public override string ServerVersion => NativeMethods.PtrToString(NativeMethods.duckdb_library_version()) ?? "";
    public override ConnectionState State => _state;

    /// <summary>The duckdb_connection handle, for code that talks to the C API directly (the benchmark).</summary>
    public IntPtr NativeHandle => Handle;

    internal IntPtr Handle => _state == ConnectionState.Open ? _handle : throw new InvalidOperationException("The connection is not open.");

    /// <summary>The reader currently streaming a result; DuckDB allows one per connection.</summary>
    internal DuckDbDataReader? OpenReader { get; set; }

    internal DuckDbTransaction? Transaction { get; set; }

    public override void Open()
    {
        if (_state == ConnectionState.Open) return;
        var database = DuckDbDatabase.Acquire(_settings);
        if (NativeMethods.duckdb_connect(database.Handle, out _handle) != DuckDbState.Success)
        {
            database.Release();
            throw new DuckDbException($"Cannot connect to DuckDB database '{DataSource}'.");
        }
        _database = database;
        _state = ConnectionState.Open;
    }

    public override void Close()
    {
        if (_state == ConnectionState.Closed) return;
        OpenReader?.Dispose();
        if (Transaction is { } tx) tx.Dispose();
        NativeMethods.duckdb_disconnect(ref _handle);
        _database?.Release();
        _database = null;
        _state = ConnectionState.Closed;
    }

    protected override void Dispose(bool disposing)
    {
        Close();
        base.Dispose(disposing);
    }

    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections have one database; use ATTACH for others.");

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (Transaction is not null) throw new InvalidOperationException("A transaction is already in progress on this connection.");
        ExecuteNonQuery("BEGIN TRANSACTION");
        return Transaction = new DuckDbTransaction(this, isolationLevel);
    }

    public new DuckDbTransaction BeginTransaction() => (DuckDbTransaction)BeginDbTransaction(IsolationLevel.Snapshot);

    protected override DbCommand CreateDbCommand() => new DuckDbCommand { Connection = this };

    public new DuckDbCommand CreateCommand() => (DuckDbCommand)CreateDbCommand();

    /// <summary>Runs SQL that returns nothing of interest; values are bound to $1, $2, … or ?.</summary>
    public int ExecuteNonQuery(string sql, params object?[] parameters)
    {
        using var command = CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters) command.Parameters.Add(new DuckDbParameter { Value = value });
        return command.ExecuteNonQuery();
    }

    /// <summary>The first value of SQL's first row; values are bound to $1, $2, … or ?.</summary>
    public object? ExecuteScalar(string sql, params object?[] parameters)
    {
        using var command = CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters) command.Parameters.Add(new DuckDbParameter { Value = value });
        return command.ExecuteScalar();
    }

    /// <summary>Asks DuckDB to stop the query running on this connection; safe from any thread.</summary>
    public void Interrupt()
    {
        if (_state == ConnectionState.Open) NativeMethods.duckdb_interrupt(_handle);
    }

    private bool _progressTracking;

    /// <summary>
    /// DuckDB only estimates progress when its progress bar is on; we turn it on (without printing)
    /// the first time a command on this connection asks for progress.
    /// </summary>
    internal void EnsureProgressTracking()
    {
        if (_progressTracking) return;
        ExecuteNonQuery("SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0");
        _progressTracking = true;
    }

    /// <summary>How far the running query is, as DuckDB estimates it (percentage −1 when unknown).</summary>
    public DuckDbQueryProgress QueryProgress => NativeMethods.duckdb_query_progress(Handle);

    /// <summary>A bulk appender into <paramref name="table"/>, far faster than INSERT per row.</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null) => new(this, schema, table);
}
