namespace Analytics.Warehouse.Marts;

/// <summary>
/// Rounding for display, as metrics.md says: half away from zero. .NET's Math.Round defaults to
/// banker's rounding (2.5 → 2), so writers should round through here.
/// </summary>
public static class Rounding
{
    /// <summary>Wage figures are shown in whole yuan: 3250.5 → 3251.</summary>
    public static decimal? WholeYuan(decimal? value) => value is { } v ? Math.Round(v, 0, MidpointRounding.AwayFromZero) : null;

    public static decimal? ToPlaces(decimal? value, int places) => value is { } v ? Math.Round(v, places, MidpointRounding.AwayFromZero) : null;
}
