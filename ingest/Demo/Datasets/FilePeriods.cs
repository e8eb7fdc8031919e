namespace Analytics.Ingest.Demo.Datasets;

/// <summary>The months one file covers, named like its export (<c>2025Q3</c>, <c>2026</c>).</summary>
internal sealed record FilePeriod(string Label, IReadOnlyList<DateOnly> Months)
{
    public static IReadOnlyList<FilePeriod> Quarters { get; } = DemoCalendar.AllMonths
        .GroupBy(m => (m.Year, Quarter: (m.Month - 1) / 3 + 1))
        .Select(g => new FilePeriod($"{g.Key.Year}Q{g.Key.Quarter}", g.ToList())).ToList();

    public static IReadOnlyList<FilePeriod> Years { get; } = DemoCalendar.AllMonths
        .GroupBy(m => m.Year).Select(g => new FilePeriod(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.ToList())).ToList();
}

/// <summary>A dataset's rows spread over the months by seasonality, handed out file by file in date order.</summary>
internal sealed class MonthlyRows
{
    private readonly Dictionary<DateOnly, int> _perMonth;

    /// <param name="weight">the dataset's relative activity per month (default: <see cref="DemoCalendar.Weight"/>)</param>
    public MonthlyRows(int total, Func<DateOnly, double>? weight = null)
    {
        var counts = DemoCalendar.Apportion(total, DemoCalendar.AllMonths, weight);
        _perMonth = DemoCalendar.AllMonths.Select((m, i) => (m, counts[i])).ToDictionary(x => x.m, x => x.Item2);
    }

    public int Total => _perMonth.Values.Sum();

    public int In(FilePeriod period) => period.Months.Sum(m => _perMonth[m]);

    /// <summary>The registration days of a file's rows, sorted.</summary>
    public IEnumerable<DateOnly> Days(FilePeriod period, DemoRandom random) =>
        period.Months.SelectMany(m => DemoCalendar.DaysIn(m, _perMonth[m], random));
}
