using System.Runtime.InteropServices;
using System.Text;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Ingest.Lake;

/// <summary>The staged column types a <see cref="ChunkAppender"/> writes (decimals by their storage width).</summary>
public enum StageKind { Varchar, Date, Integer, BigInt, Boolean, Decimal32, Decimal64 }

/// <summary>A staged column: its kind, and width/scale for decimals (DuckDB stores DECIMAL(≤9) as int32, DECIMAL(≤18) as int64 unscaled).</summary>
public readonly record struct StageColumn(StageKind Kind, byte Width = 0, byte Scale = 0)
{
    public static StageColumn Decimal(int width, int scale) =>
        new(width <= 9 ? StageKind.Decimal32 : StageKind.Decimal64, (byte)width, (byte)scale);
}

/// <summary>
/// DuckDB's appender for one table, taking whole data chunks; several <see cref="ChunkAppender"/>s
/// (one per thread) fill chunks in parallel and hand them in here one at a time.
/// </summary>
public sealed unsafe class NativeAppender : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _appender;

    public NativeAppender(DuckDbConnection connection, string table, StageColumn[] types)
    {
        Table = table;
        Types = types;
        if (NativeMethods.duckdb_appender_create(connection.NativeHandle, null, table, out _appender) != DuckDbState.Success)
            throw new DuckDbException($"Cannot append to '{table}': {NativeMethods.PtrToString(NativeMethods.duckdb_appender_error(_appender))}");
    }

    public string Table { get; }
    public StageColumn[] Types { get; }

    internal void Append(IntPtr chunk)
    {
        lock (_gate)
        {
            if (NativeMethods.duckdb_append_data_chunk(_appender, chunk) != DuckDbState.Success)
                throw new DuckDbException($"Appending to '{Table}' failed: {NativeMethods.PtrToString(NativeMethods.duckdb_appender_error(_appender))}");
        }
    }

    public void Dispose()
    {
        if (_appender == IntPtr.Zero) return;
        try
        {
            if (NativeMethods.duckdb_appender_close(_appender) != DuckDbState.Success)
                throw new DuckDbException($"Appending to '{Table}' failed: {NativeMethods.PtrToString(NativeMethods.duckdb_appender_error(_appender))}");
        }
        finally { NativeMethods.duckdb_appender_destroy(ref _appender); }
    }
}

/// <summary>
/// Rows into a DuckDB table a whole data chunk (2048 rows) at a time: fixed-width values are
/// written straight into the vectors' memory, strings copied once. The provider's
/// <see cref="DuckDbAppender"/> makes one native call per value (and a DuckDB value object per
/// DECIMAL), which made appending several times slower than reading and validating the CSV.
/// One per thread; dispose it to hand in its last, partial chunk.
/// </summary>
public sealed unsafe class ChunkAppender : IDisposable
{
    private readonly NativeAppender _target;
    private readonly StageColumn[] _types;
    private IntPtr _chunk;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;
    private readonly IntPtr[] _vectors;
    private readonly int _capacity;
    private int _row;

    public ChunkAppender(NativeAppender target)
    {
        _target = target;
        var types = _types = target.Types;
        var logical = types.Select(t => t.Kind switch
        {
            StageKind.Decimal32 or StageKind.Decimal64 => NativeMethods.duckdb_create_decimal_type(t.Width, t.Scale),
            StageKind.Varchar => NativeMethods.duckdb_create_logical_type(DuckDbType.Varchar),
            StageKind.Date => NativeMethods.duckdb_create_logical_type(DuckDbType.Date),
            StageKind.Integer => NativeMethods.duckdb_create_logical_type(DuckDbType.Integer),
            StageKind.BigInt => NativeMethods.duckdb_create_logical_type(DuckDbType.BigInt),
            _ => NativeMethods.duckdb_create_logical_type(DuckDbType.Boolean),
        }).ToArray();
        fixed (IntPtr* p = logical) _chunk = NativeMethods.duckdb_create_data_chunk(p, (ulong)logical.Length);
        for (var i = 0; i < logical.Length; i++) NativeMethods.duckdb_destroy_logical_type(ref logical[i]);
        _capacity = (int)NativeMethods.duckdb_vector_size();
        _data = new void*[types.Length];
        _validity = new ulong*[types.Length];
        _vectors = new IntPtr[types.Length];
        MapVectors();
    }

    private void MapVectors()
    {
        for (var c = 0; c < _types.Length; c++)
        {
            _vectors[c] = NativeMethods.duckdb_data_chunk_get_vector(_chunk, (ulong)c);
            _data[c] = NativeMethods.duckdb_vector_get_data(_vectors[c]);
            _validity[c] = null;
        }
    }

    public void SetNull(int column)
    {
        if (_validity[column] == null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(_vectors[column]);
            _validity[column] = NativeMethods.duckdb_vector_get_validity(_vectors[column]);
        }
        _validity[column][_row >> 6] &= ~(1UL << (_row & 63));
    }

    public void SetInt32(int column, int value) => ((int*)_data[column])[_row] = value;
    public void SetInt64(int column, long value) => ((long*)_data[column])[_row] = value;
    public void SetBool(int column, bool value) => ((byte*)_data[column])[_row] = value ? (byte)1 : (byte)0;

    /// <summary>DuckDB DATE: days since 1970-01-01.</summary>
    public void SetDate(int column, int dayNumber) => ((int*)_data[column])[_row] = dayNumber - 719162;

    public void SetUtf8(int column, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value) NativeMethods.duckdb_vector_assign_string_element_len(_vectors[column], (ulong)_row, p, (ulong)value.Length);
    }

    public void SetString(int column, string value)
    {
        var max = value.Length * 3;
        Span<byte> buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* p = buffer) NativeMethods.duckdb_vector_assign_string_element_len(_vectors[column], (ulong)_row, p, (ulong)length);
    }

    /// <summary>Ends the current row; a full chunk goes to the table.</summary>
    public void EndRow()
    {
        if (++_row == _capacity) FlushChunk();
    }

    private void FlushChunk()
    {
        if (_row == 0) return;
        NativeMethods.duckdb_data_chunk_set_size(_chunk, (ulong)_row);
        _target.Append(_chunk);
        NativeMethods.duckdb_data_chunk_reset(_chunk);
        _row = 0;
        MapVectors();
    }

    public void Dispose()
    {
        if (_chunk == IntPtr.Zero) return;
        try { FlushChunk(); }
        finally { NativeMethods.duckdb_destroy_data_chunk(ref _chunk); }
    }
}
