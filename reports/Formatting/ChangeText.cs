using Analytics.Reports.Model;

namespace Analytics.Reports.Formatting;

/// <summary>Whether a change is good or bad news for its figure (see <see cref="Increase"/>); None when there is no change to show.</summary>
public enum ChangeTone { None, Good, Bad, Neutral }

/// <summary>A change as a card shows it: "▲ 0.3万", "▼ ¥1.2万", "▲ 2.5个百分点", "持平", and how to colour it.</summary>
public sealed record ChangeDisplay(string Text, ChangeTone Tone)
{
    /// <summary>change-good (green), change-bad (red), change-neutral (grey): the pages' and the wall's CSS classes.</summary>
    public string CssClass => Tone switch
    {
        ChangeTone.Good => "change-good",
        ChangeTone.Bad => "change-bad",
        ChangeTone.Neutral => "change-neutral",
        _ => "",
    };
}

/// <summary>
/// The change of a figure against its previous value, stated in the unit its figure is shown in
/// (<see cref="FigureText.UnitOf"/>): a money card shown in 万 states its change in 万, never in raw
/// yuan; a percent states percentage points. The change is computed from the exact values and rounded
/// as the figure is shown; one that rounds to zero is 持平. ▲/▼ is coloured by <see cref="ReportColumn.Increase"/>:
/// ▲ of new unemployment is bad news, ▲ of vacancies good news, ▲ of retirees neither.
/// </summary>
public static class ChangeText
{
    /// <returns>null when either value is missing (no previous month, a null ratio): there is no change to state.</returns>
    public static ChangeDisplay? Of(ReportColumn column, decimal? current, decimal? previous, bool english = false)
    {
        if (current is null || previous is null) return null;
        var unit = FigureText.UnitOf(column, current, english);
        var delta = current.Value - previous.Value;
        var shown = FigureText.Shown(column, delta, unit);
        if (shown == 0) return new ChangeDisplay(english ? "unchanged" : "持平", ChangeTone.Neutral);
        var up = shown > 0;
        var arrow = up ? "▲" : "▼";
        var text = $"{arrow} {FigureText.Format(column, Math.Abs(delta), unit, change: true, english)}";
        return new ChangeDisplay(text, Tone(column.Increase, up));
    }

    public static ChangeTone Tone(Increase increase, bool up) => increase switch
    {
        Increase.Good => up ? ChangeTone.Good : ChangeTone.Bad,
        Increase.Bad => up ? ChangeTone.Bad : ChangeTone.Good,
        _ => ChangeTone.Neutral,
    };
}
