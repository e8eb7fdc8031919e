using Analytics.Reports.Building;
using Analytics.Reports.Model;
using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;

namespace Analytics.Reports.Products;

/// <summary>
/// Dispatch project cost and revenue (metrics.md §3): one row per project and month; the period
/// totals per project (records of the same shape, month null) go to the XLSX/HTML only.
/// </summary>
public static class MarginReport
{
    /// <summary>
    /// The alerts' names, Chinese or English, in metrics.md §3's order, with the thresholds configuration
    /// sets (Metrics:DispatchCapPct, SiBasePct, OverdueDays) stated as they are in force: the one place
    /// pages, exports and the wall take an alert's label from.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AlertNames(MetricsOptions options, bool english = false)
    {
        string N(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return english
            ? new Dictionary<string, string>
            {
                [MarginAlerts.NegativeMargin] = "Negative margin", [MarginAlerts.BelowTarget] = "Below target margin",
                [MarginAlerts.DispatchCap] = $"Dispatch share over {N(options.DispatchCapPct)}%",
                [MarginAlerts.SiBaseLow] = $"SI base under {N(options.SiBasePct)}% of wage",
                [MarginAlerts.ShortContract] = "Contract under 2 years",
                [MarginAlerts.OverdueReceivable] = $"Receivable over {options.OverdueDays} days overdue",
                [MarginAlerts.NoContract] = "Worker without a contract",
                [MarginAlerts.ContractExpiring] = $"Contract ends within {options.ContractExpiringDays} days",
                [MarginAlerts.SiMissing] = "Social insurance missing",
                [MarginAlerts.SiBaseBelowFloor] = "SI base below the local floor",
                [MarginAlerts.InvoiceDueSoon] = $"Invoice due within {options.DueSoonDays} days",
            }
            : new Dictionary<string, string>
            {
                [MarginAlerts.NegativeMargin] = "毛利为负", [MarginAlerts.BelowTarget] = "低于目标毛利率",
                [MarginAlerts.DispatchCap] = $"派遣用工超过用工总量{N(options.DispatchCapPct)}%",
                [MarginAlerts.SiBaseLow] = $"社保基数低于工资{N(options.SiBasePct)}%",
                [MarginAlerts.ShortContract] = "劳动合同不足两年",
                [MarginAlerts.OverdueReceivable] = $"应收款逾期超过{options.OverdueDays}天",
                [MarginAlerts.NoContract] = "未签劳动合同",
                [MarginAlerts.ContractExpiring] = $"劳动合同{options.ContractExpiringDays}天内到期",
                [MarginAlerts.SiMissing] = "社保漏缴",
                [MarginAlerts.SiBaseBelowFloor] = "社保基数低于下限",
                [MarginAlerts.InvoiceDueSoon] = $"回款{options.DueSoonDays}天内到期",
            };
    }

    /// <summary>One alert's label (the code itself when unknown).</summary>
    public static string AlertName(string alert, MetricsOptions options, bool english = false) =>
        AlertNames(options, english).GetValueOrDefault(alert, alert);

    /// <summary>
    /// The fields of a row that raised each alert (compliance-and-statistics.md A.4), shown beside the alert
    /// on the projects page: dispatch_cap with the client's dispatched workers, its workforce and the share.
    /// </summary>
    public static IReadOnlyList<string> AlertFigures(string alert) => alert switch
    {
        MarginAlerts.NegativeMargin => ["gross_margin"],
        MarginAlerts.BelowTarget => ["margin_pct", "target_margin_pct"],
        MarginAlerts.DispatchCap => ["client_headcount", "client_workforce", "dispatch_share_pct"],
        MarginAlerts.SiBaseLow => ["si_base_low_workers"],
        MarginAlerts.ShortContract => ["short_contract_workers"],
        MarginAlerts.OverdueReceivable => ["max_days_overdue", "overdue_amount"],
        MarginAlerts.NoContract => ["no_contract_workers"],
        MarginAlerts.ContractExpiring => ["expiring_contract_workers"],
        MarginAlerts.SiMissing => ["si_missing_workers"],
        MarginAlerts.SiBaseBelowFloor => ["si_below_floor_workers", "si_floor"],
        MarginAlerts.InvoiceDueSoon => ["due_soon_invoices"],
        _ => [],
    };

    /// <summary>
    /// An alert of <paramref name="row"/> with the figures that raised it, as a reader sees them:
    /// 未签劳动合同（未签合同人数 2）; the figures' headers and cells are the table's own.
    /// </summary>
    public static string AlertWithFigures(ReportTable table, ReportRow row, string alert, MetricsOptions options, bool english = false)
    {
        var figures = AlertFigures(alert)
            .Select(field => (Index: table.IndexOf(field), Field: field))
            .Where(f => f.Index >= 0 && row.Values[f.Index] is not null)
            .Select(f => $"{(english ? table.Columns[f.Index].HeaderEn : table.Columns[f.Index].HeaderZh)} {Formatting.HumanText.Shown(table.Columns[f.Index], row.Values[f.Index], english)}")
            .ToArray();
        var name = AlertName(alert, options, english);
        return figures.Length == 0 ? name : english ? $"{name} ({string.Join(", ", figures)})" : $"{name}（{string.Join("，", figures)}）";
    }

    public static IReadOnlyList<ReportColumn> Columns(MetricsOptions options) =>
    [
        new("project_id", "项目编号", "Project", ColumnKind.Text),
        new("project_name", "项目名称", "Project name", ColumnKind.Text) { Key = true },
        new("agency_id", "派遣机构编号", "Agency", ColumnKind.Text),
        new("agency_name", "派遣机构", "Agency name", ColumnKind.Text),
        new("month", "月份", "Month", ColumnKind.Month) { Key = true },
        new("headcount", "派遣人数", "Headcount", ColumnKind.Integer) { Aliases = ["average_headcount"] },
        new("payroll", "应发工资", "Payroll", ColumnKind.Money),
        new("employer_si", "单位社会保险费", "Employer social insurance", ColumnKind.Money),
        new("employer_hf", "单位住房公积金", "Employer housing fund", ColumnKind.Money),
        new("pass_through", "代收代付合计", "Pass-through", ColumnKind.Money),
        new("billed_revenue", "结算收入", "Billed revenue", ColumnKind.Money) { Increase = Increase.Good },
        new("service_revenue", "服务收入", "Service revenue", ColumnKind.Money) { Increase = Increase.Good },
        new("vat", "增值税", "VAT", ColumnKind.Money),
        new("surtax", "附加税费", "Surtax", ColumnKind.Money),
        new("direct_cost", "直接成本", "Direct cost", ColumnKind.Money),
        new("gross_margin", "毛利", "Gross margin", ColumnKind.Money) { Increase = Increase.Good },
        new("margin_pct", "毛利率（%）", "Margin (%)", ColumnKind.Percent) { Increase = Increase.Good },
        new("service_margin_pct", "服务毛利率（%）", "Service margin (%)", ColumnKind.Percent) { Increase = Increase.Good },
        new("target_margin_pct", "目标毛利率（%）", "Target margin (%)", ColumnKind.Percent) { Scale = 4 },   // dispatch_projects holds DECIMAL(9,4)
        new("revenue_variance", "收入预算差异", "Revenue variance", ColumnKind.Money) { Increase = Increase.Good },
        new("cost_variance", "成本预算差异", "Cost variance", ColumnKind.Money) { Increase = Increase.Bad },
        new("overdue_amount", "逾期应收", "Overdue receivables", ColumnKind.Money) { Increase = Increase.Bad },
        // The figures behind the alerts.
        new("dispatch_share_pct", "用工单位派遣用工比例（%）", "Client's dispatch share (%)", ColumnKind.Percent) { Increase = Increase.Bad },
        new("si_base_low_workers", "社保基数偏低人数", "Workers with low SI base", ColumnKind.Integer) { Increase = Increase.Bad },
        new("short_contract_workers", "合同不足两年人数", "Workers on short contracts", ColumnKind.Integer) { Increase = Increase.Bad },
        new("max_days_overdue", "最长逾期天数", "Longest overdue (days)", ColumnKind.Integer) { Increase = Increase.Bad },
        // compliance-and-statistics.md A.3, in the order A.4 lists them; joiners and leavers are summed in the period totals
        new("joiners", "增员", "Joiners", ColumnKind.Integer),
        new("leavers", "减员", "Leavers", ColumnKind.Integer),
        new("client_headcount", "用工单位派遣人数", "Client's dispatched workers", ColumnKind.Integer),
        new("client_workforce", "用工单位用工总量", "Client's workforce", ColumnKind.Integer),
        new("no_contract_workers", "未签合同人数", "Workers without a contract", ColumnKind.Integer) { Increase = Increase.Bad },
        new("expiring_contract_workers", "合同即将到期人数", "Contracts expiring", ColumnKind.Integer) { Increase = Increase.Bad },
        new("si_missing_workers", "社保漏缴人数", "Workers missing social insurance", ColumnKind.Integer) { Increase = Increase.Bad },
        new("si_floor", "社保缴费基数下限", "SI base floor", ColumnKind.Money),
        new("si_below_floor_workers", "基数低于下限人数", "Workers below the SI floor", ColumnKind.Integer) { Increase = Increase.Bad },
        new("due_soon_invoices", "即将到期发票数", "Invoices due soon", ColumnKind.Integer),
        new("alerts", "预警", "Alerts", ColumnKind.Codes) { Labels = AlertNames(options), LabelsEn = AlertNames(options, english: true) },
    ];

    /// <summary><paramref name="periodTotals"/>: one record per project over the whole period (may be a narrower type).</summary>
    public static ReportTable Build<T, TTotal>(IEnumerable<T> rows, IEnumerable<TTotal> periodTotals, ReportContext context)
    {
        var table = ReportBuilder.Table($"派遣项目成本收益（{context.Period}，{context.Scope}）", $"Dispatch project cost and revenue, {context.Period}",
            Columns(context.Options), rows, context.Notes(Method));
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
