using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// One column of the current data chunk: raw data and validity pointers plus the type, so that
/// values are read straight out of DuckDB's vectors without copying the chunk.
/// </summary>
internal unsafe readonly struct VectorReader
{
    public readonly IntPtr Vector;
    public readonly void* Data;
    public readonly ulong* Validity;
    public readonly ColumnType Type;

    public VectorReader(IntPtr vector, ColumnType type)
    {
        Vector = vector;
        Type = type;
        Data = NativeMethods.duckdb_vector_get_data(vector);
        Validity = NativeMethods.duckdb_vector_get_validity(vector);
    }

    // A null validity mask means every row of the vector is valid.
    public bool IsNull(ulong row) => Validity != null && (Validity[row >> 6] & (1UL << (int)(row & 63))) == 0;

    public T Get<T>(ulong row) where T : unmanaged => ((T*)Data)[row];

    public string GetString(ulong row)
    {
        // duckdb_string_t: 4-byte length, then either up to 12 inline bytes or a 4-byte prefix and a pointer.
        var entry = (byte*)Data + row * 16;
        var length = *(uint*)entry;
        var bytes = length <= 12 ? entry + 4 : *(byte**)(entry + 8);
        return Encoding.UTF8.GetString(bytes, (int)length);
    }

    public byte[] GetBlob(ulong row)
    {
        var entry = (byte*)Data + row * 16;
        var length = *(uint*)entry;
        var bytes = length <= 12 ? entry + 4 : *(byte**)(entry + 8);
        return new ReadOnlySpan<byte>(bytes, (int)length).ToArray();
    }

    public decimal GetDecimal(ulong row) => Type.DecimalStorage switch
    {
        DuckDbType.SmallInt => ValueConversions.DecimalFromUnscaled(Get<short>(row), Type.DecimalScale),
        DuckDbType.Integer => ValueConversions.DecimalFromUnscaled(Get<int>(row), Type.DecimalScale),
        DuckDbType.BigInt => ValueConversions.DecimalFromUnscaled(Get<long>(row), Type.DecimalScale),
        _ => ValueConversions.DecimalFromUnscaled(Get<DuckDbHugeInt>(row).ToInt128(), Type.DecimalScale),
    };

    public DateTime GetTimestamp(ulong row)
    {
        var raw = Get<long>(row);
        return Type.Id switch
        {
            DuckDbType.TimestampS => ValueConversions.TimestampFromMicros(raw * 1_000_000),
            DuckDbType.TimestampMs => ValueConversions.TimestampFromMicros(raw * 1_000),
            DuckDbType.TimestampNs => ValueConversions.TimestampFromMicros(raw / 1_000),
            _ => ValueConversions.TimestampFromMicros(raw),
        };
    }

    /// <summary>The value at <paramref name="row"/> boxed as <see cref="ColumnType.ClrType"/>, or DBNull.</summary>
    public object GetValue(ulong row)
    {
        if (IsNull(row)) return DBNull.Value;
        return Type.Id switch
        {
            DuckDbType.Boolean => Get<byte>(row) != 0,
            DuckDbType.TinyInt => Get<sbyte>(row),
            DuckDbType.SmallInt => Get<short>(row),
            DuckDbType.Integer => Get<int>(row),
            DuckDbType.BigInt => Get<long>(row),
            DuckDbType.UTinyInt => Get<byte>(row),
            DuckDbType.USmallInt => Get<ushort>(row),
            DuckDbType.UInteger => Get<uint>(row),
            DuckDbType.UBigInt => Get<ulong>(row),
            DuckDbType.HugeInt => Get<DuckDbHugeInt>(row).ToInt128(),
            DuckDbType.UHugeInt => (UInt128)Get<DuckDbHugeInt>(row).ToInt128(),
            DuckDbType.Float => Get<float>(row),
            DuckDbType.Double => Get<double>(row),
            DuckDbType.Decimal => GetDecimal(row),
            DuckDbType.Varchar => GetString(row),
            DuckDbType.Blob => GetBlob(row),
            DuckDbType.Date => ValueConversions.DateFromDays(Get<int>(row)),
            DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampS or DuckDbType.TimestampMs
                or DuckDbType.TimestampNs => GetTimestamp(row),
            DuckDbType.Uuid => GetUuid(row),
            DuckDbType.List => GetList(row),
            _ => throw new NotSupportedException($"Reading DuckDB type {Type.DataTypeName} is not supported; cast it in SQL (for example to VARCHAR)."),
        };
    }

    private Guid GetUuid(ulong row)
    {
        // UUIDs are stored as a hugeint with the top bit flipped so that they sort as unsigned.
        var value = Get<DuckDbHugeInt>(row);
        var upper = (ulong)value.Upper ^ (1UL << 63);
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, upper);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    private Array GetList(ulong row)
    {
        var entry = Get<DuckDbListEntry>(row);
        var child = new VectorReader(NativeMethods.duckdb_list_vector_get_child(Vector), Type.Child!);
        var elementType = Type.ClrType.GetElementType()!;
        var result = Array.CreateInstance(elementType, (int)entry.Length);
        for (ulong i = 0; i < entry.Length; i++)
        {
            var value = child.GetValue(entry.Offset + i);
            result.SetValue(value is DBNull ? null : value, (int)i);
        }
        return result;
    }
}
