namespace Analytics.Ingest.Validation;

/// <summary>What <see cref="FieldParsers.ParseScaled"/> made of a field.</summary>
public enum NumberParse { Ok, NotANumber, TooManyDecimals, TooManyDigits }

/// <summary>Allocation-free parsers over UTF-8 field bytes (already trimmed). Each returns false on bad input.</summary>
public static class FieldParsers
{
    /// <summary><c>yyyy-MM-dd</c>, <c>yyyy/M/d</c> or <c>yyyyMMdd</c> to a day number (<see cref="DateOnly.DayNumber"/>).</summary>
    public static bool TryDate(ReadOnlySpan<byte> s, out long dayNumber)
    {
        dayNumber = 0;
        int year, month, day;
        if (s.Length == 8 && AllDigits(s))
        {
            year = Digits(s[..4]); month = Digits(s.Slice(4, 2)); day = Digits(s.Slice(6, 2));
        }
        else if (s.Length == 10 && s[4] == '-' && s[7] == '-' && AllDigits(s[..4]) && AllDigits(s.Slice(5, 2)) && AllDigits(s.Slice(8, 2)))
        {
            year = Digits(s[..4]); month = Digits(s.Slice(5, 2)); day = Digits(s.Slice(8, 2));
        }
        else if (s.Length is >= 8 and <= 10 && s[4] == '/')
        {
            var rest = s[5..];
            var slash = rest.IndexOf((byte)'/');
            if (slash is < 1 or > 2 || rest.Length - slash - 1 is < 1 or > 2) return false;
            if (!AllDigits(s[..4]) || !AllDigits(rest[..slash]) || !AllDigits(rest[(slash + 1)..])) return false;
            year = Digits(s[..4]); month = Digits(rest[..slash]); day = Digits(rest[(slash + 1)..]);
        }
        else return false;
        return TryMake(year, month, day, out dayNumber);
    }

    /// <summary><c>yyyy-MM</c>, <c>yyyyMM</c>, <c>yyyy/M</c>, or the first of a month as a date (an Excel date cell).</summary>
    public static bool TryMonth(ReadOnlySpan<byte> s, out long dayNumber)
    {
        dayNumber = 0;
        if (s.Length == 6 && AllDigits(s)) return TryMake(Digits(s[..4]), Digits(s[4..]), 1, out dayNumber);
        if (s.Length == 7 && s[4] == '-' && AllDigits(s[..4]) && AllDigits(s[5..])) return TryMake(Digits(s[..4]), Digits(s[5..]), 1, out dayNumber);
        if (s.Length is 6 or 7 && s[4] == '/' && AllDigits(s[..4]) && AllDigits(s[5..])) return TryMake(Digits(s[..4]), Digits(s[5..]), 1, out dayNumber);
        return s.Length == 10 && s.EndsWith("-01"u8) && TryDate(s, out dayNumber);
    }

    private static bool TryMake(int year, int month, int day, out long dayNumber)
    {
        dayNumber = 0;
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        dayNumber = new DateOnly(year, month, day).DayNumber;
        return true;
    }

    public static bool TryInteger(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        var negative = s.Length > 0 && s[0] == '-';
        if (negative || (s.Length > 0 && s[0] == '+')) s = s[1..];
        if (s.IsEmpty || s.Length > 10 || !AllDigits(s)) return false;
        foreach (var b in s) value = value * 10 + (b - '0');
        if (negative) value = -value;
        return true;
    }

    /// <summary>
    /// A decimal with at most <paramref name="scale"/> fractional digits, scaled to an integer
    /// (12,345.67 with scale 2 is 1234567). A leading ¥/￥ is accepted, and thousands separators
    /// in groups of three: <c>1,234.5</c> is 1234.50, while <c>12,34</c> is not a number (a decimal
    /// comma or a typo; guessing would load a figure a hundred times off).
    /// </summary>
    public static NumberParse ParseScaled(ReadOnlySpan<byte> s, int scale, int precision, out long value)
    {
        value = 0;
        if (s.StartsWith("¥"u8)) s = s[2..].TrimStart((byte)' ');
        else if (s.StartsWith("￥"u8)) s = s[3..].TrimStart((byte)' ');
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+')) { negative = s[0] == '-'; s = s[1..]; }
        if (s.StartsWith("¥"u8)) s = s[2..];
        var digits = 0;
        var fraction = -1;
        var group = -1; // digits since the last thousands separator; -1 before the first
        var result = NumberParse.Ok;
        foreach (var b in s)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (fraction >= 0)
                {
                    if (++fraction > scale) result = NumberParse.TooManyDecimals;
                }
                else
                {
                    if (group >= 0) group++;
                    if (++digits > precision - scale) result = NumberParse.TooManyDigits;
                }
                if (result == NumberParse.Ok) value = value * 10 + (b - '0');
            }
            else if (b == '.' && fraction < 0)
            {
                if (group is >= 0 and not 3) return NumberParse.NotANumber;
                fraction = 0;
            }
            else if (b == ',' && fraction < 0 && digits > 0 && (group < 0 ? digits <= 3 : group == 3)) group = 0;
            else return NumberParse.NotANumber;
        }
        if (digits == 0 && fraction <= 0) return NumberParse.NotANumber;
        if (fraction < 0 && group is >= 0 and not 3) return NumberParse.NotANumber;
        if (result != NumberParse.Ok) return result;
        for (var f = Math.Max(fraction, 0); f < scale; f++) value *= 10;
        if (negative) value = -value;
        return NumberParse.Ok;
    }

    public static bool TryBool(ReadOnlySpan<byte> s, out bool value)
    {
        value = false;
        if (s.SequenceEqual("1"u8) || s.SequenceEqual("是"u8) || System.Text.Ascii.EqualsIgnoreCase(s, "true"u8)) return value = true;
        return s.SequenceEqual("0"u8) || s.SequenceEqual("否"u8) || System.Text.Ascii.EqualsIgnoreCase(s, "false"u8);
    }

    /// <summary>GB/T 2260: six digits.</summary>
    public static bool IsRegionCode(ReadOnlySpan<byte> s) => s.Length == 6 && AllDigits(s);

    /// <summary>2022 classification detailed occupation: <c>x-xx-xx-xx</c>.</summary>
    public static bool IsOccupationCode(ReadOnlySpan<byte> s) =>
        s.Length == 10 && s[1] == '-' && s[4] == '-' && s[7] == '-'
        && IsDigit(s[0]) && IsDigit(s[2]) && IsDigit(s[3]) && IsDigit(s[5]) && IsDigit(s[6]) && IsDigit(s[8]) && IsDigit(s[9]);

    /// <summary>GB/T 4754: a section letter A..T, optionally followed by digits (case-insensitive).</summary>
    public static bool IsIndustryCode(ReadOnlySpan<byte> s) =>
        s.Length is >= 1 and <= 5 && (s[0] | 0x20) is >= (byte)'a' and <= (byte)'t' && AllDigits(s[1..]);

    public static bool AllDigits(ReadOnlySpan<byte> s)
    {
        foreach (var b in s) if (!IsDigit(b)) return false;
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static int Digits(ReadOnlySpan<byte> s)
    {
        var v = 0;
        foreach (var b in s) v = v * 10 + (b - '0');
        return v;
    }
}
