namespace Analytics.Ingest.Demo;

/// <summary>
/// How one dataset's registrations move through the year, so that demand, supply and placements
/// neither coincide nor move in lockstep. <see cref="Monthly"/> is the shape of a year without the
/// festival; around the Spring Festival (its real date each year) registrations lull for about two
/// weeks (the week before to the week after: offices closed, migrant workers at home) and surge in
/// the month after (workers return, employers hire in the 春风行动 drive). The lull and the surge fall
/// on whichever months those days do: late January and early February in 2025, mid-February to
/// March in 2026.
/// </summary>
internal sealed record Seasonality(double[] Monthly, double FestivalLull, double ReturnSurge, double YearOnYear)
{
    private const int LullBefore = 7, LullAfter = 8, SurgeDays = 30;

    /// <summary>Demand: employers post after the festival and again in 金九银十 (September); little in December.</summary>
    public static readonly Seasonality Vacancies = new([1.0, 1.0, 1.15, 1.1, 1.0, 0.95, 0.95, 1.0, 1.1, 0.95, 0.95, 0.85],
        FestivalLull: 0.6, ReturnSurge: 0.45, YearOnYear: 1.01);

    /// <summary>Supply: returning migrant workers and job-changers after the year-end bonus, then the graduates (July, August).</summary>
    public static readonly Seasonality Jobseekers = new([0.95, 1.0, 1.1, 1.0, 0.95, 1.05, 1.35, 1.2, 1.0, 0.85, 0.9, 0.85],
        FestivalLull: 0.65, ReturnSurge: 0.6, YearOnYear: 1.05);

    /// <summary>Placements: a month behind demand and supply, deepest at the festival, little surge.</summary>
    public static readonly Seasonality Placements = new([1.0, 1.0, 1.05, 1.15, 1.05, 1.0, 1.05, 1.15, 1.05, 0.9, 0.95, 0.95],
        FestivalLull: 0.75, ReturnSurge: 0.25, YearOnYear: 1.02);

    public double Weight(DateOnly month)
    {
        var festival = DemoCalendar.SpringFestival[month.Year];
        var lull = Share(month, festival.AddDays(-LullBefore), festival.AddDays(LullAfter));
        var surge = Share(month, festival.AddDays(LullAfter), festival.AddDays(LullAfter + SurgeDays));
        var growth = Math.Pow(YearOnYear, month.Year - DemoCalendar.FirstMonth.Year);
        return Monthly[month.Month - 1] * growth * (1 - FestivalLull * lull) * (1 + ReturnSurge * surge);
    }

    /// <summary>The part of <paramref name="month"/>'s days that fall in [from, to).</summary>
    private static double Share(DateOnly month, DateOnly from, DateOnly to)
    {
        var end = month.AddMonths(1);
        var first = from > month ? from : month;
        var last = to < end ? to : end;
        var days = last.DayNumber - first.DayNumber;
        return days <= 0 ? 0 : days / (double)(end.DayNumber - month.DayNumber);
    }
}
