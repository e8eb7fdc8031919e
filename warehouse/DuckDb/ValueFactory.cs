using System.Collections;
using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>Builds duckdb_value handles, for LIST parameters and for appending DECIMALs exactly.</summary>
internal static unsafe class ValueFactory
{
    public static IntPtr CreateScalar(object? value) => value switch
    {
        null or DBNull => NativeMethods.duckdb_create_null_value(),
        bool v => NativeMethods.duckdb_create_bool(v ? (byte)1 : (byte)0),
        int v => NativeMethods.duckdb_create_int32(v),
        long v => NativeMethods.duckdb_create_int64(v),
        short v => NativeMethods.duckdb_create_int32(v),
        double v => NativeMethods.duckdb_create_double(v),
        float v => NativeMethods.duckdb_create_double(v),
        decimal v => NativeMethods.duckdb_create_decimal(ValueConversions.ToDuckDbDecimal(v)),
        DateOnly v => NativeMethods.duckdb_create_date(ValueConversions.DaysFromDate(v)),
        DateTime v => NativeMethods.duckdb_create_timestamp(ValueConversions.MicrosFromTimestamp(v)),
        string v => CreateVarchar(v),
        _ => throw new NotSupportedException($"List elements of type {value.GetType().Name} cannot be bound."),
    };

    public static IntPtr CreateVarchar(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* p = bytes) return NativeMethods.duckdb_create_varchar_length(p, (ulong)bytes.Length);
    }

    /// <summary>A LIST value; the element type comes from the sequence's element type.</summary>
    public static IntPtr CreateList(IEnumerable values)
    {
        var items = values.Cast<object?>().ToList();
        var elementType = ElementTypeOf(values);
        var childType = elementType switch
        {
            _ when elementType == typeof(string) || elementType == typeof(char) => NativeMethods.duckdb_create_logical_type(DuckDbType.Varchar),
            _ when elementType == typeof(int) || elementType == typeof(short) => NativeMethods.duckdb_create_logical_type(DuckDbType.Integer),
            _ when elementType == typeof(long) => NativeMethods.duckdb_create_logical_type(DuckDbType.BigInt),
            _ when elementType == typeof(double) || elementType == typeof(float) => NativeMethods.duckdb_create_logical_type(DuckDbType.Double),
            _ when elementType == typeof(bool) => NativeMethods.duckdb_create_logical_type(DuckDbType.Boolean),
            _ when elementType == typeof(DateOnly) => NativeMethods.duckdb_create_logical_type(DuckDbType.Date),
            _ when elementType == typeof(DateTime) => NativeMethods.duckdb_create_logical_type(DuckDbType.Timestamp),
            _ when elementType == typeof(decimal) => NativeMethods.duckdb_create_decimal_type(38,
                (byte)items.OfType<decimal>().Select(d => (int)d.Scale).DefaultIfEmpty(0).Max()),
            _ => throw new NotSupportedException($"Lists of {elementType.Name} cannot be bound."),
        };
        var handles = new IntPtr[items.Count];
        try
        {
            var scale = elementType == typeof(decimal) ? items.OfType<decimal>().Select(d => d.Scale).DefaultIfEmpty((byte)0).Max() : (byte)0;
            for (var i = 0; i < items.Count; i++)
                handles[i] = CreateScalar(items[i] is decimal d ? Rescale(d, scale) : items[i] is char c ? c.ToString() : items[i]);
            // duckdb_create_list_value refuses a null array even for zero elements, so never pass one.
            var dummy = IntPtr.Zero;
            fixed (IntPtr* p = handles)
            {
                var list = NativeMethods.duckdb_create_list_value(childType, handles.Length == 0 ? &dummy : p, (ulong)handles.Length);
                if (list == IntPtr.Zero) throw new DuckDbException($"DuckDB could not build a LIST of {elementType.Name}.");
                return list;
            }
        }
        finally
        {
            for (var i = 0; i < handles.Length; i++)
                if (handles[i] != IntPtr.Zero) NativeMethods.duckdb_destroy_value(ref handles[i]);
            NativeMethods.duckdb_destroy_logical_type(ref childType);
        }
    }

    // Every element of a DECIMAL list must carry the list's scale.
    private static decimal Rescale(decimal value, byte scale)
    {
        var result = value;
        for (var s = value.Scale; s < scale; s++) result *= 1.0m;
        return decimal.Round(result, scale);
    }

    private static Type ElementTypeOf(IEnumerable values)
    {
        var type = values.GetType();
        var element = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        element ??= typeof(object);
        return Nullable.GetUnderlyingType(element) ?? element;
    }
}
