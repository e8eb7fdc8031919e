namespace Analytics.Ingest.Demo;

/// <summary>
/// The period the demo covers (2025-01 to 2026-09) and its seasonality: registrations dip at the
/// Spring Festival (Feb), peak in the 春风行动 recruitment drive (Mar) and at graduation (Jul).
/// Vacancies, job seekers and placements have a <see cref="Seasonality"/> each, around the festival's real dates.
/// </summary>
internal static class DemoCalendar
{
    public static readonly DateOnly FirstMonth = new(2025, 1, 1);
    public static readonly DateOnly LastMonth = new(2026, 9, 1);
    public static readonly DateOnly LastDay = new(2026, 9, 30);
    /// <summary>The day the files were exported: receipts up to this day are known.</summary>
    public static readonly DateOnly ExportedOn = new(2026, 10, 10);

    private static readonly double[] Seasonal = [0.85, 0.7, 1.3, 1.1, 1.0, 1.0, 1.15, 1.0, 1.05, 0.9, 0.95, 0.85];

    public static IEnumerable<DateOnly> Months(DateOnly from, DateOnly to)
    {
        for (var m = from; m <= to; m = m.AddMonths(1)) yield return m;
    }

    public static IReadOnlyList<DateOnly> AllMonths { get; } = Months(FirstMonth, LastMonth).ToList();

    /// <summary>Relative activity of a month, with 3 % year-on-year growth (the datasets without a <see cref="Seasonality"/> of their own).</summary>
    public static double Weight(DateOnly month) => Seasonal[month.Month - 1] * (month.Year >= 2026 ? 1.03 : 1.0);

    /// <summary>春节 (the first day of the lunar year): it moves between late January and mid February, and the market with it.</summary>
    public static readonly IReadOnlyDictionary<int, DateOnly> SpringFestival = new Dictionary<int, DateOnly>
    {
        [2025] = new(2025, 1, 29),
        [2026] = new(2026, 2, 17),
    };

    public static DateOnly EndOfMonth(DateOnly month) => month.AddMonths(1).AddDays(-1);

    /// <summary>
    /// Splits <paramref name="total"/> rows over the given months in proportion to their weights,
    /// exactly (largest remainders), so the count does not drift with rounding.
    /// </summary>
    public static int[] Apportion(int total, IReadOnlyList<DateOnly> months, Func<DateOnly, double>? weight = null)
    {
        var weights = months.Select(weight ?? Weight).ToArray();
        double sum = weights.Sum();
        var counts = weights.Select(w => (int)Math.Floor(total * w / sum)).ToArray();
        int missing = total - counts.Sum();
        var byRemainder = Enumerable.Range(0, months.Count)
            .OrderByDescending(i => total * weights[i] / sum - counts[i]).ThenBy(i => i).Take(missing);
        foreach (var i in byRemainder) counts[i]++;
        return counts;
    }

    /// <summary>Sorted random days, <paramref name="count"/> of them, inside the month: files list rows by date like real exports.</summary>
    public static IEnumerable<DateOnly> DaysIn(DateOnly month, int count, DemoRandom random)
    {
        int days = DateTime.DaysInMonth(month.Year, month.Month);
        var offsets = new int[count];
        for (int i = 0; i < count; i++) offsets[i] = random.Next(days);
        Array.Sort(offsets);
        return offsets.Select(o => month.AddDays(o));
    }
}
