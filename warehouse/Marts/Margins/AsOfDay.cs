using System.Globalization;

namespace Analytics.Warehouse.Marts.Margins;

/// <summary>
/// The as-of day of the margins (compliance-and-statistics.md A.2): a month's cut-off d is the earlier
/// of its last day and this day, so for the running month an invoice due tomorrow is not overdue today.
/// </summary>
public static class AsOfDay
{
    /// <summary>The default: the day of the run on the machine's calendar (the bureau's and the agency's day, not UTC's).</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>Parses <c>2026-09-29</c> (also <c>20260929</c>); null or empty is today.</summary>
    public static DateOnly Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Today();
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        throw new MartValidationException($"Unknown day format '{text}' for --as-of: use a day like 2026-09-29.");
    }
}
