using System.Globalization;
using Analytics.Reports.Model;

namespace Analytics.Reports.Formatting;

/// <summary>The unit a figure is shown in on a card or a wall tile: as is, or in 万 (ten thousands).</summary>
public enum FigureUnit { One, TenThousand }

/// <summary>
/// A single figure as a card shows it: counts and money from 100,000 up in 万 in Chinese (12.3万,
/// ¥350.9万), otherwise counts with thousands separators and money in whole yuan; ratios with 2
/// decimals, percents with their column's decimals and %. Rounded half away from zero, here only.
/// </summary>
public static class FigureText
{
    /// <summary>From this magnitude on a Chinese card shows counts and money in 万.</summary>
    public const decimal TenThousandFrom = 100_000m;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The unit <paramref name="value"/> of <paramref name="column"/> is shown in (English never uses 万).</summary>
    public static FigureUnit UnitOf(ReportColumn column, decimal? value, bool english = false) =>
        !english && value is { } v && Math.Abs(v) >= TenThousandFrom && column.Kind is ColumnKind.Integer or ColumnKind.Money
            ? FigureUnit.TenThousand : FigureUnit.One;

    /// <summary>The figure as a card shows it, e.g. 12.3万, ¥350.9万, 1,234, ¥8,500, 1.25, 12.5%; null is —.</summary>
    public static string Format(ReportColumn column, decimal? value, bool english = false) =>
        value is null ? HumanText.Missing : Format(column, value.Value, UnitOf(column, value, english), change: false, english);

    /// <summary>
    /// <paramref name="value"/> in <paramref name="unit"/> with its column's symbols: ¥, 万, % — or, for a
    /// <paramref name="change"/> of a percent, 个百分点 (pp): a change of 10.0% to 12.5% is 2.5 points, not 2.5%.
    /// </summary>
    internal static string Format(ReportColumn column, decimal value, FigureUnit unit, bool change, bool english)
    {
        var sign = value < 0 ? "-" : "";
        var number = Number(column, Math.Abs(value), unit);
        var tenThousand = unit == FigureUnit.TenThousand ? "万" : "";
        return column.Kind switch
        {
            ColumnKind.Money or ColumnKind.Wage => sign + "¥" + number + tenThousand,
            ColumnKind.Percent when change => sign + number + (english ? " pp" : "个百分点"),
            ColumnKind.Percent => sign + number + "%",
            _ => sign + number + tenThousand,
        };
    }

    /// <summary>The value rounded as it is shown in <paramref name="unit"/> (in that unit: 123,456 in 万 is 12.3).</summary>
    internal static decimal Shown(ReportColumn column, decimal value, FigureUnit unit) =>
        decimal.Round(unit == FigureUnit.TenThousand ? value / 10_000m : value, Decimals(column, unit), MidpointRounding.AwayFromZero);

    private static string Number(ReportColumn column, decimal value, FigureUnit unit)
    {
        var decimals = Decimals(column, unit);
        var shown = Shown(column, value, unit);
        if (unit == FigureUnit.TenThousand) return shown.ToString("#,##0.#", Invariant);
        return shown.ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals), Invariant);
    }

    /// <summary>万 to one decimal; on a card money is whole yuan, ratios 2 decimals, percents as their column says.</summary>
    private static int Decimals(ReportColumn column, FigureUnit unit) => unit == FigureUnit.TenThousand ? 1 : column.Kind switch
    {
        ColumnKind.Ratio => 2,
        ColumnKind.Percent => column.Decimals,
        _ => 0,
    };
}
