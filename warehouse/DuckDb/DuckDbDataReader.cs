using System.Collections;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// Streams a result one data chunk (up to 2,048 rows) at a time: memory stays flat however many
/// rows the query returns. Typed getters read straight from DuckDB's vectors.
/// </summary>
public sealed unsafe class DuckDbDataReader : DbDataReader
{
    private readonly DuckDbCommand _command;
    private readonly DuckDbConnection _connection;
    private readonly CommandBehavior _behavior;
    private readonly CancellationToken _token;
    private CancellationTokenRegistration _registration;
    private IntPtr _statement;
    private DuckDbResult _result;
    private readonly ColumnType[] _types;
    private readonly string[] _names;
    private readonly VectorReader[] _vectors;
    private IntPtr _chunk;
    private ulong _chunkSize;
    private ulong _row;
    private bool _done;
    private bool _closed;
    private readonly Stopwatch _progressClock = Stopwatch.StartNew();
    private long _lastProgress;

    internal DuckDbDataReader(DuckDbCommand command, DuckDbConnection connection, IntPtr statement, DuckDbResult result,
        CancellationTokenRegistration registration, CommandBehavior behavior, CancellationToken token)
    {
        _command = command;
        _connection = connection;
        _statement = statement;
        _result = result;
        _registration = registration;
        _behavior = behavior;
        _token = token;
        var count = (int)NativeMethods.duckdb_column_count(ref _result);
        _types = new ColumnType[count];
        _names = new string[count];
        _vectors = new VectorReader[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.PtrToString(NativeMethods.duckdb_column_name(ref _result, (ulong)i)) ?? $"column{i}";
            var logicalType = NativeMethods.duckdb_column_logical_type(ref _result, (ulong)i);
            try { _types[i] = ColumnType.FromLogicalType(logicalType); }
            finally { NativeMethods.duckdb_destroy_logical_type(ref logicalType); }
        }
        RecordsAffected = NativeMethods.duckdb_result_return_type(_result) == DuckDbResultType.ChangedRows
            ? (int)NativeMethods.duckdb_rows_changed(ref _result) : -1;
        _row = 0;
        connection.OpenReader = this;
    }

    public override int FieldCount => _types.Length;
    public override int RecordsAffected { get; }
    public override bool HasRows => true;
    public override bool IsClosed => _closed;
    public override int Depth => 0;

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <summary>The DuckDB type of a column, with decimal width/scale and list element type.</summary>
    public ColumnType GetColumnType(int ordinal) => _types[ordinal];

    public override bool Read()
    {
        if (_done) return false;
        if (_chunk != IntPtr.Zero && ++_row < _chunkSize) return true;
        return NextChunk();
    }

    private bool NextChunk()
    {
        while (true)
        {
            if (_chunk != IntPtr.Zero) NativeMethods.duckdb_destroy_data_chunk(ref _chunk);
            _chunk = NativeMethods.duckdb_fetch_chunk(_result);
            ReportProgress();
            if (_chunk == IntPtr.Zero)
            {
                _done = true;
                var error = NativeMethods.PtrToString(NativeMethods.duckdb_result_error(ref _result));
                if (error is not null) throw _command.Failure(error, _token);
                return false;
            }
            _chunkSize = NativeMethods.duckdb_data_chunk_get_size(_chunk);
            if (_chunkSize == 0) continue;
            _row = 0;
            for (var i = 0; i < _vectors.Length; i++)
                _vectors[i] = new VectorReader(NativeMethods.duckdb_data_chunk_get_vector(_chunk, (ulong)i), _types[i]);
            return true;
        }
    }

    private void ReportProgress()
    {
        if (_command.Progress is null || _progressClock.ElapsedMilliseconds - _lastProgress < 100) return;
        _lastProgress = _progressClock.ElapsedMilliseconds;
        _command.Progress.Report(_connection.QueryProgress);
    }

    public override bool NextResult() => false;

    private ref readonly VectorReader Current(int ordinal)
    {
        if (_chunk == IntPtr.Zero) throw new InvalidOperationException(_done ? "No more rows." : "Call Read() first.");
        return ref _vectors[ordinal];
    }

    public override bool IsDBNull(int ordinal) => Current(ordinal).IsNull(_row);

    public override object GetValue(int ordinal) => Current(ordinal).GetValue(_row);

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    public override bool GetBoolean(int ordinal) => Current(ordinal).Type.Id == DuckDbType.Boolean
        ? NotNull(ordinal).Get<byte>(_row) != 0 : Convert.ToBoolean(GetValue(ordinal));

    public override byte GetByte(int ordinal) => Convert.ToByte(GetValue(ordinal));
    public override short GetInt16(int ordinal) => Current(ordinal).Type.Id == DuckDbType.SmallInt
        ? NotNull(ordinal).Get<short>(_row) : Convert.ToInt16(GetValue(ordinal));

