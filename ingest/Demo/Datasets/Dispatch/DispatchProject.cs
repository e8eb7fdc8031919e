using Analytics.Ingest.Demo.Reference;

namespace Analytics.Ingest.Demo.Datasets.Dispatch;

internal sealed record Agency(string Id, string Name, string CityCode);

/// <summary>
/// A dispatch project as the project list states it, plus how the agency runs it (which the list does
/// not say, but which shapes its settlements, costs and receipts).
/// </summary>
internal sealed record DispatchProject(
    string Id, string Name, Agency Agency, string ClientId, string ClientName, string ClientIndustry,
    int ClientTotalWorkforce, Region Region, DateOnly StartOn, DateOnly? EndOn, string FeeModel, decimal FeeRate,
    string TaxMethod, decimal TargetMarginPct, decimal? BudgetMonthlyRevenue, decimal? BudgetMonthlyCost,
    int TargetHeadcount, double MedianWage, bool DeclaresMinimumBase, bool ShortContracts, decimal? CommercialInsurance,
    bool PassesDisabilityFund, decimal HousingFundRate, decimal InjuryRate, double ManagementCostPerHead, bool SlowPayer)
{
    public bool ActiveIn(DateOnly month) =>
        StartOn <= DemoCalendar.EndOfMonth(month) && (EndOn is null || EndOn >= month);

    public object?[] Row() =>
    [
        Id, Name, Agency.Id, Agency.Name, ClientId, ClientName, ClientIndustry, ClientTotalWorkforce, Region.Code,
        StartOn, EndOn, FeeModel, FeeRate, TaxMethod, TargetMarginPct, BudgetMonthlyRevenue, BudgetMonthlyCost,
    ];
}

/// <summary>
/// Makes the projects. The first four of every agency are fixed so that every scale shows each case:
/// P001 long-running, per head, differential VAT; P002 percent of payroll, general VAT, over the 10 %
/// dispatch cap; P003 per head, general VAT, social insurance declared on the minimum base;
/// P004 a thin percent fee with heavy management cost, short contracts, a client that stopped paying,
/// ended 2026-03-31. Further projects draw these traits at random.
/// </summary>
internal static class DispatchProjects
{
    public static readonly IReadOnlyList<Agency> Agencies =
    [
        new("A001", "广州南粤人力资源服务有限公司", "440100"),
        new("A002", "深圳鹏城劳务派遣有限公司", "440300"),
        new("A003", "苏州金鸡湖人力资源有限公司", "320500"),
    ];

    private static readonly (string Industry, string Suffix, string Work)[] Clients =
    [
        ("C39", "电子科技有限公司", "生产线操作工"), ("C36", "汽车零部件有限公司", "装配工"), ("G54", "供应链管理有限公司", "仓储物流"),
        ("H62", "餐饮管理有限公司", "餐厅服务"), ("O80", "家政服务有限公司", "家政保洁"), ("K70", "物业服务有限公司", "物业秩序维护"),
        ("I65", "信息技术有限公司", "客服中心"), ("Q84", "医院管理有限公司", "护工"), ("C38", "电器有限公司", "装配检验"),
    ];

    private static readonly string[] Brands =
        ["恒信", "华越", "嘉禾", "瑞丰", "宏达", "联创", "新锐", "中骏", "安泰", "东升", "百盛", "永兴", "德润", "汇通", "启明", "远航"];

    public static IReadOnlyList<DispatchProject> Create(DemoScale scale)
    {
        var random = DemoRandom.For("dispatch_projects");
        int perAgency = Math.Max(4, scale.Rows(8));
        var projects = new List<DispatchProject>();
        int client = 0;
        foreach (var agency in Agencies)
            for (int k = 0; k < perAgency; k++)
                projects.Add(Create(agency, k, ++client, random));
        return projects;
    }

