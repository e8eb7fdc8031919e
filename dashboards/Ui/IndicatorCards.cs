using Analytics.Reports.Formatting;
using Analytics.Reports.Model;
using Analytics.Reports.Products;

namespace Analytics.Dashboards.Ui;

/// <summary>One indicator as a card or a wall tile shows it; every text is already in the reader's language.</summary>
/// <param name="Change">the change on last month in the figure's unit, ▲/▼ coloured by <see cref="ReportColumn.Increase"/>; null: no previous month</param>
/// <param name="Ytd">January through the month, where the indicator has a year to date (compliance-and-statistics.md B.3)</param>
/// <param name="Yoy">the change on the same month last year (% or, for ratios and shares, a difference)</param>
public sealed record IndicatorCard(string Field, string Label, string Value, ChangeDisplay? Change, string? Ytd, string? Yoy, string YoyClass)
{
    /// <summary>The change as a card line: "▲ 1.2万 较上月", "与上月持平", or "上月无数据".</summary>
    public string DeltaText(bool english) => Change is not { } change ? (english ? "no previous month" : "上月无数据")
        : change.Text.StartsWith('▲') || change.Text.StartsWith('▼') ? $"{change.Text} {(english ? "vs last month" : "较上月")}"
        : english ? "same as last month" : "与上月持平";

    /// <summary>delta, up/down, good/bad/neutral (whether the change is good news for this indicator) and the reports' change-* class.</summary>
    public string DeltaClasses => Change is not { } change ? "delta"
        : $"delta {(change.Text.StartsWith('▲') ? "up " : change.Text.StartsWith('▼') ? "down " : "")}{change.Tone.ToString().ToLowerInvariant()} {change.CssClass}";
}

/// <summary>
/// The overview's cards and the wall's tiles, read by field from the published indicator table (the
/// one the export writes): label, format and the colour of a change all come from <see cref="IndicatorReport"/>.
/// </summary>
public static class IndicatorCards
{
    /// <summary>The overview's cards, in this order.</summary>
    public static readonly IReadOnlyList<string> Overview =
    [
        "demand", "supply", "ratio", "new_employment", "new_unemployed", "registered_unemployed", "reemployed", "ui_recipients", "ui_paid",
        "retirees", "retirees_80_plus", "retirees_special", "dispatch_headcount", "dispatch_billed",
    ];

    /// <summary>The wall's tiles (fewer, read from 5 m).</summary>
    public static readonly IReadOnlyList<string> Wall = ["demand", "supply", "ratio", "new_employment", "registered_unemployed", "retirees"];

    /// <summary>The row of the selected scope (the first that is not a child region); null when the table has none.</summary>
    public static ReportRow? ScopeRow(ReportTable table) =>
        table.Rows.FirstOrDefault(r => table.IndexOf("is_child") is var i && (i < 0 || r.Values[i] is not true));

    /// <summary>What is registered in a month (not stocks, which carry over into months the lake has no registrations for).</summary>
    private static readonly string[] MonthFlows = ["demand", "supply", "new_employment", "new_unemployed", "reemployed", "ui_paid", "new_retirees", "dispatch_billed"];

    /// <summary>
    /// Whether the month has figures: a scope row with anything registered in the month. A month or region
    /// without registrations (before the data, after the last batch) is shown as "no data", never as a row of
    /// zeros beside the stocks carried over.
    /// </summary>
    public static bool HasData(ReportTable table) =>
        ScopeRow(table) is { } row && MonthFlows.Any(field => Value(table, row, field) is { } v && v != 0);

    public static decimal? Value(ReportTable table, ReportRow? row, string field) =>
        row is null || table.IndexOf(field) is var i && i < 0 ? null : row.Values[i] switch
        {
            long n => n,
            int n => n,
            decimal d => d,
            _ => null,
        };

    /// <param name="previous">last month's table of the same scope, if any</param>
    public static IEnumerable<IndicatorCard> Of(IEnumerable<string> fields, ReportTable table, ReportTable? previous, bool english)
    {
        var (row, before) = (ScopeRow(table), previous is null ? null : ScopeRow(previous));
        foreach (var field in fields)
        {
            var column = IndicatorReport.Column(field);
            var value = Value(table, row, field);
            var change = ChangeText.Of(column, value, previous is null ? null : Value(previous, before, field), english);
            string? ytd = null, yoy = null;
            var yoyClass = "";
            if (Value(table, row, field + "_ytd") is { } ytdValue)
                ytd = FigureText.Format(IndicatorReport.Column(field + "_ytd"), ytdValue, english);
            var yoyField = table.IndexOf(field + "_yoy_pct") >= 0 ? field + "_yoy_pct" : field + "_yoy";
            if (Value(table, row, yoyField) is { } yoyValue)
            {
                yoy = (yoyValue > 0 ? "+" : "") + FigureText.Format(IndicatorReport.Column(yoyField), yoyValue, english);
                yoyClass = new ChangeDisplay("", yoyValue == 0 ? ChangeTone.Neutral : ChangeText.Tone(column.Increase, yoyValue > 0)).CssClass;
            }
            yield return new IndicatorCard(field, column.ShortLabel(english), FigureText.Format(column, value, english), change, ytd, yoy, yoyClass);
        }
    }
}
