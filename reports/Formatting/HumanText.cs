using System.Globalization;
using Analytics.Reports.Model;

namespace Analytics.Reports.Formatting;

/// <summary>
/// Values as a reader sees them (HTML cells, XLSX text and column widths): rounded half away from
/// zero only here, wages in whole yuan, codes replaced by names, 样本不足 in withheld cells.
/// </summary>
public static class HumanText
{
    public const string Missing = "—";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The cell as the human formats and the pages show it; <paramref name="english"/> for a page in English mode.</summary>
    public static string Format(ReportColumn column, ReportRow row, int index, bool english = false)
    {
        if (row.Suppressed && column.IsWithheldWhenSuppressed) return english ? SuppressionMarkEn : ReportNotes.SuppressionMark;
        return Format(column, row.Values[index], english);
    }

    public const string SuppressionMarkEn = "sample too small";

    /// <summary>
    /// A cell as the HTML export and the pages show it: <see cref="Format(ReportColumn, object?, bool)"/>, with ¥
    /// before money and wages (-¥ for a negative amount). XLSX states the currency in its number format instead.
    /// </summary>
    public static string Shown(ReportColumn column, object? value, bool english = false)
    {
        var text = Format(column, value, english);
        if (value is not decimal || column.Kind is not (ColumnKind.Money or ColumnKind.Wage)) return text;
        return text.StartsWith('-') ? "-¥" + text[1..] : "¥" + text;
    }

    public static string Format(ReportColumn column, object? value, bool english = false) => value switch
    {
        null => (english ? column.NullTextEn : null) ?? column.NullText ?? Missing,
        string s => column.Label(s, english),
        bool b => english ? (b ? "yes" : "no") : b ? "是" : "否",
        DateOnly d => d.ToString(column.Kind == ColumnKind.Month ? "yyyy-MM" : "yyyy-MM-dd", Invariant),
        string[] items => string.Join(english ? ", " : "、", items.Select(item => column.Label(item, english))),
        long n when column.Kind == ColumnKind.RankChange => RankChange(n, english),
        long n => n.ToString(column.Grouped ? "#,##0" : "0", Invariant),
        decimal d => Number(column, d),
        _ => value.ToString() ?? "",
    };

    /// <summary>Places moved in a ranking as a reader sees them: ↑3 (up), ↓2 (down), 持平 (unchanged).</summary>
    public static string RankChange(long places, bool english = false) => places switch
    {
        > 0 => "↑" + places.ToString(Invariant),
        < 0 => "↓" + (-places).ToString(Invariant),
        _ => english ? "unchanged" : "持平",
    };

    /// <summary>The decimals a number of this column is shown with (null: as many as it has, up to 2).</summary>
    public static int? ShownDecimals(ColumnKind kind, int percentDecimals) => kind switch
    {
        ColumnKind.Money or ColumnKind.Ratio => 2,
        ColumnKind.Percent => percentDecimals,
        ColumnKind.Wage => 0,
        _ => null,
    };

    private static string Number(ReportColumn column, decimal value)
    {
        var decimals = ShownDecimals(column.Kind, column.Decimals);
        if (decimals is null) return value.ToString("#,##0.##", Invariant);
        var rounded = decimal.Round(value, decimals.Value, MidpointRounding.AwayFromZero);
        var pattern = column.Kind == ColumnKind.Ratio || column.Kind == ColumnKind.Percent ? "0" : "#,##0";
        return rounded.ToString(decimals.Value == 0 ? pattern : pattern + "." + new string('0', decimals.Value), Invariant);
    }
}
