namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>Conversions between DuckDB's storage formats and CLR values, exact for every decimal.</summary>
public static class ValueConversions
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;
    private static readonly UInt128 MaxDecimalMantissa = ((UInt128)1 << 96) - 1;

    public static DateOnly DateFromDays(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);
    public static int DaysFromDate(DateOnly date) => date.DayNumber - EpochDayNumber;
    public static DateTime TimestampFromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + micros * 10, DateTimeKind.Unspecified);
    public static long MicrosFromTimestamp(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    /// <summary>The decimal whose unscaled value is <paramref name="unscaled"/> at <paramref name="scale"/>.</summary>
    public static decimal DecimalFromUnscaled(Int128 unscaled, byte scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? (UInt128)(-unscaled) : (UInt128)unscaled;
        while (scale > 28)
        {
            // .NET decimal holds at most 28 fractional digits; drop the rest (rounding half away from zero).
            var rem = magnitude % 10;
            magnitude /= 10;
            if (rem >= 5) magnitude++;
            scale--;
        }
        if (magnitude > MaxDecimalMantissa)
            throw new OverflowException($"DECIMAL value {unscaled} (scale {scale}) does not fit in System.Decimal (96-bit mantissa).");
        var lo = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var hi = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, negative, scale);
    }

    public static DuckDbDecimal ToDuckDbDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = (Int128)magnitude;
        if (value < 0 || (bits[3] & int.MinValue) != 0) unscaled = -unscaled;
        return new DuckDbDecimal { Width = 38, Scale = value.Scale, Value = new DuckDbHugeInt(unscaled) };
    }
}
