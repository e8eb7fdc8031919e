using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>What the provider knows about one result column's logical type, read once per result.</summary>
public sealed class ColumnType
{
    public DuckDbType Id { get; }
    public Type ClrType { get; }
    public string DataTypeName { get; }
    public byte DecimalWidth { get; }
    public byte DecimalScale { get; }
    /// <summary>For DECIMAL: the integer type it is stored as (SMALLINT, INTEGER, BIGINT or HUGEINT).</summary>
    public DuckDbType DecimalStorage { get; }
    /// <summary>For LIST: the element type.</summary>
    public ColumnType? Child { get; }

    private ColumnType(DuckDbType id, ColumnType? child, byte width, byte scale, DuckDbType storage)
    {
        Id = id;
        Child = child;
        DecimalWidth = width;
        DecimalScale = scale;
        DecimalStorage = storage;
        ClrType = ClrTypeOf(id, child);
        DataTypeName = id switch
        {
            DuckDbType.Decimal => $"DECIMAL({width},{scale})",
            DuckDbType.List => $"{child!.DataTypeName}[]",
            _ => id.ToString().ToUpperInvariant(),
        };
    }

    /// <summary>Describes a logical type handle; the caller keeps ownership of the handle.</summary>
    public static ColumnType FromLogicalType(IntPtr logicalType)
    {
        var id = NativeMethods.duckdb_get_type_id(logicalType);
        switch (id)
        {
            case DuckDbType.Decimal:
                return new ColumnType(id, null, NativeMethods.duckdb_decimal_width(logicalType),
                    NativeMethods.duckdb_decimal_scale(logicalType), NativeMethods.duckdb_decimal_internal_type(logicalType));
            case DuckDbType.List:
                var childHandle = NativeMethods.duckdb_list_type_child_type(logicalType);
                try { return new ColumnType(id, FromLogicalType(childHandle), 0, 0, default); }
                finally { NativeMethods.duckdb_destroy_logical_type(ref childHandle); }
            default:
                return new ColumnType(id, null, 0, 0, default);
        }
    }

    private static Type ClrTypeOf(DuckDbType id, ColumnType? child) => id switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        DuckDbType.HugeInt => typeof(Int128),
        DuckDbType.UHugeInt => typeof(UInt128),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Varchar or DuckDbType.Enum => typeof(string),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.Date => typeof(DateOnly),
        DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampS or DuckDbType.TimestampMs
            or DuckDbType.TimestampNs => typeof(DateTime),
        DuckDbType.Uuid => typeof(Guid),
        DuckDbType.SqlNull => typeof(object),
        // Lists of value types may hold NULL elements, so their elements are nullable.
        DuckDbType.List => (child!.ClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(child.ClrType) : child.ClrType).MakeArrayType(),
        _ => typeof(object),
    };
}
