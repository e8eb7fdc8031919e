using System.Runtime.InteropServices;

namespace Analytics.Warehouse.DuckDb.Native;

public enum DuckDbState { Success = 0, Error = 1 }

public enum DuckDbPendingState { ResultReady = 0, ResultNotReady = 1, Error = 2, NoTasksAvailable = 3 }

public enum DuckDbResultType { Invalid = 0, ChangedRows = 1, Nothing = 2, QueryResult = 3 }

/// <summary>duckdb_type: the physical/logical type ids of duckdb.h.</summary>
public enum DuckDbType
{
    Invalid = 0, Boolean = 1, TinyInt = 2, SmallInt = 3, Integer = 4, BigInt = 5,
    UTinyInt = 6, USmallInt = 7, UInteger = 8, UBigInt = 9, Float = 10, Double = 11,
    Timestamp = 12, Date = 13, Time = 14, Interval = 15, HugeInt = 16, Varchar = 17, Blob = 18,
    Decimal = 19, TimestampS = 20, TimestampMs = 21, TimestampNs = 22, Enum = 23, List = 24,
    Struct = 25, Map = 26, Uuid = 27, Union = 28, Bit = 29, TimeTz = 30, TimestampTz = 31,
    UHugeInt = 32, Array = 33, Any = 34, BigNum = 35, SqlNull = 36,
}

/// <summary>The C struct duckdb_result: six pointer-sized fields, only ever handled by the library.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct DuckDbResult
{
    private ulong _columnCount, _rowCount, _rowsChanged;
    private IntPtr _columns, _errorMessage, _internalData;
    public readonly bool IsAllocated => _internalData != IntPtr.Zero;
}

[StructLayout(LayoutKind.Sequential)]
public struct DuckDbHugeInt
{
    public ulong Lower;
    public long Upper;

    public DuckDbHugeInt(Int128 value)
    {
        Lower = (ulong)(value & ulong.MaxValue);
        Upper = (long)(value >> 64);
    }

    public readonly Int128 ToInt128() => new((ulong)Upper, Lower);
}

[StructLayout(LayoutKind.Sequential)]
public struct DuckDbDecimal
{
    public byte Width;
    public byte Scale;
    public DuckDbHugeInt Value;
}

[StructLayout(LayoutKind.Sequential)]
public struct DuckDbQueryProgress
{
    public double Percentage;
    public ulong RowsProcessed;
    public ulong TotalRowsToProcess;
}

[StructLayout(LayoutKind.Sequential)]
public struct DuckDbListEntry
{
    public ulong Offset;
    public ulong Length;
}
