using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Analytics.Bench;

/// <summary>
/// Probe, not product: the cheapest by-name, NULL-aware row API there can be over DuckDB's chunks
/// (DuckDB.NET's public bindings): per call position a cached ordinal, per chunk a data pointer and a
/// validity pointer, per value a validity bit and a pointer read that the JIT folds for T. Fixed-width
/// columns only (BIGINT, INTEGER, DOUBLE, DECIMAL stored as BIGINT). Bounds what MartRow could reach.
/// </summary>
public sealed unsafe class ChunkRowProbe : IDisposable
{
    private readonly DuckDBResult _result;
    private readonly string[] _names;
    private readonly DuckDBType[] _types;
    private readonly byte[] _scales;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;
    private DuckDBDataChunk? _chunk;
    private int _row = -1, _rows;
    private readonly int[] _ordinals = new int[16];
    private readonly string?[] _asked = new string?[16];
    private int _call;

    public ChunkRowProbe(DuckDBConnection connection, string query)
    {
        NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, query, out var statement);
        using (statement) NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(statement, out _result);
        var count = (int)NativeMethods.Query.DuckDBColumnCount(ref _result);
        _names = new string[count]; _types = new DuckDBType[count]; _scales = new byte[count];
        _data = new void*[count]; _validity = new ulong*[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.Query.DuckDBColumnName(ref _result, i);
            using var type = NativeMethods.Query.DuckDBColumnLogicalType(ref _result, i);
            _types[i] = NativeMethods.LogicalType.DuckDBGetTypeId(type);
            if (_types[i] == DuckDBType.Decimal)
            {
                _scales[i] = NativeMethods.LogicalType.DuckDBDecimalScale(type);
                if (NativeMethods.LogicalType.DuckDBDecimalInternalType(type) != DuckDBType.BigInt) throw new NotSupportedException("probe: DECIMAL(≤18) only");
            }
        }
    }

    public bool Read()
    {
        _call = 0;
        if (++_row < _rows) return true;
        _chunk?.Dispose();
        _chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(_result);
        if (_chunk.IsInvalid) return false;
        _rows = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(_chunk);
        _row = 0;
        for (var i = 0; i < _data.Length; i++)
        {
            var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i);
            _data[i] = NativeMethods.Vectors.DuckDBVectorGetData(vector);
            _validity[i] = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        }
        return _rows > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Field<T>(string name)
    {
        var call = _call++;
        var ordinal = ReferenceEquals(_asked[call], name) ? _ordinals[call] : Resolve(call, name);
        var row = _row;
        var validity = _validity[ordinal];
        if (validity != null && (validity[row >> 6] & (1UL << (row & 63))) == 0) return default!;
        var data = _data[ordinal];
        if (typeof(T) == typeof(long)) return (T)(object)((long*)data)[row];
        if (typeof(T) == typeof(int)) return (T)(object)((int*)data)[row];
        if (typeof(T) == typeof(double)) return (T)(object)((double*)data)[row];
        if (typeof(T) == typeof(decimal))
        {
            var raw = ((long*)data)[row];
            var abs = (ulong)Math.Abs(raw);
            return (T)(object)new decimal((int)abs, (int)(abs >> 32), 0, raw < 0, _scales[ordinal]);
        }
        throw new NotSupportedException(typeof(T).Name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int Resolve(int call, string name)
    {
        _asked[call] = name;
        return _ordinals[call] = Array.IndexOf(_names, name);
    }

    public void Dispose()
    {
        _chunk?.Dispose();
        var result = _result;
        NativeMethods.Query.DuckDBDestroyResult(ref result);
    }
}
