using static Analytics.Ingest.Schema.ColumnKind;

namespace Analytics.Ingest.Schema;

/// <summary>
/// The construction wage-payment datasets of datasets.md (工程建设领域农民工工资): projects, the
/// real-name roster, attendance, the wage payment tables and the special account's statement.
/// Roster, attendance and payroll rows keep their source file and line, for the wage officer's
/// drill-down (metrics.md §6).
/// </summary>
public static partial class Datasets
{
    /// <summary>
    /// A nested class has its own type initializer, so <see cref="Datasets.All"/> can list these
    /// whatever order the compiler gives the partial files' field initializers.
    /// </summary>
    public static class Wage
    {
        private static ColumnSpec Subcontractor() => Id("subcontractor_id", true, "分包单位编号", "所属单位编号");
        private static ColumnSpec Worker() => Person("worker_id", "人员编号");

        private static ColumnSpec[] SourceColumns() =>
        [
            Text("source_file", false) with { FromSource = RowSource.File },
            Col("source_line", Integer, false) with { FromSource = RowSource.Line },
        ];

        /// <summary>True when the row's wage_paid is more than 0: paid_on and paid_via only matter then.</summary>
        private static bool SomethingPaid(ParsedRow row, DatasetSchema schema) => row.NumberOrZero(schema.IndexOf("wage_paid")) > 0;

        public static readonly DatasetSchema Projects = new("construction_projects", "在建工程项目",
        [
            Project(),
            Text("project_name", true, "项目名称"),
            Col("region_code", RegionCode, true, "区划代码", "项目所在地", "行政区划代码"),
            Enum("sector", EnumType.Sector, true, "行业领域"),
            Id("contractor_id", true, "施工总承包单位编号"),
            Text("contractor_name", true, "施工总承包单位"),
            Text("builder_name", false, "建设单位"),
            Money("contract_value", true, SignRule.Positive, "合同价款"),
            Col("labour_cost_share_pct", ColumnKind.Decimal, false, "人工费用比例") with { Precision = 9, Scale = 4, Sign = SignRule.Positive },
            Col("start_on", Date, true, "开工日期"),
            Col("planned_end_on", Date, true, "计划竣工日期") with { MayBeFuture = true },
            Col("pay_day", Integer, true, "工资支付日") with { Min = 1, Max = 31 },
            Enum("pay_month", EnumType.PayMonth, false, "工资支付月"),
            Col("special_account_opened_on", Date, false, "专用账户开户日期"),
            Enum("guarantee_form", EnumType.GuaranteeForm, false, "工资保证金形式"),
            Money("guarantee_amount", false, SignRule.NonNegative, "工资保证金金额"),
            Col("notice_board", Bool, false, "维权信息告示牌"),
            Text("officer_name", false, "劳资专管员"),
        ], ["project_id"], "start_on",
        [
            new NotOver("labour_cost_share_pct", 100m),
            new NotBefore("planned_end_on", "start_on"),
            new RequiredWhen("guarantee_form", "guarantee_amount > 0", (row, s) => row.NumberOrZero(s.IndexOf("guarantee_amount")) > 0),
        ]);

        public static readonly DatasetSchema Roster = new("site_roster", "实名制花名册",
        [
            Project(),
            Worker(),
            Col("entered_on", Date, true, "进场日期"),
            Col("left_on", Date, false, "退场日期"),
            Subcontractor(),
            Col("occupation_code", OccupationCode, false, "工种"),
            Col("contract_signed_on", Date, false, "劳动合同签订日期"),
            Col("bank_card_registered", Bool, false, "工资卡登记") with { DefaultBool = false },
            .. SourceColumns(),
        ], ["project_id", "worker_id", "entered_on"], "entered_on", [new NotBefore("left_on", "entered_on")])
        { ProjectsIn = Projects };

        public static readonly DatasetSchema Attendance = new("site_attendance", "考勤表",
        [
            MonthCol("考勤月份"),
            Project(),
            Worker(),
            Col("days_worked", Integer, true, "出勤天数") with { Min = 0, Max = 31 },
            Col("quantity", ColumnKind.Decimal, false, "计量工作量") with { Precision = 14, Scale = 4 },
            .. SourceColumns(),
        ], ["month", "project_id", "worker_id"], "month", [new NotOverDaysInMonth("days_worked", "month")])
        { ProjectsIn = Projects };

        public static readonly DatasetSchema Payroll = new("site_payroll", "工资支付表",
        [
            MonthCol("工资月份"),
            Project(),
            Subcontractor(),
            Worker(),
            Money("wage_due", true, SignRule.NonNegative, "应付工资"),
            Money("wage_paid", true, SignRule.NonNegative, "实付金额"),
            Col("paid_on", Date, false, "支付日期"),
            Enum("paid_via", EnumType.PaidVia, false, "支付方式"),
            Col("signed_by_worker", Bool, false, "本人签字确认") with { DefaultBool = false },
            .. SourceColumns(),
        ], ["month", "project_id", "subcontractor_id", "worker_id"], "month",
        [
            new NotAbove("wage_paid", "wage_due"),
            new RequiredWhen("paid_on", "wage_paid > 0", SomethingPaid),
            new NotBefore("paid_on", "month") { OnlyWhen = SomethingPaid },
            new RequiredWhen("paid_via", "wage_paid > 0", SomethingPaid),
        ])
        { ProjectsIn = Projects };

        public static readonly DatasetSchema AccountFlows = new("account_flows", "专用账户流水",
        [
            Id("flow_id", true, "交易流水号"),
            Project(),
            Col("flow_on", Date, true, "交易日期"),
            Enum("direction", EnumType.FlowDirection, true, "收支方向"),
            Money("amount", true, SignRule.Positive, "金额"),
            Enum("counterparty", EnumType.Counterparty, true, "对方类别"),
        ], ["project_id", "flow_id"], "flow_on")
        { ProjectsIn = Projects };

        /// <summary>The five, in the order of datasets.md.</summary>
        public static readonly IReadOnlyList<DatasetSchema> All = [Projects, Roster, Attendance, Payroll, AccountFlows];
    }
}
