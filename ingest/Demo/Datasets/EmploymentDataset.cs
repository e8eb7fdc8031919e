using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>
/// Employment registrations, the wage sample: one file per year (2025 saved from Excel with 1/0 for
/// full_time, 2026 a system export with true/false). Wages are log-normal around the occupation's
/// median in the city (σ 0.28, 0.36 for professionals), never below the city minimum wage for full-time
/// work; 0.4 % of full-time wages carry a typed extra zero (×10) for the outlier fence to drop.
/// Bad rows, in the middle of: 2025 a negative monthly_wage, 2026 a person_id with a wrong check digit.
/// </summary>
internal static class EmploymentDataset
{
    public const int BaseRows = 27_000;

    private static readonly WeightedChoice<string> Types =
        new([("employee", 82), ("flexible", 12), ("self_employed", 4), ("public_welfare_post", 2)]);

    public static void Write(DemoOutput output, DemoScale scale)
    {
        var random = DemoRandom.For("employment");
        var ids = new ResidentIdIssuer();
        var rows = new MonthlyRows(scale.Rows(BaseRows), Seasonality.Placements.Weight);
        output.BeginDataset("employment", rows.Total);
        foreach (var period in FilePeriod.Years)
        {
            var dialect = period.Label == "2025" ? TextDialect.ExcelUtf8 : TextDialect.Plain;
            using var file = new CsvRowWriter(output, "employment", $"employment_{period.Label}.csv", Schemas.Employment, dialect);
            int middle = rows.In(period) / 2, index = 0;
            foreach (var day in rows.Days(period, random))
            {
                var row = Row(day, ids, random);
                if (index++ == middle)
                {
                    if (period.Label == "2025") row[8] = -4200.00m;
                    else row[0] = ResidentIds.WithWrongCheck((string)row[0]!);
                }
                file.Write(row);
            }
        }
    }

    private static object?[] Row(DateOnly day, ResidentIdIssuer ids, DemoRandom random)
    {
        var region = Regions.Activity.Next(random);
        var city = Regions.CityOf(region);
        var occupation = Occupations.Placements.Next(random);
        var (personId, _) = ids.Issue(region.Code, Demographics.BirthYear(Demographics.WorkingAge(random), day), Demographics.Male(random));
        var type = Types.Next(random);
        bool fullTime = type switch
        {
            "employee" => random.Chance(0.95),
            "flexible" => random.Chance(0.4),
            _ => true,
        };
        decimal? wage = Wage(occupation, city, day.Year, type, fullTime, random);
        object? fullTimeValue = random.Chance(0.05) && fullTime ? null : fullTime; // blank means the default, true
        return
        [
            personId, day, region.Code,
            type == "self_employed" ? null : Demographics.EmployerId(region, random),
            Demographics.IndustryCode(occupation, random), occupation.Code, type, fullTimeValue, wage,
        ];
    }

    private static decimal? Wage(Occupation occupation, CityEconomy city, int year, string type, bool fullTime, DemoRandom random)
    {
        if (random.Chance(type == "self_employed" ? 0.6 : 0.04)) return null;
        if (type == "public_welfare_post") return Formats.ToMoney((double)city.MinimumWage * random.Between(1.0, 1.2));
        double sigma = occupation.MajorGroup == 2 ? 0.36 : 0.28;
        double wage = random.LogNormal(Occupations.MedianWage(occupation, city, year), sigma);
        if (!fullTime) return Formats.ToMoney(wage * 0.45);
        wage = Math.Max(wage, (double)city.MinimumWage);
        if (random.Chance(0.004)) wage *= 10;
        return Formats.ToMoney(wage);
    }
}
