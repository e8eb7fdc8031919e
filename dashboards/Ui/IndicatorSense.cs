namespace Analytics.Dashboards.Ui;

/// <summary>
/// Whether a rise of an indicator is good or bad news, the one place the cards of the overview and the
/// tiles of the wall screen take the colour of their ▲/▼ from. The spec is silent; the reading here is a
/// labour office's: more vacancies, placements and re-employment are good, more unemployment and more
/// unemployment benefit paid are bad, and head counts that are neither (job seekers, retirees) stay neutral.
/// (When the reports' indicator definitions carry their own "rise is good", this map gives way to it.)
/// </summary>
public static class IndicatorSense
{
    /// <summary>True: a rise is good news; false: bad news; null: neither.</summary>
    public static bool? RiseIsGood(string field) => field switch
    {
        "demand" or "ratio" or "new_employment" or "reemployed" or "dispatch_headcount" or "dispatch_billed" => true,
        "new_unemployed" or "registered_unemployed" or "ui_recipients" or "ui_paid" => false,
        _ => null,
    };

    /// <summary>The CSS classes of a change: its direction (up/down) and, where the indicator has a sense, good/bad.</summary>
    public static string Classes(string field, decimal? delta)
    {
        if (delta is null or 0) return "delta";
        var up = delta > 0;
        var sense = RiseIsGood(field) switch
        {
            null => "neutral",
            var good => good == up ? "good" : "bad",
        };
        return $"delta {(up ? "up" : "down")} {sense}";
    }
}
