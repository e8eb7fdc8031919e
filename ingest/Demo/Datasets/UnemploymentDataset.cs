using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>
/// Unemployment registrations: 2025 as CSV, 2026 as JSON Lines. A registration lasts an exponential
/// time (mean 150 days); one still open on 2026-09-30 has no ended_on. Insured people (75 %, never
/// unplaced graduates) draw unemployment insurance for 3–24 months at 90 % of the city minimum wage.
/// Bad row, in the middle of the 2026 file: ended_on before registered_on.
/// </summary>
internal static class UnemploymentDataset
{
    public const int BaseRows = 10_000;

    private static readonly WeightedChoice<string> Reasons =
        new([("contract_ended", 32), ("dismissed", 25), ("business_closed", 12), ("graduate_unplaced", 8), ("other", 23)]);
    private static readonly WeightedChoice<int> UiMonths =
        new([(3, 10), (6, 22), (9, 18), (12, 20), (15, 10), (18, 9), (21, 6), (24, 5)]);

    public static void Write(DemoOutput output, DemoScale scale)
    {
        var random = DemoRandom.For("unemployment");
        var ids = new ResidentIdIssuer();
        var rows = new MonthlyRows(scale.Rows(BaseRows));
        output.BeginDataset("unemployment", rows.Total);
        foreach (var period in FilePeriod.Years)
        {
            using IRowWriter file = period.Label == "2025"
                ? new CsvRowWriter(output, "unemployment", "unemployment_2025.csv", Schemas.Unemployment, TextDialect.Plain)
                : new JsonLinesRowWriter(output, "unemployment", "unemployment_2026.jsonl", Schemas.Unemployment);
            int middle = rows.In(period) / 2, index = 0;
            foreach (var day in rows.Days(period, random))
            {
                var row = Row(day, ids, random);
                if (index++ == middle && period.Label == "2026")
                {
                    row[7] = day.AddDays(-10);
                    row[8] = "reemployed";
                }
                file.Write(row);
            }
        }
    }

    private static object?[] Row(DateOnly day, ResidentIdIssuer ids, DemoRandom random)
    {
        var region = Regions.Activity.Next(random);
        int age = Demographics.WorkingAge(random, mean: 38, spread: 10);
        bool male = Demographics.Male(random, 0.55);
        var (personId, birth) = ids.Issue(region.Code, Demographics.BirthYear(age, day), male);
        var reason = age <= 24 && random.Chance(0.5) ? "graduate_unplaced" : Reasons.Next(random);

        DateOnly? ended = day.AddDays((int)Math.Round(-Math.Log(1.0 - random.NextDouble()) * 150) + 1);
        if (ended > DemoCalendar.LastDay) ended = null;
        string? endReason = ended is null ? null : EndReason(age, random);

        bool insured = reason != "graduate_unplaced" && random.Chance(0.75);
        int uiMonths = insured ? UiMonths.Next(random) : 0;
        decimal? uiAmount = insured ? Formats.Round2(Regions.CityOf(region).MinimumWage * 0.9m) : null;
        return
        [
            personId, day, region.Code, male ? "M" : "F", birth.Year,
            Demographics.Education(random), reason, ended, endReason, uiMonths, uiAmount,
        ];
    }

    private static string EndReason(int age, DemoRandom random)
    {
        double x = random.NextDouble();
        if (age >= 50 && x < 0.25) return "retired";
        return x < 0.78 ? "reemployed" : x < 0.88 ? "moved" : "other";
    }
}
