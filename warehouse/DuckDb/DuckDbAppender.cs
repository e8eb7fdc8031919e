using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// DuckDB's appender: rows go straight into a table's storage, in column order, bypassing the
/// SQL layer. Append each column's value, then <see cref="EndRow"/>. Dispose (or Close) flushes.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private IntPtr _handle;
    private readonly string _table;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        _table = table;
        if (NativeMethods.duckdb_appender_create(connection.Handle, schema, table, out _handle) != DuckDbState.Success)
        {
            var message = NativeMethods.PtrToString(NativeMethods.duckdb_appender_error(_handle));
            NativeMethods.duckdb_appender_destroy(ref _handle);
            throw new DuckDbException($"Cannot append to '{table}': {message}");
        }
        ColumnCount = (int)NativeMethods.duckdb_appender_column_count(_handle);
    }

    public int ColumnCount { get; }

    public DuckDbAppender AppendNull() => Check(NativeMethods.duckdb_append_null(_handle));
    public DuckDbAppender Append(bool value) => Check(NativeMethods.duckdb_append_bool(_handle, value ? (byte)1 : (byte)0));
    public DuckDbAppender Append(short value) => Check(NativeMethods.duckdb_append_int16(_handle, value));
    public DuckDbAppender Append(int value) => Check(NativeMethods.duckdb_append_int32(_handle, value));
    public DuckDbAppender Append(long value) => Check(NativeMethods.duckdb_append_int64(_handle, value));
    public DuckDbAppender Append(Int128 value) => Check(NativeMethods.duckdb_append_hugeint(_handle, new DuckDbHugeInt(value)));
    public DuckDbAppender Append(double value) => Check(NativeMethods.duckdb_append_double(_handle, value));
    public DuckDbAppender Append(DateOnly value) => Check(NativeMethods.duckdb_append_date(_handle, ValueConversions.DaysFromDate(value)));
    public DuckDbAppender Append(DateTime value) => Check(NativeMethods.duckdb_append_timestamp(_handle, ValueConversions.MicrosFromTimestamp(value)));

    public DuckDbAppender Append(decimal value)
    {
        // Through a DECIMAL value, so the column receives the exact digits whatever its scale.
        var handle = NativeMethods.duckdb_create_decimal(ValueConversions.ToDuckDbDecimal(value));
        try { return Check(NativeMethods.duckdb_append_value(_handle, handle)); }
        finally { NativeMethods.duckdb_destroy_value(ref handle); }
    }

    public DuckDbAppender Append(string? value)
    {
        if (value is null) return AppendNull();
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* p = buffer) return Check(NativeMethods.duckdb_append_varchar_length(_handle, p, (ulong)byteCount));
    }

    /// <summary>Appends a boxed value by its CLR type (null and DBNull append NULL).</summary>
    public DuckDbAppender AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        bool v => Append(v),
        short v => Append(v),
        int v => Append(v),
        long v => Append(v),
        Int128 v => Append(v),
        double v => Append(v),
        float v => Append(v),
        decimal v => Append(v),
        DateOnly v => Append(v),
        DateTime v => Append(v),
        string v => Append(v),
        _ => throw new NotSupportedException($"Cannot append a {value.GetType().Name} to '{_table}'."),
    };

    public void EndRow() => Check(NativeMethods.duckdb_appender_end_row(_handle));

    /// <summary>Appends one whole row.</summary>
    public void AppendRow(params object?[] values)
    {
        foreach (var value in values) AppendValue(value);
        EndRow();
    }

    public void Flush() => Check(NativeMethods.duckdb_appender_flush(_handle));

    public void Close()
    {
        if (_handle == IntPtr.Zero) return;
        try { Check(NativeMethods.duckdb_appender_close(_handle)); }
        finally { NativeMethods.duckdb_appender_destroy(ref _handle); }
    }

    public void Dispose() => Close();

    private DuckDbAppender Check(DuckDbState state)
    {
        if (state == DuckDbState.Success) return this;
        var message = NativeMethods.PtrToString(NativeMethods.duckdb_appender_error(_handle)) ?? "unknown error";
        throw new DuckDbException($"Appending to '{_table}' failed: {message}");
    }
}
