using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets.Construction;

/// <summary>
/// The demo's 40 construction projects (GC-001 … GC-040) in both provinces, across the sectors.
/// GC-001 … GC-003 lie in 广州市, the demo inspector's scope (README). Most pay on time; some pay
/// late, some in part (made good by back pay), some stop paying; three (GC-007, GC-019, GC-033) stop
/// reporting in the spring of 2026 although planned to run past 2026.
/// </summary>
internal static class SiteProjects
{
    public const int Count = 40;

    private static readonly (string Sector, double Weight, string[] Names)[] Sectors =
    [
        ("housing", 45, ["安置房", "保障性住房", "人才公寓", "中学新建工程", "人民医院门诊楼"]),
        ("transport", 20, ["快速路改造", "跨江大桥", "地铁站配套道路"]),
        ("water", 12, ["污水处理厂扩建", "河涌综合整治"]),
        ("civil_aviation", 5, ["机场航站楼扩建"]),
        ("railway", 6, ["城际铁路站场"]),
        ("other", 12, ["产业园标准厂房", "体育中心"]),
    ];

    private static readonly string[] Contractors =
        ["中建华南建设", "粤港建工集团", "江苏华建", "苏南路桥", "城建一公司", "水利水电工程局", "交通工程集团", "东方建设", "长江建工", "南方安装"];

    private static readonly string[] Builders = ["城投公司", "住房保障中心", "交通投资集团", "水务集团", "教育局", "卫健委", "产业园管委会", "机场集团"];

    private static readonly string[] Surnames = ["陈", "李", "王", "张", "刘", "黄", "周", "吴", "徐", "孙"];
    private static readonly string[] Given = ["伟", "芳", "强", "敏", "军", "静", "磊", "洋", "勇", "娟"];

    public static IReadOnlyList<SiteProject> Create()
    {
        var random = DemoRandom.For("construction_projects");
        var sectors = new WeightedChoice<(string Sector, double Weight, string[] Names)>(Sectors.Select(s => (s, s.Weight)));
        var guangzhou = Regions.All.Where(r => r.ParentCode == "440100").ToList();
        var projects = new List<SiteProject>();
        for (var n = 1; n <= Count; n++)
        {
            var region = n <= 3 ? guangzhou[random.Next(guangzhou.Count)] : Regions.Activity.Next(random);
            var sector = sectors.Next(random);
            var contractor = random.Next(Contractors.Length);
            var stops = n is 7 or 19 or 33;
            var start = new DateOnly(2025, 3, 1).AddDays(random.Next(stops ? 270 : 480));   // 2025-03 … 2026-06 (stopping ones by 2025-11)
            var end = new DateOnly(start.Year, start.Month, 1).AddMonths(random.Between(stops ? 24 : 12, 30)).AddDays(-1);
            var value = Formats.RoundTo(random.LogNormal(30_000_000, 0.8), 10_000);
            var share = random.Chance(0.85) ? (decimal?)random.Between(15, 30) : null;
            var guarantee = random.NextDouble();
            var (form, amount) = guarantee < 0.75 ? (random.Pick(new[] { "bank_guarantee", "cash_deposit", "guarantee_insurance" }), (decimal?)Formats.RoundTo((double)value * 0.02, 1000))
                : guarantee < 0.88 ? ("exempt", (decimal?)null) : ((string?)null, (decimal?)null);
            var board = random.NextDouble();
            var habit = random.NextDouble() switch { < 0.6 => PayHabit.OnTime, < 0.78 => PayHabit.Late, < 0.92 => PayHabit.Partial, _ => PayHabit.Defaults };
            // n = 1 pays on time and n = 2 late, so the demo officers' projects show both faces
            if (n == 1) habit = PayHabit.OnTime;
            if (n == 2) habit = PayHabit.Late;
            projects.Add(new SiteProject(
                Id: $"GC-{n:D3}",
                Name: region.Name + random.Pick(sector.Names),
                Region: region,
                Sector: sector.Sector,
                ContractorId: $"91{region.Code}MA{contractor:D2}C{n:D3}X",
                ContractorName: Contractors[contractor],
                BuilderName: region.Name + random.Pick(Builders),
                ContractValue: value,
                SharePct: share,
                StartOn: start,
                PlannedEndOn: end,
                PayDay: random.Pick(new[] { 10, 15, 15, 20, 25, 31 }),
                PayMonth: random.Chance(0.15) ? "current" : random.Chance(0.5) ? "next" : null,
                AccountOpenedOn: random.Chance(0.9) ? start.AddDays(-random.Between(5, 40)) : null,
                GuaranteeForm: form,
                GuaranteeAmount: amount,
                NoticeBoard: board < 0.82 ? true : board < 0.92 ? false : null,
                Officer: random.Pick(Surnames) + random.Pick(Given) + (random.Chance(0.5) ? random.Pick(Given) : ""),
                Habit: habit,
                DefaultsFrom: habit == PayHabit.Defaults ? new DateOnly(2026, random.Between(3, 7), 1) : null,
                StopsAfter: stops ? new DateOnly(2026, random.Between(4, 6), 1) : null));
        }
        return projects;
    }
}
