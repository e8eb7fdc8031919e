using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>
/// Vacancies (demand): one UTF-8 file per quarter. Occupations are drawn by popularity × balance, so
/// shortage groups (machining, IT, elderly care ...) outnumber their job seekers. Bad rows, one per
/// file, in the middle of: 2025Q1 an impossible date, 2025Q2 a negative wage_min, 2025Q3 a repeated
/// posting_id, 2026Q1 an unknown education_min. In 2026Q2 one row has an occupation code that is
/// well-formed but missing from the reference data (loaded, and flagged by the data-quality view).
/// </summary>
internal static class VacanciesDataset
{
    public const int BaseRows = 25_000;
    public const string UnknownOccupation = "4-14-02-09";

    private static readonly WeightedChoice<string> Channels =
        new([("public_service", 35), ("online", 45), ("job_fair", 15), ("other", 5)]);

    public static void Write(DemoOutput output, DemoScale scale)
    {
        var random = DemoRandom.For("vacancies");
        var rows = new MonthlyRows(scale.Rows(BaseRows), Seasonality.Vacancies.Weight);
        output.BeginDataset("vacancies", rows.Total);
        int serial = 0;
        foreach (var period in FilePeriod.Quarters)
        {
            var dialect = period.Label.StartsWith("2026") ? TextDialect.ExcelUtf8 : TextDialect.Plain;
            using var file = new CsvRowWriter(output, "vacancies", $"vacancies_{period.Label}.csv", Schemas.Vacancies, dialect);
            int middle = rows.In(period) / 2, index = 0;
            foreach (var day in rows.Days(period, random))
            {
                var row = Row(day, ++serial, random);
                if (index++ == middle) row = WithBadValue(period.Label, row, file);
                file.Write(row);
            }
        }
    }

    private static object?[] Row(DateOnly day, int serial, DemoRandom random)
    {
        var region = Regions.Demand.Next(random);
        var occupation = Occupations.Demand.Next(random);
        double median = Occupations.MedianWage(occupation, Regions.CityOf(region), day.Year);
        decimal? wageMin = null, wageMax = null;
        if (!random.Chance(0.08)) // 面议: no wage stated
        {
            wageMin = Formats.RoundTo(median * random.Between(0.7, 0.9), 100);
            wageMax = Formats.RoundTo((double)wageMin.Value * random.Between(1.2, 1.6), 100);
        }
        int positions = random.Count(occupation.MajorGroup == 6 ? 2.5 : 1.3, 200);
        return
        [
            $"V{day.Year}{serial:0000000}", day, region.Code, Demographics.EmployerId(region, random),
            Demographics.IndustryCode(occupation, random), occupation.Code, positions, wageMin, wageMax,
            random.Chance(0.25) ? "none" : Demographics.Education(occupation, random), Channels.Next(random),
        ];
    }

    private static object?[] WithBadValue(string quarter, object?[] row, CsvRowWriter file)
    {
        switch (quarter)
        {
            case "2025Q1": row[1] = "2025-02-30"; break;
            case "2025Q2": row[7] = -3500.00m; break;
            case "2025Q3": file.Write(row); break; // written twice: the second is a duplicate key
            case "2026Q1": row[9] = "postdoc"; break;
            case "2026Q2": row[5] = UnknownOccupation; break; // valid, but not in the reference data
        }
        return row;
    }
}
