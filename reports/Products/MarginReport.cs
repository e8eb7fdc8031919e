using Analytics.Reports.Building;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>
/// Dispatch project cost and revenue (metrics.md §3): one row per project and month; the period
/// totals per project (records of the same shape, month null) go to the XLSX/HTML only.
/// </summary>
public static class MarginReport
{
    public static readonly IReadOnlyDictionary<string, string> AlertNames = new Dictionary<string, string>
    {
        ["negative_margin"] = "毛利为负", ["below_target"] = "低于目标毛利率", ["dispatch_cap"] = "派遣用工超比例",
        ["si_base_low"] = "社保基数偏低", ["short_contract"] = "劳动合同不足两年", ["overdue_receivable"] = "应收款逾期",
        ["no_contract"] = "未签劳动合同", ["contract_expiring"] = "劳动合同即将到期", ["si_missing"] = "社保漏缴",
        ["si_base_below_floor"] = "社保基数低于下限", ["invoice_due_soon"] = "回款即将到期",
    };

    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("project_id", "项目编号", "Project", ColumnKind.Text),
        new("project_name", "项目名称", "Project name", ColumnKind.Text),
        new("agency_id", "派遣机构编号", "Agency", ColumnKind.Text),
        new("agency_name", "派遣机构", "Agency name", ColumnKind.Text),
        new("month", "月份", "Month", ColumnKind.Month),
        new("headcount", "派遣人数", "Headcount", ColumnKind.Integer) { Aliases = ["average_headcount"] },
        new("payroll", "应发工资", "Payroll", ColumnKind.Money),
        new("employer_si", "单位社会保险费", "Employer social insurance", ColumnKind.Money),
        new("employer_hf", "单位住房公积金", "Employer housing fund", ColumnKind.Money),
        new("pass_through", "代收代付合计", "Pass-through", ColumnKind.Money),
        new("billed_revenue", "结算收入", "Billed revenue", ColumnKind.Money),
        new("service_revenue", "服务收入", "Service revenue", ColumnKind.Money),
        new("vat", "增值税", "VAT", ColumnKind.Money),
        new("surtax", "附加税费", "Surtax", ColumnKind.Money),
        new("direct_cost", "直接成本", "Direct cost", ColumnKind.Money),
        new("gross_margin", "毛利", "Gross margin", ColumnKind.Money),
        new("margin_pct", "毛利率（%）", "Margin (%)", ColumnKind.Percent),
        new("service_margin_pct", "服务毛利率（%）", "Service margin (%)", ColumnKind.Percent),
        new("target_margin_pct", "目标毛利率（%）", "Target margin (%)", ColumnKind.Percent) { Scale = 4 },   // dispatch_projects holds DECIMAL(9,4)
        new("revenue_variance", "收入预算差异", "Revenue variance", ColumnKind.Money),
        new("cost_variance", "成本预算差异", "Cost variance", ColumnKind.Money),
        new("overdue_amount", "逾期应收", "Overdue receivables", ColumnKind.Money),
        // The figures behind the alerts.
        new("dispatch_share_pct", "用工单位派遣用工比例（%）", "Client's dispatch share (%)", ColumnKind.Percent),
        new("si_base_low_workers", "社保基数偏低人数", "Workers with low SI base", ColumnKind.Integer),
        new("short_contract_workers", "合同不足两年人数", "Workers on short contracts", ColumnKind.Integer),
        new("max_days_overdue", "最长逾期天数", "Longest overdue (days)", ColumnKind.Integer),
        // compliance-and-statistics.md A.3, in the order A.4 lists them; joiners and leavers are summed in the period totals
        new("joiners", "增员", "Joiners", ColumnKind.Integer),
        new("leavers", "减员", "Leavers", ColumnKind.Integer),
        new("client_headcount", "用工单位派遣人数", "Client's dispatched workers", ColumnKind.Integer),
        new("client_workforce", "用工单位用工总量", "Client's workforce", ColumnKind.Integer),
        new("no_contract_workers", "未签合同人数", "Workers without a contract", ColumnKind.Integer),
        new("expiring_contract_workers", "合同即将到期人数", "Contracts expiring", ColumnKind.Integer),
        new("si_missing_workers", "社保漏缴人数", "Workers missing social insurance", ColumnKind.Integer),
        new("si_floor", "社保缴费基数下限", "SI base floor", ColumnKind.Money),
        new("si_below_floor_workers", "基数低于下限人数", "Workers below the SI floor", ColumnKind.Integer),
        new("due_soon_invoices", "即将到期发票数", "Invoices due soon", ColumnKind.Integer),
        new("alerts", "预警", "Alerts", ColumnKind.Codes) { Labels = AlertNames },
    ];

    /// <summary><paramref name="periodTotals"/>: one record per project over the whole period (may be a narrower type).</summary>
    public static ReportTable Build<T, TTotal>(IEnumerable<T> rows, IEnumerable<TTotal> periodTotals, ReportContext context)
    {
        var table = ReportBuilder.Table($"派遣项目成本收益（{context.Period}，{context.Scope}）", $"Dispatch project cost and revenue, {context.Period}",
            Columns, rows, context.Notes(Method));
        table = table with { Totals = ReportBuilder.RowsOf(table.Columns, periodTotals), TotalsTitleZh = "期间合计（按项目）" };
        var chartRows = table.Totals.Count > 0 ? table.Totals : table.Rows;
        var label = Charts.LabelField(table, "project_name", "project_id");
        return table with { Chart = Charts.Bar(table, chartRows, "结算收入与毛利（期间合计，元）", label, "billed_revenue", "gross_margin") };
    }

    private const string Method =
        "按项目和月份统计：代收代付 = 应发工资 + 单位社会保险费 + 单位住房公积金 + 商业保险 + 残疾人就业保障金；服务收入 = 结算收入 − 代收代付；"
        + "增值税按差额征税（服务收入 ÷ 1.05 × 5%）或一般计税（结算收入 ÷ 1.06 × 6%）计算，附加税费为增值税乘以附加税费率；"
        + "毛利 = 结算收入 − 代收代付 − 增值税 − 附加税费 − 直接成本；毛利率 = 毛利 ÷ 结算收入 × 100。"
        + "金额以十进制计算，最后四舍五入到分。期间合计为各月金额之和，比率按合计重新计算，派遣人数为各月平均。"
        + "截止日 d 取当月最后一天与统计截止日（as-of）中较早者；逾期应收为 d 已过到期日且未收回的发票金额，到期日距 d 不超过回款到期提醒天数（含当日）且未收回的发票计为即将到期。"
        + "派遣用工比例按用工单位计算：同一派遣机构派往该用工单位的全部项目当月人数（同一人计一次）÷ 各项目所报用工总量中的最小值。"
        + "增员、减员与上月结算名单相比；社保缴费基数下限取项目所在地、所在市、所在省中最先有适用记录者的最新一期。";
}
