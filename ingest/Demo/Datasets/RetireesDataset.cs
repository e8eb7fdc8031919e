using Analytics.Ingest.Demo.Output;
using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>
/// Retirees under community management: a snapshot file and a later "changes" file that replaces
/// every hundredth active retiree (newly deceased), as corrections arrive in practice. Ages on 2026-09-30: 15 % in their
/// fifties, 40 % sixties, 30 % seventies, 12 % eighties, 3 % ninety or older. Men retire at 60, women at
/// 50 or 55. Special-care flags are more frequent among the 80+. Bad rows: in the middle of the
/// snapshot, status transferred_out with no status_on; a third of the way in, a death dated the
/// day before retirement (status_on &lt; retired_on, compliance-and-statistics.md B.4). Retirements
/// that would fall after the last day are brought to 2026-09, so the last month has new retirees
/// and (through the changes file) deaths.
/// </summary>
internal static class RetireesDataset
{
    public const int BaseRows = 5_000;

    private static readonly WeightedChoice<(int From, int To)> AgeBands =
        new([((50, 59), 15), ((60, 69), 40), ((70, 79), 30), ((80, 89), 12), ((90, 100), 3)]);
    private static readonly string[] Communities =
        ["和平社区", "幸福社区", "新村社区", "花园社区", "东风社区", "建设社区", "朝阳社区", "友谊社区", "滨江社区", "文昌社区"];

    public static void Write(DemoOutput output, DemoScale scale)
    {
        var random = DemoRandom.For("retirees");
        var ids = new ResidentIdIssuer();
        int total = scale.Rows(BaseRows);
        output.BeginDataset("retirees", total + total / 100);
        // Opened first, disposed last: committed after the snapshot, which it corrects.
        using var changes = new CsvRowWriter(output, "retirees", "retirees_2026-09_changes.csv", Schemas.Retirees, TextDialect.ExcelUtf8);
        using (var snapshot = new CsvRowWriter(output, "retirees", "retirees_2026-09.csv", Schemas.Retirees, TextDialect.ExcelUtf8))
        {
            int active = 0;
            for (int i = 0; i < total; i++)
            {
                var row = Row(ids, random);
                if (i == total / 2) { row[12] = "transferred_out"; row[13] = null; }
                else if (i == total / 3) { row[12] = "deceased"; row[13] = ((DateOnly)row[5]!).AddDays(-1); }
                else if ((string)row[12]! == "active" && active++ % 100 == 0)
                {
                    var died = (object?[])row.Clone();
                    died[12] = "deceased";
                    died[13] = DemoCalendar.LastDay.AddDays(-random.Next(20));
                    changes.Write(died);
                }
                snapshot.Write(row);
            }
        }
    }

    private static object?[] Row(ResidentIdIssuer ids, DemoRandom random)
    {
        var region = Regions.Activity.Next(random);
        bool male = Demographics.Male(random, 0.45);
        int retirementAge = male ? 60 : random.Chance(0.5) ? 50 : 55;
        var band = AgeBands.Next(random);
        int age = Math.Max(random.Between(band.From, band.To), retirementAge);
        var (retireeId, birth) = ids.Issue(region.Code, Demographics.BirthYear(age, DemoCalendar.LastDay), male);
        var retired = birth.AddYears(retirementAge);
        retired = new DateOnly(retired.Year, retired.Month, 1).AddMonths(1); // pension starts the month after the birthday
        if (retired > DemoCalendar.LastDay) retired = new DateOnly(2026, 9, 1);

        bool aged = birth.AddYears(80) <= DemoCalendar.LastDay;
        bool modelWorker = random.Chance(0.005);
        double pension = random.LogNormal(3600, 0.3) * (modelWorker ? 1.1 : 1.0);
        var (status, statusOn) = Status(aged, retired, random);
        return
        [
            retireeId, region.Code, region.Name + random.Pick(Communities), male ? "M" : "F",
            birth, retired, Formats.ToMoney(pension),
            random.Chance(aged ? 0.08 : 0.03), random.Chance(aged ? 0.12 : 0.05), random.Chance(0.01), modelWorker,
            birth.Year <= 1934 && random.Chance(0.4), status, statusOn,
        ];
    }

    private static (string Status, DateOnly? On) Status(bool aged, DateOnly retired, DemoRandom random)
    {
        double x = random.NextDouble();
        if (x >= (aged ? 0.10 : 0.04)) return ("active", null);
        var first = retired > DemoCalendar.FirstMonth ? retired : DemoCalendar.FirstMonth;
        int span = DemoCalendar.LastDay.DayNumber - first.DayNumber;
        var on = first.AddDays(random.Next(Math.Max(span, 1)));
        return (x < 0.02 ? "transferred_out" : "deceased", on);
    }
}
