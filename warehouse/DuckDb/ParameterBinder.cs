using System.Collections;
using System.Data;
using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>Binds a command's parameters to one prepared statement, by name or by position.</summary>
internal static unsafe class ParameterBinder
{
    public static void Bind(IntPtr statement, DuckDbParameterCollection parameters)
    {
        var count = NativeMethods.duckdb_nparams(statement);
        for (ulong index = 1; index <= count; index++)
        {
            var parameter = Find(statement, index, parameters);
            Check(statement, BindOne(statement, index, parameter), parameter);
        }
    }

    private static DuckDbParameter Find(IntPtr statement, ulong index, DuckDbParameterCollection parameters)
    {
        var namePtr = NativeMethods.duckdb_parameter_name(statement, index);
        var name = NativeMethods.PtrToString(namePtr) ?? index.ToString();
        NativeMethods.duckdb_free(namePtr);

        var byName = parameters.IndexOf(name);
        if (byName >= 0) return parameters[byName];
        // Positional placeholders (? and $1) are named "1", "2", … and take parameters in order.
        if (int.TryParse(name, out var position) && position >= 1 && position <= parameters.Count)
            return parameters[position - 1];
        throw new DuckDbException($"No value was given for parameter ${name}.");
    }

    private static void Check(IntPtr statement, DuckDbState state, DuckDbParameter parameter)
    {
        if (state == DuckDbState.Success) return;
        var detail = NativeMethods.PtrToString(NativeMethods.duckdb_prepare_error(statement));
        throw new DuckDbException($"Cannot bind parameter '{parameter.ParameterName}' ({parameter.Value?.GetType().Name ?? "null"}){(detail is null ? "" : ": " + detail)}");
    }

    private static DuckDbState BindOne(IntPtr s, ulong i, DuckDbParameter parameter)
    {
        var value = parameter.Value;
        switch (value)
        {
            case null or DBNull: return NativeMethods.duckdb_bind_null(s, i);
            case bool v: return NativeMethods.duckdb_bind_boolean(s, i, v ? (byte)1 : (byte)0);
            case sbyte v: return NativeMethods.duckdb_bind_int8(s, i, v);
            case short v: return NativeMethods.duckdb_bind_int16(s, i, v);
            case int v: return NativeMethods.duckdb_bind_int32(s, i, v);
            case long v: return NativeMethods.duckdb_bind_int64(s, i, v);
            case byte v: return NativeMethods.duckdb_bind_uint8(s, i, v);
            case ushort v: return NativeMethods.duckdb_bind_uint16(s, i, v);
            case uint v: return NativeMethods.duckdb_bind_uint32(s, i, v);
            case ulong v: return NativeMethods.duckdb_bind_uint64(s, i, v);
            case Int128 v: return NativeMethods.duckdb_bind_hugeint(s, i, new DuckDbHugeInt(v));
            case float v: return NativeMethods.duckdb_bind_float(s, i, v);
            case double v: return NativeMethods.duckdb_bind_double(s, i, v);
            case decimal v: return NativeMethods.duckdb_bind_decimal(s, i, ValueConversions.ToDuckDbDecimal(v));
            case DateOnly v: return NativeMethods.duckdb_bind_date(s, i, ValueConversions.DaysFromDate(v));
            case DateTime v when parameter.DbType == DbType.Date:
                return NativeMethods.duckdb_bind_date(s, i, ValueConversions.DaysFromDate(DateOnly.FromDateTime(v)));
            case DateTime v: return NativeMethods.duckdb_bind_timestamp(s, i, ValueConversions.MicrosFromTimestamp(v));
            case DateTimeOffset v: return NativeMethods.duckdb_bind_timestamp(s, i, ValueConversions.MicrosFromTimestamp(v.UtcDateTime));
            case string v: return BindString(s, i, v);
            case char v: return BindString(s, i, v.ToString());
            case Guid v: return BindString(s, i, v.ToString());
            case byte[] v:
                fixed (byte* p = v) return NativeMethods.duckdb_bind_blob(s, i, p, (ulong)v.Length);
            case Enum v: return NativeMethods.duckdb_bind_int64(s, i, Convert.ToInt64(v));
            case IEnumerable v:
                var list = ValueFactory.CreateList(v);
                try { return NativeMethods.duckdb_bind_value(s, i, list); }
                finally { NativeMethods.duckdb_destroy_value(ref list); }
            default:
                throw new NotSupportedException($"Parameter '{parameter.ParameterName}': values of type {value.GetType().Name} cannot be bound.");
        }
    }

    private static DuckDbState BindString(IntPtr s, ulong i, string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* p = buffer) return NativeMethods.duckdb_bind_varchar_length(s, i, p, (ulong)byteCount);
    }
}
