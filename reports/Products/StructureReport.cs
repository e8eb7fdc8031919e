using Analytics.Reports.Building;
using Analytics.Reports.Model;
using Analytics.Warehouse.Marts.Structure;

namespace Analytics.Reports.Products;

/// <summary>
/// The structure of demand and supply by one attribute (compliance-and-statistics.md B.1): codes in
/// JSON and CSV, their Chinese names in XLSX and HTML.
/// </summary>
public static class StructureReport
{
    private static readonly Dictionary<string, string> KeyNames = new()
    {
        ["unknown"] = "未填报",
        ["M"] = "男", ["F"] = "女",
        ["under_16"] = "16岁以下", ["16_24"] = "16–24岁", ["25_34"] = "25–34岁", ["35_44"] = "35–44岁", ["45_54"] = "45–54岁", ["55_plus"] = "55岁及以上",
        ["none"] = "不限", ["junior_high"] = "初中", ["high_school"] = "高中", ["vocational"] = "中专/中技", ["associate"] = "大专",
        ["bachelor"] = "本科", ["master"] = "硕士", ["doctorate"] = "博士",
        ["unemployed"] = "失业人员", ["new_graduate"] = "应届毕业生", ["migrant_worker"] = "农村劳动者", ["employed_seeking"] = "在业人员", ["other"] = "其他",
    };

    /// <summary>The sections of GB/T 4754-2017, shown with their letter (M is also 男 in KeyNames).</summary>
    private static readonly Dictionary<string, string> IndustryNames = new Dictionary<string, string>
    {
        ["A"] = "农、林、牧、渔业", ["B"] = "采矿业", ["C"] = "制造业", ["D"] = "电力、热力、燃气及水生产和供应业", ["E"] = "建筑业",
        ["F"] = "批发和零售业", ["G"] = "交通运输、仓储和邮政业", ["H"] = "住宿和餐饮业", ["I"] = "信息传输、软件和信息技术服务业",
        ["J"] = "金融业", ["K"] = "房地产业", ["L"] = "租赁和商务服务业", ["M"] = "科学研究和技术服务业", ["N"] = "水利、环境和公共设施管理业",
        ["O"] = "居民服务、修理和其他服务业", ["P"] = "教育", ["Q"] = "卫生和社会工作", ["R"] = "文化、体育和娱乐业",
        ["S"] = "公共管理、社会保障和社会组织", ["T"] = "国际组织",
    }.ToDictionary(section => section.Key, section => $"{section.Key} {section.Value}").Append(new("unknown", "未填报")).ToDictionary();

    private static readonly Dictionary<StructureBreakdown, string> BreakdownNames = new()
    {
        [StructureBreakdown.Gender] = "性别", [StructureBreakdown.AgeBand] = "年龄", [StructureBreakdown.Education] = "文化程度",
        [StructureBreakdown.Category] = "人员类别", [StructureBreakdown.Industry] = "行业",
    };

    public static string BreakdownName(StructureBreakdown breakdown) => BreakdownNames[breakdown];

    /// <summary>The columns; key's names depend on the breakdown (M is 男 by gender, 科学研究和技术服务业 by industry).</summary>
    public static IReadOnlyList<ReportColumn> Columns(StructureBreakdown breakdown) =>
    [
        new("key", BreakdownNames[breakdown], "Key", ColumnKind.Text) { Labels = breakdown == StructureBreakdown.Industry ? IndustryNames : KeyNames },
        new("demand", "需求人数", "Demand", ColumnKind.Integer),
        new("supply", "求职人数", "Supply", ColumnKind.Integer),
        new("demand_share_pct", "需求占比（%）", "Demand share (%)", ColumnKind.Percent) { Decimals = 1 },
        new("supply_share_pct", "求职占比（%）", "Supply share (%)", ColumnKind.Percent) { Decimals = 1 },
        new("ratio", "求人倍率", "Demand/supply ratio", ColumnKind.Ratio),
    ];

    public static ReportTable Build<T>(IEnumerable<T> rows, StructureBreakdown breakdown, ReportContext context)
    {
        var name = BreakdownNames[breakdown];
        var table = ReportBuilder.Table($"求职与招聘结构：按{name}（{context.Period}，{context.Scope}）",
            $"Demand and supply by {breakdown}, {context.Period}", Columns(breakdown), rows, context.Notes(Method, MethodEn));
        return table with { Chart = Charts.Bar(table, table.Rows, $"按{name}分组的需求人数与求职人数", "key", "demand", "supply") };
    }

    private const string MethodEn =
        "Demand is the openings of vacancies registered in the period; job seekers are the period's job-seeker registrations (one person with two intended "
        + "occupations counts twice, as in the occupation rankings). Vacancies record no gender, age or seeker category and job-seeker registrations no industry, "
        + "so that side is empty. Age = the period's year − birth year, bands inclusive at both ends. Share = the row ÷ its side's total (unknown included) × 100, "
        + "one decimal, so shares may not add to 100.0. The ratio is computed only for rows with a stated education (not 'none' or unknown) and not when job "
        + "seekers are 0. Rows that are 0 on both sides are not listed.";

    private const string Method =
        "需求人数为报告期内登记岗位的招聘人数合计，求职人数为同期求职登记数（同一人登记两个意向职业计两次，与职业供求排行一致）。"
        + "岗位不登记性别、年龄与人员类别，求职登记不含行业，故相应一侧为空。年龄 = 报告期所在年份 − 出生年份，各年龄段含两端。"
        + "占比 = 该行人数 ÷ 该侧合计（含未填报）× 100，保留一位小数，各行占比之和可能不等于100.0。"
        + "求人倍率仅对有明确学历要求的行计算（不限与未填报除外），求职人数为0时不计算。全部为0的行不列出。";
}
