
namespace Analytics.Warehouse.DuckDb.Chunks;

/// <summary>How a <see cref="ChunkWriter"/> lays a column out (decimals by their storage width).</summary>
public enum ChunkKind { Varchar, Date, Integer, BigInt, Boolean, Decimal32, Decimal64, Enum }

/// <summary>
/// A column written chunk by chunk: its kind, width/scale for decimals (DuckDB stores DECIMAL(≤9) as
/// int32, DECIMAL(≤18) as int64 unscaled), and the members of an ENUM (stored as the member's one-byte index).
/// </summary>
public readonly record struct ChunkColumn(ChunkKind Kind, byte Width = 0, byte Scale = 0, string[]? Members = null)
{
    public static ChunkColumn Decimal(int width, int scale) =>
        new(width <= 9 ? ChunkKind.Decimal32 : ChunkKind.Decimal64, (byte)width, (byte)scale);

    /// <summary>
    /// A closed set of texts. A Parquet COPY writes it as the same UTF-8 dictionary column a VARCHAR of
    /// those texts gives (read back as VARCHAR), without hashing each value into a dictionary first.
    /// </summary>
    public static ChunkColumn Enum(IReadOnlyList<string> members) => members.Count is > 0 and <= byte.MaxValue
        ? new(ChunkKind.Enum, Members: [.. members])
        : throw new ArgumentOutOfRangeException(nameof(members), "an ENUM column holds 1 to 255 members (one byte each)");

    /// <summary>A new DuckDB logical type for the column; the caller destroys it.</summary>
    internal IntPtr CreateLogicalType() => Kind switch
    {
        ChunkKind.Decimal32 or ChunkKind.Decimal64 => NativeMethods.duckdb_create_decimal_type(Width, Scale),
        ChunkKind.Varchar => NativeMethods.duckdb_create_logical_type(DuckDbType.Varchar),
        ChunkKind.Date => NativeMethods.duckdb_create_logical_type(DuckDbType.Date),
        ChunkKind.Integer => NativeMethods.duckdb_create_logical_type(DuckDbType.Integer),
        ChunkKind.BigInt => NativeMethods.duckdb_create_logical_type(DuckDbType.BigInt),
        ChunkKind.Enum => CreateEnumType(Members!),
        _ => NativeMethods.duckdb_create_logical_type(DuckDbType.Boolean),
    };

    private static unsafe IntPtr CreateEnumType(string[] members)
    {
        var names = members.Select(System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8).ToArray();
        try
        {
            fixed (IntPtr* p = names) return NativeMethods.duckdb_create_enum_type(p, (ulong)names.Length);
        }
        finally
        {
            foreach (var name in names) System.Runtime.InteropServices.Marshal.FreeCoTaskMem(name);
        }
    }
}
