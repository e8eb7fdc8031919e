
namespace Analytics.Warehouse.DuckDb.Chunks;

/// <summary>
/// A data chunk of our own (up to 2048 rows in DuckDB's column layout), filled through
/// <see cref="Writer"/> and later handed to a query zero-copy with <see cref="ChunkWriter.Reference"/>.
/// </summary>
public sealed unsafe class DataChunk : IDisposable
{
    private IntPtr _handle;

    public DataChunk(IReadOnlyList<ChunkColumn> columns)
    {
        var types = columns.Select(c => c.CreateLogicalType()).ToArray();
        try
        {
            fixed (IntPtr* p = types) _handle = NativeMethods.duckdb_create_data_chunk(p, (ulong)types.Length);
        }
        finally
        {
            for (var i = 0; i < types.Length; i++) NativeMethods.duckdb_destroy_logical_type(ref types[i]);
        }
        Writer = new ChunkWriter(_handle, columns.Count);
    }

    internal IntPtr Handle => _handle;

    public ChunkWriter Writer { get; }

    public int Rows => Writer.Rows;

    /// <summary>Empties the chunk for reuse, keeping its memory (fresh memory costs a page fault per 4 KiB).</summary>
    public void Reset() => Writer.Reset();

    public void Dispose()
    {
        if (_handle != IntPtr.Zero) NativeMethods.duckdb_destroy_data_chunk(ref _handle);
    }
}
