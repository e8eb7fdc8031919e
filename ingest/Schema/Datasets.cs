using static Analytics.Ingest.Schema.ColumnKind;

namespace Analytics.Ingest.Schema;

/// <summary>
/// The datasets of datasets.md (and si_bases of compliance-and-statistics.md A.1), in one place. Column order and types are the catalog
/// contract of BRIEF.md; aliases are the Chinese headers (plus a few common variants bureaus use).
/// A column used by several datasets has the same rule everywhere (e.g. birth_year's range).
/// </summary>
public static partial class Datasets
{
    private static ColumnSpec Col(string name, ColumnKind kind, bool required, params string[] aliases) => new(name, kind, required, aliases);
    private static ColumnSpec Text(string name, bool required, params string[] aliases) => Col(name, ColumnKind.Text, required, aliases);
    private static ColumnSpec Id(string name, bool required, params string[] aliases) => Text(name, required, aliases) with { Identifier = true };
    private static ColumnSpec Money(string name, bool required, SignRule sign, params string[] aliases) => Col(name, ColumnKind.Money, required, aliases) with { Sign = sign };
    private static ColumnSpec Enum(string name, EnumType type, bool required, params string[] aliases) => Col(name, ColumnKind.Enum, required, aliases) with { Enum = type };
    private static ColumnSpec Flag(string name, string alias) => Col(name, Bool, false, alias);

    private static ColumnSpec Region(bool required = true) => Col("region_code", RegionCode, required, "区划代码", "行政区划代码");
    private static ColumnSpec Occupation(params string[] aliases) => Col("occupation_code", OccupationCode, true, [.. aliases, "职业代码"]);
    private static ColumnSpec Industry(string name = "industry_code") => Col(name, IndustryCode, false, "行业代码");
    private static ColumnSpec Gender(bool required) => Enum("gender", EnumType.Gender, required, "性别");
    private static ColumnSpec BirthYear() => Col("birth_year", Integer, false, "出生年份") with { Min = 1930, MaxBelowCurrentYear = 14 };
    private static ColumnSpec Education(string name, string alias) => Enum(name, EnumType.Education, false, alias);
    private static ColumnSpec Person(string name, params string[] aliases) => Col(name, PersonId, true, [.. aliases, "身份证号", "身份证号码"]);
    private static ColumnSpec MonthCol(params string[] aliases) => Col("month", Month, true, [.. aliases, "月份"]);
    private static ColumnSpec Project() => Id("project_id", true, "项目编号");

    public static readonly DatasetSchema Regions = new("regions", "行政区划",
    [
        Col("region_code", RegionCode, true, "区划代码", "行政区划代码"),
        Text("region_name", true, "区划名称"),
        Col("parent_code", RegionCode, false, "上级代码"),
    ], ["region_code"], partitionBy: null)
    {
        Derive = row =>
        {
            if (!row.Null[2]) return;
            var code = row.Text(0)!;
            row.Texts[2] = code.EndsWith("0000") ? null : code.EndsWith("00") ? code[..2] + "0000" : code[..4] + "00";
            row.Null[2] = row.Texts[2] is null;
        },
    };

    public static readonly DatasetSchema Occupations = new("occupations", "职业分类",
    [
        Occupation(),
        Text("occupation_name", true, "职业名称"),
    ], ["occupation_code"], partitionBy: null);

    /// <summary>
    /// Social-insurance contribution bases (compliance-and-statistics.md A.1): one row per region that
    /// sets them and month they take effect, valid until that region's next row (bases often change in
    /// July, not in January). Amounts are per month.
    /// </summary>
    public static readonly DatasetSchema SiBases = new("si_bases", "社保缴费基数",
    [
        Region(),
        Col("from_month", Month, true, "执行起始月份", "起始月份") with { MayBeFuture = true },
        Money("avg_wage", false, SignRule.Positive, "上年度平均工资", "社平工资"),
        Money("base_floor", false, SignRule.Positive, "缴费基数下限"),
        Money("base_cap", false, SignRule.Positive, "缴费基数上限"),
    ], ["region_code", "from_month"], partitionBy: null,
    [
        new NotBefore("base_cap", "base_floor"),
        new RequiredWhen("base_floor", "avg_wage is empty", (row, s) => row.IsNull(s.IndexOf("avg_wage"))),
    ]);

