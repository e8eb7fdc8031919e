using Analytics.Reports.Building;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>
/// Construction wage payment (metrics.md §6): the project-month rows with their alerts, the
/// inspector's roll-up and the arrears ranking; field names exactly as §6. Counts and sums only:
/// no worker row is ever a column here (the drill-down is the wage officer's page alone).
/// </summary>
public static class WagePaymentReport
{
    public static readonly IReadOnlyDictionary<string, string> AlertNames = new Dictionary<string, string>
    {
        ["wage_arrears"] = "拖欠工资", ["late_pay"] = "延迟发放", ["attended_not_paid"] = "出勤未发薪",
        ["paid_not_on_roster"] = "发薪人员未实名登记", ["no_contract"] = "未签劳动合同", ["not_via_special_account"] = "未经专用账户代发",
        ["labour_cost_not_transferred"] = "人工费用拨付不足", ["no_special_account"] = "未开设专用账户", ["no_guarantee"] = "未缴工资保证金",
        ["no_notice_board"] = "未设维权告示牌",
    };

    /// <summary>The sectors of construction_projects by their datasets.md labels, as tables for readers show them (codes stay in CSV/JSON).</summary>
    public static readonly IReadOnlyDictionary<string, string> SectorNames = new Dictionary<string, string>
    {
        ["housing"] = "住建", ["transport"] = "交通", ["water"] = "水利", ["civil_aviation"] = "民航", ["railway"] = "铁路", ["other"] = "其他",
    };

    private static readonly IReadOnlyDictionary<string, string> SectorNamesEn = new Dictionary<string, string>
    {
        ["housing"] = "Housing", ["transport"] = "Transport", ["water"] = "Water", ["civil_aviation"] = "Civil aviation", ["railway"] = "Railway", ["other"] = "Other",
    };

    /// <summary>A sector code as a reader sees it (the code itself when unknown).</summary>
    public static string SectorName(string code, bool english) => Sector.Label(code, english);

    /// <summary>The roll-up's rows: the whole scope, each child region, each sector (§6).</summary>
    private static readonly IReadOnlyDictionary<string, string> LevelNames = new Dictionary<string, string> { ["scope"] = "合计", ["region"] = "地区", ["sector"] = "行业" },
        LevelNamesEn = new Dictionary<string, string> { ["scope"] = "Total", ["region"] = "Region", ["sector"] = "Sector" };

    private static readonly ReportColumn ProjectId = new("project_id", "项目编号", "Project", ColumnKind.Text);
    private static readonly ReportColumn ProjectName = new("project_name", "项目名称", "Project name", ColumnKind.Text);
    private static readonly ReportColumn RegionCode = new("region_code", "地区", "Region", ColumnKind.Text);
    private static readonly ReportColumn Sector = new("sector", "行业领域", "Sector", ColumnKind.Text) { Labels = SectorNames, LabelsEn = SectorNamesEn };
    private static readonly ReportColumn ContractorName = new("contractor_name", "施工总承包单位", "Contractor", ColumnKind.Text);
    private static readonly ReportColumn WorkersOnRoster = new("workers_on_roster", "在册人数", "Workers on the roster", ColumnKind.Integer);
    private static readonly ReportColumn WageDue = new("wage_due", "应付工资", "Wages due", ColumnKind.Money);
    private static readonly ReportColumn WagePaid = new("wage_paid", "实付工资", "Wages paid", ColumnKind.Money);
    private static readonly ReportColumn ArrearsColumn = new("arrears", "欠薪金额", "Arrears", ColumnKind.Money);
    private static readonly ReportColumn ArrearsWorkers = new("arrears_workers", "欠薪人数", "Workers owed", ColumnKind.Integer);

