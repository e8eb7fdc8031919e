using Analytics.Ingest.Demo.Output;
using static Analytics.Ingest.Demo.Output.ColumnKind;

namespace Analytics.Ingest.Demo.Datasets;

/// <summary>The columns of every dataset as datasets.md lists them (English name, Chinese alias, kind), in file order.</summary>
internal static class Schemas
{
    /// <summary>
    /// A dataset's file columns straight from its schema (ingest/Schema): English name, first Chinese
    /// alias, kind; columns ingest fills itself (a row's source) are not in a file. Newer datasets use
    /// this rather than a list of their own.
    /// </summary>
    public static Column[] Of(Analytics.Ingest.Schema.DatasetSchema schema) =>
        schema.Columns.Where(c => c.IsRead).Select(c => new Column(c.Name, c.Aliases.FirstOrDefault() ?? c.Name, c.Kind switch
        {
            Analytics.Ingest.Schema.ColumnKind.Enum => Code,
            Analytics.Ingest.Schema.ColumnKind.Date => Date,
            Analytics.Ingest.Schema.ColumnKind.Money or Analytics.Ingest.Schema.ColumnKind.Decimal => Money,
            Analytics.Ingest.Schema.ColumnKind.Integer => Integer,
            Analytics.Ingest.Schema.ColumnKind.Bool => Flag,
            _ => Text,
        })).ToArray();

    public static readonly Column[] Regions =
        [new("region_code", "区划代码"), new("region_name", "区划名称"), new("parent_code", "上级代码")];

    public static readonly Column[] Occupations =
        [new("occupation_code", "职业代码"), new("occupation_name", "职业名称")];

    /// <summary>Taken from the ingest schema itself (the first Chinese alias is the header), so the two cannot drift.</summary>
    public static readonly Column[] SiBases = FromSchema(Analytics.Ingest.Schema.Datasets.SiBases);

    private static Column[] FromSchema(Analytics.Ingest.Schema.DatasetSchema schema) =>
        schema.Columns.Select(c => new Column(c.Name, c.Aliases[0], c.Kind switch
        {
            Analytics.Ingest.Schema.ColumnKind.Date => Date,
            Analytics.Ingest.Schema.ColumnKind.Money => Money,
            Analytics.Ingest.Schema.ColumnKind.Integer => Integer,
            Analytics.Ingest.Schema.ColumnKind.Bool => Flag,
            Analytics.Ingest.Schema.ColumnKind.Enum => Code,
            _ => Text,
        })).ToArray();

    public static readonly Column[] Vacancies =
    [
        new("posting_id", "岗位编号"), new("registered_on", "登记日期", Date), new("region_code", "区划代码"),
        new("employer_id", "单位编号"), new("industry_code", "行业代码"), new("occupation_code", "职业代码"),
        new("positions", "招聘人数", Integer), new("wage_min", "工资下限", Money), new("wage_max", "工资上限", Money),
        new("education_min", "学历要求", Code), new("channel", "来源渠道", Code),
    ];

    public static readonly Column[] Jobseekers =
    [
        new("seeker_id", "求职者编号"), new("registered_on", "登记日期", Date), new("region_code", "区划代码"),
        new("occupation_code", "意向职业"), new("gender", "性别", Code), new("birth_year", "出生年份", Integer),
        new("education", "学历", Code), new("category", "人员类别", Code), new("expected_wage", "期望工资", Money),
    ];

    public static readonly Column[] Employment =
    [
        new("person_id", "人员编号"), new("employed_on", "就业日期", Date), new("region_code", "区划代码"),
        new("employer_id", "单位编号"), new("industry_code", "行业代码"), new("occupation_code", "职业代码"),
        new("employment_type", "就业形式", Code), new("full_time", "全日制", Flag), new("monthly_wage", "月工资", Money),
    ];

    public static readonly Column[] Unemployment =
    [
        new("person_id", "人员编号"), new("registered_on", "失业登记日期", Date), new("region_code", "区划代码"),
        new("gender", "性别", Code), new("birth_year", "出生年份", Integer), new("education", "学历", Code),
        new("reason", "失业原因", Code), new("ended_on", "注销日期", Date), new("end_reason", "注销原因", Code),
        new("ui_months", "失业保险金月数", Integer), new("ui_monthly_amount", "失业保险金月额", Money),
    ];

    public static readonly Column[] Retirees =
    [
        new("retiree_id", "人员编号"), new("region_code", "区划代码"), new("community", "社区"), new("gender", "性别", Code),
        new("birth_date", "出生日期", Date), new("retired_on", "退休日期", Date), new("monthly_pension", "月养老金", Money),
        new("solitary", "孤寡", Flag), new("serious_illness", "重病", Flag), new("extreme_poverty", "特困", Flag),
        new("model_worker", "劳模", Flag), new("pre1949_worker", "建国前参加工作", Flag),
        new("status", "状态", Code), new("status_on", "状态日期", Date),
    ];

    public static readonly Column[] DispatchProjects =
    [
        new("project_id", "项目编号"), new("project_name", "项目名称"), new("agency_id", "派遣机构编号"), new("agency_name", "派遣机构"),
        new("client_id", "用工单位编号"), new("client_name", "用工单位"), new("client_industry", "行业代码"),
        new("client_total_workforce", "用工总量", Integer), new("region_code", "区划代码"), new("start_on", "开始日期", Date),
        new("end_on", "结束日期", Date), new("fee_model", "服务费方式", Code), new("fee_rate", "服务费标准", Money),
        new("tax_method", "计税方式", Code), new("target_margin_pct", "目标毛利率", Money),
        new("budget_monthly_revenue", "月预算收入", Money), new("budget_monthly_cost", "月预算成本", Money),
    ];

    public static readonly Column[] DispatchSettlements =
    [
        new("month", "结算月份"), new("project_id", "项目编号"), new("worker_id", "人员编号"),
        new("contract_start", "合同起始", Date), new("contract_end", "合同终止", Date),
        new("gross_wage", "应发工资", Money), new("si_base", "社保缴费基数", Money),
        new("employer_pension", "单位养老", Money), new("employer_medical", "单位医疗", Money),
        new("employer_unemployment", "单位失业", Money), new("employer_injury", "单位工伤", Money),
        new("employer_maternity", "单位生育", Money), new("employer_housing_fund", "单位公积金", Money),
        new("personal_pension", "个人养老", Money), new("personal_medical", "个人医疗", Money),
        new("personal_unemployment", "个人失业", Money), new("personal_housing_fund", "个人公积金", Money),
        new("income_tax", "个税", Money), new("net_pay", "实发工资", Money), new("commercial_insurance", "商业保险", Money),
        new("disability_fund", "残保金", Money), new("service_fee", "服务费", Money), new("billed_total", "结算总额", Money),
    ];

    /// <summary>The cost file carries a free-text <c>note</c> column that datasets.md does not define: ingest ignores it and says so.</summary>
    public static readonly Column[] DispatchCosts =
    [
        new("month", "结算月份"), new("project_id", "项目编号"), new("category", "成本类别", Code), new("amount", "金额", Money),
        new("cost_id", "成本编号"), new("note", "备注"),
    ];

    public static readonly Column[] DispatchInvoices =
    [
        new("invoice_id", "发票编号"), new("project_id", "项目编号"), new("month", "结算月份"), new("invoiced_on", "开票日期", Date),
        new("amount", "开票金额", Money), new("due_on", "应收日期", Date), new("received_on", "回款日期", Date),
        new("received_amount", "回款金额", Money),
    ];
}