    public static readonly DatasetSchema Vacancies = new("vacancies", "招聘岗位登记",
    [
        Id("posting_id", true, "岗位编号"),
        Col("registered_on", Date, true, "登记日期"),
        Region(),
        Id("employer_id", true, "单位编号"),
        Industry(),
        Occupation(),
        Col("positions", Integer, true, "招聘人数") with { Min = 1, Max = 100000 },
        Money("wage_min", false, SignRule.NonNegative, "工资下限"),
        Money("wage_max", false, SignRule.NonNegative, "工资上限"),
        Education("education_min", "学历要求"),
        Enum("channel", EnumType.Channel, false, "来源渠道"),
    ], ["posting_id"], "registered_on", [new NotBefore("wage_max", "wage_min")]);

    public static readonly DatasetSchema Jobseekers = new("jobseekers", "求职登记",
    [
        Person("seeker_id", "求职者编号"),
        Col("registered_on", Date, true, "登记日期"),
        Region(),
        Occupation("意向职业"),
        Gender(false),
        BirthYear(),
        Education("education", "学历"),
        Enum("category", EnumType.SeekerCategory, false, "人员类别"),
        Money("expected_wage", false, SignRule.NonNegative, "期望工资"),
    ], ["seeker_id", "registered_on", "occupation_code"], "registered_on");

    public static readonly DatasetSchema Employment = new("employment", "就业登记",
    [
        Person("person_id", "人员编号"),
        Col("employed_on", Date, true, "就业日期"),
        Region(),
        Id("employer_id", false, "单位编号"),
        Industry(),
        Occupation(),
        Enum("employment_type", EnumType.EmploymentType, true, "就业形式"),
        Flag("full_time", "全日制") with { DefaultBool = true },
        Money("monthly_wage", false, SignRule.Positive, "月工资"),
    ], ["person_id", "employed_on"], "employed_on");

    public static readonly DatasetSchema Unemployment = new("unemployment", "失业登记",
    [
        Person("person_id", "人员编号"),
        Col("registered_on", Date, true, "失业登记日期", "登记日期"),
        Region(),
        Gender(false),
        BirthYear(),
        Education("education", "学历"),
        Enum("reason", EnumType.UnemploymentReason, false, "失业原因"),
        Col("ended_on", Date, false, "注销日期"),
        Enum("end_reason", EnumType.EndReason, false, "注销原因"),
        Col("ui_months", Integer, false, "失业保险金月数") with { Min = 0, Max = 24 },
        Money("ui_monthly_amount", false, SignRule.NonNegative, "失业保险金月额"),
    ], ["person_id", "registered_on"], "registered_on",
    [
        new NotBefore("ended_on", "registered_on"),
        new RequiredWhen("end_reason", "ended_on is set", (row, s) => !row.IsNull(s.IndexOf("ended_on"))),
    ]);

    public static readonly DatasetSchema Retirees = new("retirees", "退休人员社会化管理",
    [
        Person("retiree_id", "退休人员编号", "人员编号"),
        Region(),
        Text("community", false, "社区"),
        Gender(true),
        Col("birth_date", Date, true, "出生日期"),
        Col("retired_on", Date, true, "退休日期"),
        Money("monthly_pension", true, SignRule.NonNegative, "月养老金"),
        Flag("solitary", "孤寡"),
        Flag("serious_illness", "重病"),
        Flag("extreme_poverty", "特困"),
        Flag("model_worker", "劳模"),
        Flag("pre1949_worker", "建国前参加工作"),
        Enum("status", EnumType.RetireeStatus, true, "状态"),
        Col("status_on", Date, false, "状态日期"),
    ], ["retiree_id"], "retired_on",
    [
        new NotBefore("retired_on", "birth_date", Strict: true),
        // compliance-and-statistics.md B.4: nobody dies or leaves before retiring, so the month's
        // stock changes by exactly new_retirees − retiree_deaths − retiree_transfers_out
        new NotBefore("status_on", "retired_on"),
        new RequiredWhen("status_on", "status is not active", (row, s) => row.Texts[s.IndexOf("status")] is not (null or "active")),
    ]);

    public static readonly DatasetSchema DispatchProjects = new("dispatch_projects", "派遣项目",
    [
        Project(),
        Text("project_name", true, "项目名称"),
        Id("agency_id", true, "派遣机构编号"),
        Text("agency_name", true, "派遣机构"),
        Id("client_id", true, "用工单位编号"),
        Text("client_name", true, "用工单位"),
        Text("client_industry", false, "用工单位行业"),
        Col("client_total_workforce", Integer, false, "用工总量") with { Min = 0 },
        Region(),
        Col("start_on", Date, true, "开始日期"),
        Col("end_on", Date, false, "结束日期") with { MayBeFuture = true },
        Enum("fee_model", EnumType.FeeModel, true, "服务费方式"),
        Col("fee_rate", ColumnKind.Decimal, true, "服务费标准") with { Precision = 12, Scale = 4 },
        Enum("tax_method", EnumType.TaxMethod, true, "计税方式"),
        Col("target_margin_pct", ColumnKind.Decimal, false, "目标毛利率") with { Precision = 9, Scale = 4, Sign = SignRule.Any },
        Money("budget_monthly_revenue", false, SignRule.NonNegative, "月预算收入"),
        Money("budget_monthly_cost", false, SignRule.NonNegative, "月预算成本"),
    ], ["project_id"], "start_on", [new NotBefore("end_on", "start_on")]);

