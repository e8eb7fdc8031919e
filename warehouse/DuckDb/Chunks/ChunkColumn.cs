
namespace Analytics.Warehouse.DuckDb.Chunks;

/// <summary>How a <see cref="ChunkWriter"/> lays a column out (decimals by their storage width).</summary>
public enum ChunkKind { Varchar, Date, Integer, BigInt, Boolean, Decimal32, Decimal64 }

/// <summary>A column written chunk by chunk: its kind, and width/scale for decimals (DuckDB stores DECIMAL(≤9) as int32, DECIMAL(≤18) as int64 unscaled).</summary>
public readonly record struct ChunkColumn(ChunkKind Kind, byte Width = 0, byte Scale = 0)
{
    public static ChunkColumn Decimal(int width, int scale) =>
        new(width <= 9 ? ChunkKind.Decimal32 : ChunkKind.Decimal64, (byte)width, (byte)scale);

    /// <summary>A new DuckDB logical type for the column; the caller destroys it.</summary>
    internal IntPtr CreateLogicalType() => Kind switch
    {
        ChunkKind.Decimal32 or ChunkKind.Decimal64 => NativeMethods.duckdb_create_decimal_type(Width, Scale),
        ChunkKind.Varchar => NativeMethods.duckdb_create_logical_type(DuckDbType.Varchar),
        ChunkKind.Date => NativeMethods.duckdb_create_logical_type(DuckDbType.Date),
        ChunkKind.Integer => NativeMethods.duckdb_create_logical_type(DuckDbType.Integer),
        ChunkKind.BigInt => NativeMethods.duckdb_create_logical_type(DuckDbType.BigInt),
        _ => NativeMethods.duckdb_create_logical_type(DuckDbType.Boolean),
    };
}
