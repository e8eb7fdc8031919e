using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Analytics.Warehouse.DuckDb.Chunks;

/// <summary>
/// Writes rows into a DuckDB data chunk (one DuckDB handed out, or a <see cref="DataChunk"/> of ours): fixed-width values straight into
/// the vectors' memory, short strings inline (DuckDB's string_t keeps up to 12 bytes in place),
/// longer ones copied once into the vector's own string heap. A writer over a chunk DuckDB handed out is valid for that callback only.
/// </summary>
public sealed unsafe class ChunkWriter
{
    /// <summary>Bytes of a string kept inside its slot; a longer one goes to the vector's string heap.</summary>
    public const int InlineLength = 12;

    private readonly IntPtr _chunk;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;
    private readonly IntPtr[] _vectors;
    private int _row;

    internal ChunkWriter(IntPtr chunk, int columns)
    {
        _chunk = chunk;
        _data = new void*[columns];
        _validity = new ulong*[columns];
        _vectors = new IntPtr[columns];
        MapVectors();
        Capacity = (int)NativeMethods.duckdb_vector_size();
    }

    private void MapVectors()
    {
        for (var c = 0; c < _vectors.Length; c++)
        {
            _vectors[c] = NativeMethods.duckdb_data_chunk_get_vector(_chunk, (ulong)c);
            _data[c] = NativeMethods.duckdb_vector_get_data(_vectors[c]);
            _validity[c] = null;
        }
        _row = 0;
    }

    /// <summary>Empties the chunk for reuse (its memory stays): no query may still be reading it.</summary>
    internal void Reset()
    {
        NativeMethods.duckdb_data_chunk_reset(_chunk);
        MapVectors();
    }

    /// <summary>Rows a chunk holds (DuckDB's vector size, 2048).</summary>
    public int Capacity { get; }

    /// <summary>Rows written so far; the row being written is this index.</summary>
    public int Rows => _row;

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

    /// <summary>An ENUM value by its member's index (<see cref="ChunkColumn.Enum"/>).</summary>
    public void SetEnum(int column, int member) => ((byte*)_data[column])[_row] = (byte)member;

    /// <summary>DuckDB DATE from a <see cref="DateOnly.DayNumber"/> (DuckDB counts days from 1970-01-01).</summary>
    public void SetDate(int column, int dayNumber) => ((int*)_data[column])[_row] = dayNumber - 719162;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetUtf8(int column, ReadOnlySpan<byte> value)
    {
        if (value.Length > InlineLength)
        {
            SetHeapUtf8(column, value);
            return;
        }
        // string_t inlined: uint32 length, then the bytes, zero-padded (DuckDB compares the padding). Copied as
        // two overlapping words (a call to copy 12 bytes would cost more than the copy).
        var slot = (byte*)_data[column] + (_row << 4);
        *(uint*)slot = (uint)value.Length;
        *(uint*)(slot + 4) = 0;
        *(ulong*)(slot + 8) = 0;
        ref var from = ref MemoryMarshal.GetReference(value);
        var length = value.Length;
        if (length >= 8)
        {
            Unsafe.WriteUnaligned(slot + 4, Unsafe.ReadUnaligned<ulong>(ref from));
            Unsafe.WriteUnaligned(slot + length, Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - 4)));
        }
        else if (length >= 4)
        {
            Unsafe.WriteUnaligned(slot + 4, Unsafe.ReadUnaligned<uint>(ref from));
            Unsafe.WriteUnaligned(slot + length, Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - 4)));
        }
        else
            for (var i = 0; i < length; i++) slot[4 + i] = Unsafe.Add(ref from, i);
    }

    /// <summary>A string longer than a slot holds, copied into the vector's heap by DuckDB (kept out of line: a native call costs its caller a frame set up on every call).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetHeapUtf8(int column, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value) NativeMethods.duckdb_vector_assign_string_element_len(_vectors[column], (ulong)_row, p, (ulong)value.Length);
    }

    public void SetString(int column, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        SetUtf8(column, buffer[..Encoding.UTF8.GetBytes(value, buffer)]);
    }

    /// <summary>Ends the current row.</summary>
    public void EndRow() => _row++;

    public bool IsFull => _row == Capacity;

    /// <summary>
    /// Makes this (empty) chunk show another chunk's rows without copying them: the vectors share
    /// the other's buffers, which stay alive as long as either chunk needs them. Same columns required.
    /// </summary>
    public void Reference(DataChunk other)
    {
        for (var c = 0; c < _vectors.Length; c++)
            NativeMethods.duckdb_vector_reference_vector(_vectors[c], NativeMethods.duckdb_data_chunk_get_vector(other.Handle, (ulong)c));
        _row = other.Rows;
    }

    /// <summary>Tells DuckDB how many rows the chunk holds.</summary>
    internal void Seal() => NativeMethods.duckdb_data_chunk_set_size(_chunk, (ulong)_row);
}
