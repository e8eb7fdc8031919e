using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>
/// Job seekers (supply): one file per quarter. The 2025 quarters come from the bureau's old system as
/// GB18030 with Chinese headers, Chinese labels (男/女, 本科, 失业人员), yyyy/M/d dates and ¥1,234.00
/// money; the 2026 quarters are UTF-8 with English headers. Occupations are drawn by popularity ÷
/// balance, so surplus groups (clerks, finance, media ...) outnumber their vacancies. Bad rows, in the
/// middle of: 2025Q2 a seeker_id with a wrong check digit, 2025Q4 an unknown gender (未知). In 2026Q2
/// one row has a region code missing from the reference data (440199).
/// </summary>
internal static class JobseekersDataset
{
    public const int BaseRows = 33_000;
    public const string UnknownRegion = "440199";

    private static readonly WeightedChoice<string> Categories =
        new([("unemployed", 40), ("migrant_worker", 28), ("employed_seeking", 20), ("other", 12)]);

    public static void Write(DemoOutput output, DemoScale scale)
    {
        var random = DemoRandom.For("jobseekers");
        var ids = new ResidentIdIssuer();
        var rows = new MonthlyRows(scale.Rows(BaseRows), Seasonality.Jobseekers.Weight);
        output.BeginDataset("jobseekers", rows.Total);
        foreach (var period in FilePeriod.Quarters)
        {
            bool bureauExport = period.Label.StartsWith("2025");
            var fileName = bureauExport ? $"jobseekers_{period.Label}_gbk.csv" : $"jobseekers_{period.Label}.csv";
            using var file = new CsvRowWriter(output, "jobseekers", fileName, Schemas.Jobseekers,
                bureauExport ? TextDialect.BureauGbk : TextDialect.Plain);
            int middle = rows.In(period) / 2, index = 0;
            foreach (var day in rows.Days(period, random))
            {
                var row = Row(day, ids, random);
                if (index++ == middle)
                {
                    if (period.Label == "2025Q2") row[0] = ResidentIds.WithWrongCheck((string)row[0]!);
                    if (period.Label == "2025Q4") row[4] = "未知";
                    if (period.Label == "2026Q2") row[2] = UnknownRegion; // well-formed, not in the reference data: flagged, not rejected
                }
                file.Write(row);
            }
        }
    }

    private static object?[] Row(DateOnly day, ResidentIdIssuer ids, DemoRandom random)
    {
        var region = Regions.Supply.Next(random);
        var occupation = Occupations.Supply.Next(random);
        int age = Demographics.WorkingAge(random, mean: 32);
        bool male = Demographics.Male(random);
        var (personId, birth) = ids.Issue(region.Code, Demographics.BirthYear(age, day), male);
        var category = age <= 24 && random.Chance(0.5) ? "new_graduate" : Categories.Next(random);
        double median = Occupations.MedianWage(occupation, Regions.CityOf(region), day.Year);
        decimal? expected = random.Chance(0.1) ? null : Formats.RoundTo(median * random.Between(0.85, 1.15), 100);
        return
        [
            personId, day, region.Code, occupation.Code, male ? "M" : "F", birth.Year,
            Demographics.Education(occupation, random), category, expected,
        ];
    }
}