    public static IReadOnlyList<ReportColumn> ProjectColumns { get; } =
    [
        ProjectId, ProjectName, RegionCode, Sector, ContractorName,
        new("month", "工资月份", "Work month", ColumnKind.Month),
        new("due_on", "工资支付日", "Pay date", ColumnKind.Date),
        WorkersOnRoster,
        new("workers_attended", "出勤人数", "Workers attended", ColumnKind.Integer),
        new("workers_paid", "已发薪人数", "Workers paid", ColumnKind.Integer),
        WageDue, WagePaid, ArrearsColumn, ArrearsWorkers,
        new("late_payments", "迟发笔数", "Late payments", ColumnKind.Integer),
        new("paid_via_account_pct", "专用账户代发比例（%）", "Paid via the special account (%)", ColumnKind.Percent) { Decimals = 1 },
        new("unsigned_rows", "未签字笔数", "Rows not signed", ColumnKind.Integer),
        new("attended_not_paid", "出勤未发薪人数", "Attended, not paid", ColumnKind.Integer),
        new("paid_not_on_roster", "发薪未实名人数", "Paid, not on the roster", ColumnKind.Integer),
        new("no_contract_workers", "未签合同人数", "Workers without a contract", ColumnKind.Integer),
        new("no_bank_card", "未登记工资卡人数", "Workers without a wage card", ColumnKind.Integer),
        new("labour_cost_transferred", "人工费用拨付", "Labour cost transferred", ColumnKind.Money),
        new("labour_cost_expected", "预期人工费用", "Labour cost expected", ColumnKind.Money),
        new("alerts", "预警", "Alerts", ColumnKind.Codes) { Labels = AlertNames },
    ];

    public static IReadOnlyList<ReportColumn> RollupColumns { get; } =
    [
        new("level", "层级", "Level", ColumnKind.Text) { Labels = LevelNames, LabelsEn = LevelNamesEn },
        RegionCode, Sector,
        new("projects", "报送项目数", "Projects reporting", ColumnKind.Integer),
        new("projects_not_reporting", "未报送项目数", "Projects not reporting", ColumnKind.Integer),
        .. AlertNames.Select(a => new ReportColumn($"projects_{a.Key}", $"{a.Value}项目数", $"Projects: {a.Key}", ColumnKind.Integer)),
        WorkersOnRoster, WageDue, WagePaid, ArrearsColumn, ArrearsWorkers,
        new("arrears_outstanding", "累计欠薪金额", "Arrears outstanding (all months)", ColumnKind.Money),
        new("arrears_workers_outstanding", "累计欠薪人数", "Workers owed (all months)", ColumnKind.Integer),
    ];

    public static IReadOnlyList<ReportColumn> ArrearsColumns { get; } =
    [
        new("rank", "排名", "Rank", ColumnKind.Integer),
        ProjectId, ProjectName, RegionCode, Sector, ContractorName,
        new("arrears_total", "欠薪总额", "Arrears", ColumnKind.Money),
        new("arrears_workers_total", "欠薪人数", "Workers owed", ColumnKind.Integer),
        new("arrears_months", "欠薪月数", "Months owed", ColumnKind.Integer),
        new("oldest_due_on", "最早应付日", "Oldest pay date", ColumnKind.Date),
        new("days_overdue", "逾期天数", "Days overdue", ColumnKind.Integer),
    ];

    public static ReportTable Projects<T>(IEnumerable<T> rows, ReportContext context)
    {
        var table = ReportBuilder.Table($"农民工工资支付监测（{context.Period}，{context.Scope}）", $"Construction wage payment by project, {context.Period}",
            Named(ProjectColumns, context), rows, context.Notes(Method));
        return table with { Chart = Charts.Bar(table, table.Rows, "应付与实付工资（元）", Charts.LabelField(table, "project_name", "project_id"), "wage_due", "wage_paid") };
    }

    public static ReportTable Rollup<T>(IEnumerable<T> rows, ReportContext context) =>
        ReportBuilder.Table($"农民工工资支付汇总（{context.Period}，{context.Scope}）", $"Construction wage payment roll-up, {context.Period}",
            Named(RollupColumns, context), rows, context.Notes(Method));

    public static ReportTable Ranking<T>(IEnumerable<T> rows, ReportContext context) =>
        ReportBuilder.Table($"欠薪项目排行（{context.Period}，{context.Scope}）", $"Projects by wage arrears, {context.Period}",
            Named(ArrearsColumns, context), rows, context.Notes(Method));

    /// <summary>The region column shows each code's name where the catalog has one (the code itself in CSV/JSON).</summary>
    private static IReadOnlyList<ReportColumn> Named(IReadOnlyList<ReportColumn> columns, ReportContext context) =>
        columns.Select(c => c == RegionCode ? c with { Labels = context.RegionNames } : c).ToList();

    private const string Method =
        "依据《保障农民工工资支付条例》，按项目和工资月份统计：截止日之后的支付、流水和进场均不计；工资支付日过后仍未足额支付的为欠薪。";
}
