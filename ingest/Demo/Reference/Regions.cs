namespace Analytics.Ingest.Demo.Reference;

/// <summary>A GB/T 2260 division. Weight is its relative share of labour-market activity (0 = not used in rows).</summary>
internal sealed record Region(string Code, string Name, string? ParentCode, double Weight)
{
    public string CityCode => Code[..4] + "00";
    public string ProvinceCode => Code[..2] + "0000";
}

/// <summary>Wage level and statutory amounts of a city (approximate 2025 figures).</summary>
internal sealed record CityEconomy(string CityCode, double WageFactor, decimal MinimumWage);

/// <summary>Social-insurance contribution base limits of a province (approximate 2025 figures).</summary>
internal sealed record ProvinceSocialInsurance(string ProvinceCode, decimal BaseFloor, decimal BaseCeiling, decimal InjuryRate);

/// <summary>Two provinces with real codes and names: provinces, cities, and the districts/county-level cities rows are registered in.</summary>
internal static class Regions
{
    public static readonly IReadOnlyList<Region> All = Build();

    /// <summary>Where rows are registered: districts, county-level cities, and 东莞 (a city without counties).</summary>
    public static readonly WeightedChoice<Region> Activity = new(All.Where(r => r.Weight > 0).Select(r => (r, r.Weight)));

    /// <summary>
    /// Where demand outruns supply (&gt; 1: factory districts and tech parks) or supply outruns demand (&lt; 1: old
    /// city centres, outer districts), so that regions differ: vacancies are drawn by activity × tilt,
    /// job seekers by activity ÷ tilt. Placements follow activity alone.
    /// </summary>
    private static readonly Dictionary<string, double> DemandTilt = new()
    {
        ["441900"] = 1.6, ["440306"] = 1.4, ["440307"] = 1.3, ["440305"] = 1.25, ["440309"] = 1.15, ["440606"] = 1.3, ["440605"] = 1.2,
        ["440113"] = 1.1, ["440112"] = 1.15, ["320583"] = 1.5, ["320214"] = 1.3, ["320281"] = 1.3, ["320505"] = 1.2, ["320115"] = 1.15,
        ["440103"] = 0.75, ["440104"] = 0.7, ["440111"] = 0.85, ["440117"] = 0.75, ["440304"] = 0.9, ["440604"] = 0.85,
        ["320102"] = 0.8, ["320104"] = 0.7, ["320106"] = 0.75, ["320116"] = 0.75, ["320118"] = 0.8, ["320213"] = 0.75, ["320508"] = 0.7,
    };

    private static double Tilt(Region region) => DemandTilt.GetValueOrDefault(region.Code, 1.0);

    /// <summary>Where vacancies are registered.</summary>
    public static readonly WeightedChoice<Region> Demand = new(All.Where(r => r.Weight > 0).Select(r => (r, r.Weight * Tilt(r))));

    /// <summary>Where job seekers register.</summary>
    public static readonly WeightedChoice<Region> Supply = new(All.Where(r => r.Weight > 0).Select(r => (r, r.Weight / Tilt(r))));

    public static readonly IReadOnlyDictionary<string, CityEconomy> Cities = new[]
    {
        new CityEconomy("440100", 1.10, 2500m),
        new CityEconomy("440300", 1.25, 2520m),
        new CityEconomy("440600", 0.95, 2000m),
        new CityEconomy("441900", 0.95, 2000m),
        new CityEconomy("320100", 1.08, 2490m),
        new CityEconomy("320200", 1.00, 2490m),
        new CityEconomy("320500", 1.08, 2490m),
    }.ToDictionary(c => c.CityCode);

    public static readonly IReadOnlyDictionary<string, ProvinceSocialInsurance> Provinces = new[]
    {
        new ProvinceSocialInsurance("440000", 4588m, 27501m, 0.004m),
        new ProvinceSocialInsurance("320000", 4880m, 24042m, 0.005m),
    }.ToDictionary(p => p.ProvinceCode);

    public static CityEconomy CityOf(Region region) => Cities[region.CityCode];

    private static List<Region> Build()
    {
        var list = new List<Region>();
        void Province(string code, string name) => list.Add(new Region(code, name, null, 0));
        void City(string code, string name, double weight = 0) => list.Add(new Region(code, name, code[..2] + "0000", weight));
        void Counties(string cityCode, params (string Code, string Name, double Weight)[] counties)
        {
            foreach (var c in counties) list.Add(new Region(c.Code, c.Name, cityCode, c.Weight));
        }

        Province("440000", "广东省");
        City("440100", "广州市");
        Counties("440100", ("440103", "荔湾区", 3), ("440104", "越秀区", 3), ("440105", "海珠区", 4), ("440106", "天河区", 6),
            ("440111", "白云区", 5), ("440112", "黄埔区", 3), ("440113", "番禺区", 5), ("440114", "花都区", 3),
            ("440115", "南沙区", 2), ("440117", "从化区", 1), ("440118", "增城区", 2));
        City("440300", "深圳市");
        Counties("440300", ("440303", "罗湖区", 3), ("440304", "福田区", 5), ("440305", "南山区", 6), ("440306", "宝安区", 8),
            ("440307", "龙岗区", 7), ("440308", "盐田区", 1), ("440309", "龙华区", 5), ("440310", "坪山区", 2), ("440311", "光明区", 2));
        City("440600", "佛山市");
        Counties("440600", ("440604", "禅城区", 2), ("440605", "南海区", 4), ("440606", "顺德区", 4), ("440607", "三水区", 1), ("440608", "高明区", 1));
        City("441900", "东莞市", 9);

        Province("320000", "江苏省");
        City("320100", "南京市");
        Counties("320100", ("320102", "玄武区", 2), ("320104", "秦淮区", 2), ("320105", "建邺区", 2), ("320106", "鼓楼区", 3),
            ("320111", "浦口区", 2), ("320113", "栖霞区", 2), ("320114", "雨花台区", 2), ("320115", "江宁区", 4),
            ("320116", "六合区", 1), ("320117", "溧水区", 1), ("320118", "高淳区", 1));
        City("320200", "无锡市");
        Counties("320200", ("320205", "锡山区", 2), ("320206", "惠山区", 2), ("320211", "滨湖区", 2), ("320213", "梁溪区", 2),
            ("320214", "新吴区", 3), ("320281", "江阴市", 3), ("320282", "宜兴市", 2));
        City("320500", "苏州市");
        Counties("320500", ("320505", "虎丘区", 3), ("320506", "吴中区", 3), ("320507", "相城区", 2), ("320508", "姑苏区", 2),
            ("320509", "吴江区", 3), ("320581", "常熟市", 3), ("320582", "张家港市", 3), ("320583", "昆山市", 5), ("320585", "太仓市", 2));
        return list;
    }
}
