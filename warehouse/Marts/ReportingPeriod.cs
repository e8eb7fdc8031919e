using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Marts;

public enum PeriodKind { Month, Quarter }

/// <summary>A ranking period: a quarter (<c>2026Q3</c>) or a month (<c>2026-09</c>); End is exclusive.</summary>
public sealed partial record ReportingPeriod(DateOnly Start, DateOnly End, PeriodKind Kind)
{
    private int Months => Kind == PeriodKind.Quarter ? 3 : 1;

    /// <summary>The previous period of the same length: 2026Q3 → 2026Q2, 2026-01 → 2025-12.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ReportingPeriod Previous => new(Start.AddMonths(-Months), Start, Kind);

    public string Label => Kind == PeriodKind.Quarter
        ? $"{Start.Year}Q{(Start.Month - 1) / 3 + 1}"
        : Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public override string ToString() => Label;

    public static ReportingPeriod Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1), PeriodKind.Month);

    /// <summary>Parses <c>2026Q3</c> (also <c>2026q3</c>), <c>2026-09</c> or <c>202609</c>.</summary>
    public static ReportingPeriod Parse(string text)
    {
        var trimmed = text?.Trim() ?? "";
        var quarter = QuarterPattern().Match(trimmed);
        if (quarter.Success)
        {
            var start = new DateOnly(int.Parse(quarter.Groups[1].Value, CultureInfo.InvariantCulture), (int.Parse(quarter.Groups[2].Value, CultureInfo.InvariantCulture) - 1) * 3 + 1, 1);
            return new ReportingPeriod(start, start.AddMonths(3), PeriodKind.Quarter);
        }
        if (TryParseMonth(trimmed, out var month)) return new ReportingPeriod(month, month.AddMonths(1), PeriodKind.Month);
        throw new MartValidationException(
            $"Unknown period format '{text}': use a quarter like 2026Q3 or a month like 2026-09.");
    }

    /// <summary>Parses a day <c>2026-05-20</c> (a cut-off day, <c>--as-of</c>).</summary>
    public static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new MartValidationException($"Unknown day format '{text}': use a day like 2026-05-20.");

    /// <summary>Parses a month <c>2026-09</c> or <c>202609</c> to its first day.</summary>
    public static DateOnly ParseMonth(string text)
    {
        if (TryParseMonth(text?.Trim() ?? "", out var month)) return month;
        throw new MartValidationException($"Unknown month format '{text}': use a month like 2026-09.");
    }

    private static bool TryParseMonth(string text, out DateOnly month)
    {
        var match = MonthPattern().Match(text);
        month = default;
        if (!match.Success) return false;
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (number is < 1 or > 12) return false;
        month = new DateOnly(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), number, 1);
        return true;
    }

    [GeneratedRegex(@"^(\d{4})[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^(\d{4})-?(\d{2})$")]
    private static partial Regex MonthPattern();
}

/// <summary>Whole months from <see cref="First"/> to <see cref="Last"/> inclusive (first days of months).</summary>
public sealed record MonthRange(DateOnly First, DateOnly Last)
{
    /// <summary>The first day after the range.</summary>
    public DateOnly End => Last.AddMonths(1);

    /// <summary>Parses <c>--from 2026-01 --to 2026-06</c>; <c>to</c> defaults to <c>from</c>.</summary>
    public static MonthRange Parse(string from, string? to = null)
    {
        var first = ReportingPeriod.ParseMonth(from);
        var last = to is null ? first : ReportingPeriod.ParseMonth(to);
        if (last < first)
            throw new MartValidationException($"The month range ends ({last:yyyy-MM}) before it starts ({first:yyyy-MM}).");
        return new MonthRange(first, last);
    }

    public override string ToString() => First == Last ? $"{First:yyyy-MM}" : $"{First:yyyy-MM}..{Last:yyyy-MM}";
}