    private static readonly string[] EmployerSi = ["employer_pension", "employer_medical", "employer_unemployment", "employer_injury", "employer_maternity"];
    private static readonly string[] PersonalSi = ["personal_pension", "personal_medical", "personal_unemployment"];

    public static readonly DatasetSchema DispatchSettlements = new("dispatch_settlements", "派遣结算明细",
    [
        MonthCol("结算月份"),
        Project(),
        Person("worker_id", "人员编号", "派遣人员编号"),
        Col("contract_start", Date, false, "合同起始"),
        Col("contract_end", Date, false, "合同终止") with { MayBeFuture = true },
        Money("gross_wage", true, SignRule.NonNegative, "应发工资"),
        Money("si_base", true, SignRule.NonNegative, "社保缴费基数"),
        Money("employer_pension", true, SignRule.NonNegative, "单位养老"),
        Money("employer_medical", true, SignRule.NonNegative, "单位医疗"),
        Money("employer_unemployment", true, SignRule.NonNegative, "单位失业"),
        Money("employer_injury", true, SignRule.NonNegative, "单位工伤"),
        Money("employer_maternity", true, SignRule.NonNegative, "单位生育"),
        Money("employer_housing_fund", true, SignRule.NonNegative, "单位公积金"),
        Money("personal_pension", true, SignRule.NonNegative, "个人养老"),
        Money("personal_medical", true, SignRule.NonNegative, "个人医疗"),
        Money("personal_unemployment", true, SignRule.NonNegative, "个人失业"),
        Money("personal_housing_fund", true, SignRule.NonNegative, "个人公积金"),
        Money("income_tax", true, SignRule.NonNegative, "个税"),
        Money("net_pay", true, SignRule.Any, "实发工资"),
        Money("commercial_insurance", false, SignRule.NonNegative, "商业保险"),
        Money("disability_fund", false, SignRule.NonNegative, "残保金"),
        Money("service_fee", true, SignRule.NonNegative, "服务费"),
        Money("billed_total", true, SignRule.Any, "结算总额"),
    ], ["month", "project_id", "worker_id"], "month",
    [
        new NotBefore("contract_end", "contract_start"),
        new Reconciles("net_pay", ["gross_wage"], [.. PersonalSi, "personal_housing_fund", "income_tax"],
            "gross_wage - personal SI - personal_housing_fund - income_tax"),
        new Reconciles("billed_total", ["gross_wage", .. EmployerSi, "employer_housing_fund", "commercial_insurance", "disability_fund", "service_fee"], [],
            "gross_wage + employer SI + employer_housing_fund + commercial_insurance + disability_fund + service_fee"),
    ]);

    public static readonly DatasetSchema DispatchCosts = new("dispatch_costs", "项目其他成本",
    [
        MonthCol(),
        Project(),
        Enum("category", EnumType.CostCategory, true, "成本类别"),
        Money("amount", true, SignRule.Any, "金额"),
        Id("cost_id", true, "成本编号"),
    ], ["cost_id"], "month");

    public static readonly DatasetSchema DispatchInvoices = new("dispatch_invoices", "开票与回款",
    [
        Id("invoice_id", true, "发票编号"),
        Project(),
        MonthCol("结算月份"),
        Col("invoiced_on", Date, true, "开票日期"),
        Money("amount", true, SignRule.Positive, "开票金额"),
        Col("due_on", Date, true, "应收日期") with { MayBeFuture = true },
        Col("received_on", Date, false, "回款日期"),
        Money("received_amount", false, SignRule.NonNegative, "回款金额"),
    ], ["invoice_id"], "month",
    [
        new NotBefore("due_on", "invoiced_on"),
        new NotAbove("received_amount", "amount"),
    ]);

    public static readonly IReadOnlyList<DatasetSchema> All =
    [
        Regions, Occupations, SiBases, Vacancies, Jobseekers, Employment, Unemployment, Retirees,
        DispatchProjects, DispatchSettlements, DispatchCosts, DispatchInvoices,
        .. Wage.All,
    ];

    public static DatasetSchema? Find(string name) => All.FirstOrDefault(d => d.Name == name);
}
