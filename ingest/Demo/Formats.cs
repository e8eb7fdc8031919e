using System.Globalization;

namespace Analytics.Ingest.Demo;

/// <summary>Invariant text forms of values, so output never depends on the machine's culture.</summary>
internal static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
    public static string SlashDate(DateOnly date) => date.ToString("yyyy/M/d", Invariant);
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", Invariant);
    public static string Money(decimal amount) => amount.ToString("0.00", Invariant);
    /// <summary>How bureau exports often print money: <c>¥12,345.67</c>.</summary>
    public static string DisplayMoney(decimal amount) => "¥" + amount.ToString("#,##0.00", Invariant);
    public static string Number(int value) => value.ToString(Invariant);
    public static string Compact(DateOnly date) => date.ToString("yyyyMMdd", Invariant);

    /// <summary>Money from a computed double: decimal, 2 places, half away from zero.</summary>
    public static decimal ToMoney(double value) => Round2((decimal)value);

    /// <summary>2 places, half away from zero, and always carrying 2 decimals (so JSON prints 1800.00, not 1800.0).</summary>
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>Rounds to a whole multiple of <paramref name="step"/> yuan, as posted wage ranges are.</summary>
    public static decimal RoundTo(double value, int step) => step * Math.Round((decimal)value / step, 0, MidpointRounding.AwayFromZero);
}
