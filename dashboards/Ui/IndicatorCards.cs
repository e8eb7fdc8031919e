using Analytics.Reports.Formatting;
using Analytics.Reports.Products;
using Analytics.Warehouse.Marts.Indicators;

namespace Analytics.Dashboards.Ui;

/// <summary>One indicator card: its figure and its change against last month, written in the figure's unit.</summary>
public sealed record IndicatorCard(string Field, string Label, string Value, ChangeDisplay? Change, bool HasPrevious, bool English)
{
    public string DeltaText => Change?.Text is { } text
        ? text == "持平" || text == "unchanged" ? (English ? "same as last month" : "与上月持平") : $"{text} {(English ? "vs last month" : "较上月")}"
        : English ? "no previous month" : "上月无数据";

    /// <summary>delta, up/down and good/bad/neutral: whether the change is good news for this indicator (its definition's Increase).</summary>
    public string DeltaClasses => Change is not { } change || change.Tone == ChangeTone.None ? "delta"
        : $"delta {(change.Text.StartsWith('▲') ? "up " : change.Text.StartsWith('▼') ? "down " : "")}{change.Tone.ToString().ToLowerInvariant()}";
}

/// <summary>
/// The month's indicator cards, shared by the overview (all of them) and the wall screen (a few, large).
/// Label, format, unit and whether a rise is good news all come from the indicator's one definition
/// (<see cref="IndicatorReport.Column"/>, <see cref="FigureText"/>, <see cref="ChangeText"/>), so a card,
/// a tile, the table and every export say the same thing; this file only chooses which indicators are cards.
/// </summary>
public static class IndicatorCards
{
    private static readonly (string Field, Func<IndicatorRow, decimal?> Value)[] Cards =
    [
        ("demand", r => r.Demand), ("supply", r => r.Supply), ("ratio", r => r.Ratio),
        ("new_employment", r => r.NewEmployment), ("new_unemployed", r => r.NewUnemployed),
        ("registered_unemployed", r => r.RegisteredUnemployed), ("reemployed", r => r.Reemployed),
        ("ui_recipients", r => r.UiRecipients), ("ui_paid", r => r.UiPaid), ("retirees", r => r.Retirees),
        ("retirees_80_plus", r => r.Retirees80Plus), ("retirees_special", r => r.RetireesSpecial),
        ("dispatch_headcount", r => r.DispatchHeadcount), ("dispatch_billed", r => r.DispatchBilled),
    ];

    public static IReadOnlyList<IndicatorCard> Of(UiContext ui, IndicatorRow current, IndicatorRow? previous) =>
        Cards.Select(card =>
        {
            var column = IndicatorReport.Column(card.Field);
            var value = card.Value(current);
            return new IndicatorCard(card.Field, column.ShortLabel(ui.IsEnglish), FigureText.Format(column, value, ui.IsEnglish),
                previous is null ? null : ChangeText.Of(column, value, card.Value(previous), ui.IsEnglish), previous is not null, ui.IsEnglish);
        }).ToArray();
}
