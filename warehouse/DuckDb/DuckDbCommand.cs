using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// SQL run as prepared statements, so that every value is bound and never spliced into the text.
/// The text may hold several statements; all run in order and the last one's result is returned.
/// </summary>
public sealed class DuckDbCommand : DbCommand
{
    private DuckDbConnection? _connection;
    private volatile bool _cancelled;

    [AllowNull] public override string CommandText { get; set; } = "";
    public override int CommandTimeout { get; set; }
    public override CommandType CommandType { get; set; } = CommandType.Text;
    public override bool DesignTimeVisible { get; set; }
    public override UpdateRowSource UpdatedRowSource { get; set; }

    public new DuckDbParameterCollection Parameters { get; } = new();
    protected override DbParameterCollection DbParameterCollection => Parameters;

    public new DuckDbConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => _connection = (DuckDbConnection?)value;
    }

    protected override DbTransaction? DbTransaction { get; set; }

    /// <summary>Receives DuckDB's progress estimate about every 100 ms while a query runs.</summary>
    public IProgress<DuckDbQueryProgress>? Progress { get; set; }

    public new DuckDbParameter CreateParameter() => new();
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    public override void Prepare() { }

    /// <summary>Interrupts the running query (duckdb_interrupt); it ends with OperationCanceledException.</summary>
    public override void Cancel()
    {
        _cancelled = true;
        _connection?.Interrupt();
    }

    public override int ExecuteNonQuery() => (int)Execute(streamLast: false, CancellationToken.None).RowsChanged;

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
    }

    public new DuckDbDataReader ExecuteReader() => (DuckDbDataReader)ExecuteDbDataReader(CommandBehavior.Default);
    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => (DuckDbDataReader)ExecuteDbDataReader(behavior);

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        Execute(streamLast: true, CancellationToken.None, behavior).Reader!;

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        Task.Run(() => (DbDataReader)Execute(streamLast: true, cancellationToken, behavior).Reader!, CancellationToken.None);

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        Task.Run(() => (int)Execute(streamLast: false, cancellationToken).RowsChanged, CancellationToken.None);

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var reader = await ExecuteReaderAsync(cancellationToken);
            return reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
        }, CancellationToken.None);

    private (long RowsChanged, DuckDbDataReader? Reader) Execute(bool streamLast, CancellationToken token, CommandBehavior behavior = default)
    {
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        if (connection.OpenReader is not null)
            throw new InvalidOperationException("A data reader is already open on this connection; dispose it first (DuckDB streams one result per connection).");
        token.ThrowIfCancellationRequested();
        if (Progress is not null) connection.EnsureProgressTracking();
        _cancelled = false;
        var registration = token.CanBeCanceled ? token.Register(Cancel) : default;
        var handedOver = false;
        try
        {
            var extracted = IntPtr.Zero;
            try
            {
                var count = Extract(connection, out extracted);
                long rowsChanged = 0;
                for (ulong i = 0; i < count; i++)
                {
                    var statement = Prepare(connection, extracted, i);
                    try
                    {
                        ParameterBinder.Bind(statement, Parameters);
                        if (streamLast && i == count - 1)
                        {
                            var result = RunPending(connection, statement, streaming: true, token);
                            var reader = new DuckDbDataReader(this, connection, statement, result, registration, behavior, token);
                            statement = IntPtr.Zero; // the reader owns it now
                            handedOver = true;
                            return (rowsChanged, reader);
                        }
                        var materialized = RunPending(connection, statement, streaming: false, token);
                        rowsChanged += (long)NativeMethods.duckdb_rows_changed(ref materialized);
                        NativeMethods.duckdb_destroy_result(ref materialized);
                    }
                    finally
                    {
                        if (statement != IntPtr.Zero) NativeMethods.duckdb_destroy_prepare(ref statement);
                    }
                }
                return (rowsChanged, null);
            }
            finally
            {
                if (extracted != IntPtr.Zero) NativeMethods.duckdb_destroy_extracted(ref extracted);
            }
        }
        finally
        {
            if (!handedOver) registration.Dispose();
        }
    }

    private unsafe ulong Extract(DuckDbConnection connection, out IntPtr extracted)
    {
        using var sql = new Utf8Buffer(CommandText);
        ulong count;
        fixed (byte* p = sql.Bytes) count = NativeMethods.duckdb_extract_statements(connection.Handle, p, out extracted);
        if (count == 0)
            throw Error(NativeMethods.PtrToString(NativeMethods.duckdb_extract_statements_error(extracted)) ?? "The command text holds no SQL statement.");
        return count;
    }

    private IntPtr Prepare(DuckDbConnection connection, IntPtr extracted, ulong index)
    {
        if (NativeMethods.duckdb_prepare_extracted_statement(connection.Handle, extracted, index, out var statement) == DuckDbState.Success)
            return statement;
        var message = NativeMethods.PtrToString(NativeMethods.duckdb_prepare_error(statement)) ?? "unknown error";
        NativeMethods.duckdb_destroy_prepare(ref statement);
        throw Error(message);
    }

    /// <summary>
    /// Drives execution on the calling thread through the pending-result API, which is where a
    /// long query can report progress and notice an interrupt.
    /// </summary>
    private DuckDbResult RunPending(DuckDbConnection connection, IntPtr statement, bool streaming, CancellationToken token)
    {
        var state = streaming
            ? NativeMethods.duckdb_pending_prepared_streaming(statement, out var pending)
            : NativeMethods.duckdb_pending_prepared(statement, out pending);
        try
        {
            if (state != DuckDbState.Success)
                throw Failure(NativeMethods.PtrToString(NativeMethods.duckdb_pending_error(pending)), token);

            var clock = Stopwatch.StartNew();
            var lastReport = 0L;
            var spin = new SpinWait();
            while (true)
            {
                var step = NativeMethods.duckdb_pending_execute_task(pending);
                if (step == DuckDbPendingState.ResultReady) break;
                if (step == DuckDbPendingState.Error)
                    throw Failure(NativeMethods.PtrToString(NativeMethods.duckdb_pending_error(pending)), token);
                if (step == DuckDbPendingState.NoTasksAvailable) spin.SpinOnce(sleep1Threshold: 20);
                if (Progress is not null && clock.ElapsedMilliseconds - lastReport >= 100)
                {
                    lastReport = clock.ElapsedMilliseconds;
                    Progress.Report(connection.QueryProgress);
                }
            }

            if (NativeMethods.duckdb_execute_pending(pending, out var result) != DuckDbState.Success)
            {
                var message = NativeMethods.PtrToString(NativeMethods.duckdb_result_error(ref result));
                NativeMethods.duckdb_destroy_result(ref result);
                throw Failure(message, token);
            }
            return result;
        }
        finally
        {
            NativeMethods.duckdb_destroy_pending(ref pending);
        }
    }

    /// <summary>The exception for a failed execution: cancellation if we asked for it, DuckDB's error otherwise.</summary>
    internal Exception Failure(string? message, CancellationToken token)
    {
        if (_cancelled || token.IsCancellationRequested)
            return new OperationCanceledException("The query was cancelled.", token);
        return Error(message ?? "unknown error");
    }

    private DuckDbException Error(string message) => new(message) { CommandText = CommandText };
}