    public override int GetInt32(int ordinal) => Current(ordinal).Type.Id == DuckDbType.Integer
        ? NotNull(ordinal).Get<int>(_row) : Convert.ToInt32(GetValue(ordinal));

    public override long GetInt64(int ordinal)
    {
        ref readonly var v = ref Current(ordinal);
        return v.Type.Id switch
        {
            DuckDbType.BigInt => NotNull(ordinal).Get<long>(_row),
            DuckDbType.Integer => NotNull(ordinal).Get<int>(_row),
            DuckDbType.HugeInt => (long)NotNull(ordinal).Get<DuckDbHugeInt>(_row).ToInt128(),
            _ => Convert.ToInt64(GetValue(ordinal)),
        };
    }

    public override float GetFloat(int ordinal) => Current(ordinal).Type.Id == DuckDbType.Float
        ? NotNull(ordinal).Get<float>(_row) : Convert.ToSingle(GetValue(ordinal));

    public override double GetDouble(int ordinal) => Current(ordinal).Type.Id == DuckDbType.Double
        ? NotNull(ordinal).Get<double>(_row) : Convert.ToDouble(GetValue(ordinal));

    public override decimal GetDecimal(int ordinal) => Current(ordinal).Type.Id == DuckDbType.Decimal
        ? NotNull(ordinal).GetDecimal(_row) : Convert.ToDecimal(GetValue(ordinal));

    public override string GetString(int ordinal) => Current(ordinal).Type.Id == DuckDbType.Varchar
        ? NotNull(ordinal).GetString(_row) : Convert.ToString(GetValue(ordinal))!;

    public override DateTime GetDateTime(int ordinal) => GetValue(ordinal) switch
    {
        DateTime d => d,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DBNull => throw NullValue(ordinal),
        var other => Convert.ToDateTime(other),
    };

    public DateOnly GetDate(int ordinal) => Current(ordinal).Type.Id == DuckDbType.Date
        ? ValueConversions.DateFromDays(NotNull(ordinal).Get<int>(_row)) : DateOnly.FromDateTime(GetDateTime(ordinal));

    public Int128 GetInt128(int ordinal) => Current(ordinal).Type.Id == DuckDbType.HugeInt
        ? NotNull(ordinal).Get<DuckDbHugeInt>(_row).ToInt128() : (Int128)GetInt64(ordinal);

    public override char GetChar(int ordinal) => GetString(ordinal)[0];
    public override Guid GetGuid(int ordinal) => GetValue(ordinal) is Guid g ? g : Guid.Parse(GetString(ordinal));

    public override T GetFieldValue<T>(int ordinal)
    {
        var value = GetValue(ordinal);
        if (value is DBNull)
        {
            if (default(T) is null) return default!;
            throw NullValue(ordinal);
        }
        if (value is T typed) return typed;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (target == typeof(DateTime) && value is DateOnly date) return (T)(object)date.ToDateTime(TimeOnly.MinValue);
        if (target == typeof(DateOnly) && value is DateTime time) return (T)(object)DateOnly.FromDateTime(time);
        return (T)Convert.ChangeType(value, target);
    }

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = (byte[])GetValue(ordinal);
        if (buffer is null) return bytes.Length;
        var n = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, n);
        return n;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null) return text.Length;
        var n = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, n);
        return n;
    }

    public override string GetDataTypeName(int ordinal) => _types[ordinal].DataTypeName;
    public override Type GetFieldType(int ordinal) => _types[ordinal].ClrType;
    public override string GetName(int ordinal) => _names[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _names.Length; i++)
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new IndexOutOfRangeException($"The result has no column '{name}'.");
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    private ref readonly VectorReader NotNull(int ordinal)
    {
        ref readonly var v = ref _vectors[ordinal];
        if (v.IsNull(_row)) throw NullValue(ordinal);
        return ref v;
    }

    private InvalidCastException NullValue(int ordinal) =>
        new($"Column '{_names[ordinal]}' is NULL in this row; check IsDBNull first.");

    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        if (_chunk != IntPtr.Zero) NativeMethods.duckdb_destroy_data_chunk(ref _chunk);
        NativeMethods.duckdb_destroy_result(ref _result);
        if (_statement != IntPtr.Zero) NativeMethods.duckdb_destroy_prepare(ref _statement);
        _registration.Dispose();
        _connection.OpenReader = null;
        if (_behavior.HasFlag(CommandBehavior.CloseConnection)) _connection.Close();
    }

    protected override void Dispose(bool disposing)
    {
        Close();
        base.Dispose(disposing);
    }
}