    private static DispatchProject Create(Agency agency, int k, int clientNumber, DemoRandom random)
    {
        var districts = Regions.All.Where(r => r.Weight > 0 && r.CityCode == agency.CityCode).ToList();
        var region = random.Pick(districts);
        var (industry, suffix, work) = Clients[random.Next(Clients.Length)];
        var brand = Brands[random.Next(Brands.Length)];
        var cityName = Regions.All.First(r => r.Code == agency.CityCode).Name.TrimEnd('市');

        string feeModel = k switch { 0 or 2 => "per_head", 1 or 3 => "percent_of_payroll", _ => random.Chance(0.5) ? "per_head" : "percent_of_payroll" };
        string taxMethod = k switch { 1 or 2 => "general_6", 0 or 3 => "differential_5", _ => random.Chance(0.3) ? "general_6" : "differential_5" };
        double median = k == 2 ? 9500 : random.Between(5500, 9000) * Regions.Cities[agency.CityCode].WageFactor / 1.1;
        bool general = taxMethod == "general_6";
        // Under general VAT the whole bill is taxed, so agencies charge a fee that covers it.
        decimal feeRate = (feeModel, general, k) switch
        {
            ("percent_of_payroll", _, 3) => 2.0m,
            ("percent_of_payroll", true, _) => HalfSteps(random.Between(12, 14)),
            ("percent_of_payroll", false, _) => HalfSteps(random.Between(4, 10)),
            (_, true, _) => Formats.RoundTo(median * 0.13, 10),
            _ => Formats.RoundTo(random.Between(80, 300), 10),
        };

        int headcount = k == 0 ? 45 : random.Between(8, 60);
        bool overCap = k == 1 || (k >= 4 && random.Chance(0.15));
        int workforce = (int)Math.Round(headcount / (overCap ? random.Between(0.12, 0.2) : random.Between(0.02, 0.08)));

        var start = k switch
        {
            0 => new DateOnly(2024, 3, 1),
            1 => new DateOnly(2024, 9, 1),
            2 => new DateOnly(2025, 2, 1),
            3 => new DateOnly(2024, 11, 1),
            _ => new DateOnly(2024, 6, 1).AddMonths(random.Next(25)),
        };
        DateOnly? end = k switch
        {
            3 => new DateOnly(2026, 3, 31),
            < 4 => null,
            _ => random.Chance(0.25) ? start.AddMonths(random.Between(9, 24)).AddDays(-1) : null,
        };

        decimal housingFundRate = random.Chance(0.2) ? 0m : random.Pick([0.05m, 0.07m, 0.10m, 0.12m]);
        decimal injuryRate = industry[0] switch { 'C' => 0.006m, 'G' => 0.008m, _ => 0.003m };
        double billedPerHead = median * (1.0 + 0.238 + (double)housingFundRate + (double)injuryRate)
            + (feeModel == "per_head" ? (double)feeRate : median * (double)feeRate / 100);
        double management = k == 3 ? random.Between(120, 160) : random.Between(25, 60);
        // The target is what the project should earn, give or take: so some months fall below it and some do not.
        double servicePerHead = feeModel == "per_head" ? (double)feeRate : median * (double)feeRate / 100;
        double vatPerHead = general ? billedPerHead / 1.06 * 0.06 : servicePerHead / 1.05 * 0.05;
        double expectedMargin = (servicePerHead - vatPerHead * 1.12 - management) / billedPerHead * 100;
        decimal targetMargin = Math.Max(0.5m, Math.Round((decimal)(expectedMargin * random.Between(0.85, 1.1)), 1, MidpointRounding.AwayFromZero));
        bool budgeted = k < 4 || random.Chance(0.85);
        decimal? budgetRevenue = budgeted ? Formats.RoundTo(headcount * billedPerHead, 100) : null;
        decimal? budgetCost = budgeted
            ? Formats.RoundTo((double)budgetRevenue!.Value * (1 - (double)targetMargin / 100 * random.Between(0.8, 1.2)), 100)
            : null;

        var number = (k + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return new DispatchProject(
            Id: $"{agency.Id}-P{number}", Name: $"{brand}{work}派遣项目", Agency: agency,
            ClientId: "CL" + clientNumber.ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
            ClientName: $"{cityName}{brand}{suffix}", ClientIndustry: industry, ClientTotalWorkforce: workforce, Region: region,
            StartOn: start, EndOn: end, FeeModel: feeModel, FeeRate: feeRate, TaxMethod: taxMethod, TargetMarginPct: targetMargin,
            BudgetMonthlyRevenue: budgetRevenue, BudgetMonthlyCost: budgetCost, TargetHeadcount: headcount, MedianWage: median,
            DeclaresMinimumBase: k == 2 || (k >= 4 && random.Chance(0.1)),
            ShortContracts: k == 3 || (k >= 4 && random.Chance(0.1)),
            CommercialInsurance: random.Chance(0.6) ? random.Pick([25m, 30m, 45m, 60m]) : null,
            PassesDisabilityFund: random.Chance(0.3), HousingFundRate: housingFundRate, InjuryRate: injuryRate,
            ManagementCostPerHead: management,
            SlowPayer: k == 3 || (k >= 4 && random.Chance(0.08)));
    }

    private static decimal HalfSteps(double value) => Math.Round((decimal)value * 2, 0, MidpointRounding.AwayFromZero) / 2;
}
