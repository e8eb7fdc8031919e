using Analytics.Reports.Building;
using Analytics.Reports.Model;
using Analytics.Warehouse.Marts.WagePayment;

namespace Analytics.Reports.Products;

/// <summary>
/// The wage officer's worker drill-down (metrics.md §6): one table per list of mart_wage_drilldown, each
/// with the worker by worker_key (the first 8 hex characters of the hash, never the hash or an id), the
/// employing unit, the values that list's figure used and the source file and line to correct. The one
/// definition behind the project page's drill-down tables and the officer's XLSX sheets; who may see it is
/// the caller's (a wage officer bound to the project, product.md), and no <c>publish</c> verb writes it.
/// </summary>
public static class WageDrillDownReport
{
    /// <summary>One list: its name in the mart, its title, and the value columns its figure used (those the mart fills).</summary>
    public sealed record DrillList(string Name, string TitleZh, string TitleEn, IReadOnlyList<string> Values)
    {
        /// <summary>The XLSX sheet's name (Chinese, at most 31 characters, none of Excel's forbidden []:*?/\).</summary>
        public string SheetName => $"明细-{TitleZh}";
    }

    private static readonly string[] Payment = ["wage_due", "wage_paid", "paid_on", "due_on"];
    private static readonly string[] Stay = ["entered_on", "left_on", "contract_signed_on"];

    /// <summary>The lists in the mart's order (list_order of mart_wage_drilldown.sql).</summary>
    public static IReadOnlyList<DrillList> Lists { get; } =
    [
        new("outstanding", "欠薪", "Outstanding", Payment),
        new("late_payment", "迟发", "Paid late", [.. Payment, "days_late"]),
        new("attended_not_paid", "出勤未发薪", "Attended, not paid", ["days_worked"]),
        new("paid_not_on_roster", "发薪未实名登记", "Paid, not on the roster", Payment),
        new("no_contract", "未签劳动合同", "No labour contract", Stay),
        new("unsigned", "未本人签字", "Not signed by the worker", Payment),
        new("no_bank_card", "未登记工资卡", "No wage card", Stay),
    ];

    public static DrillList List(string name) => Lists.Single(l => l.Name == name);

    /// <summary>Every column a list may have, in the order shown.</summary>
    private static readonly ReportColumn[] AllColumns =
    [
        new("project_id", "项目编号", "Project", ColumnKind.Text) { Key = true },
        new("worker_key", "人员代码", "Worker key", ColumnKind.Text) { Key = true },
        new("subcontractor_id", "所属单位", "Employing unit", ColumnKind.Text),
        new("wage_due", "应付工资", "Wage due", ColumnKind.Money),
        new("wage_paid", "实付金额", "Wage paid", ColumnKind.Money),
        new("paid_on", "支付日期", "Paid on", ColumnKind.Date),
        new("due_on", "工资支付日", "Pay date", ColumnKind.Date),
        new("days_late", "迟发天数", "Days late", ColumnKind.Integer),
        new("days_worked", "出勤天数", "Days worked", ColumnKind.Integer),
        new("entered_on", "进场日期", "Entered on", ColumnKind.Date),
        new("left_on", "退场日期", "Left on", ColumnKind.Date),
        new("contract_signed_on", "劳动合同签订日期", "Contract signed on", ColumnKind.Date),
        new("source_file", "来源文件", "Source file", ColumnKind.Text),
        new("source_line", "行号", "Line", ColumnKind.Integer) { Grouped = false },
    ];

    /// <summary>
    /// The columns of <paramref name="list"/>: worker key, employing unit, the list's values, source file and line;
    /// <paramref name="withProject"/> puts project_id first (an export may hold several bound projects, a page one).
    /// </summary>
    public static IReadOnlyList<ReportColumn> Columns(DrillList list, bool withProject) =>
        AllColumns.Where(c => c.Field switch
        {
            "project_id" => withProject,
            "worker_key" or "subcontractor_id" or "source_file" or "source_line" => true,
            var field => list.Values.Contains(field),
        }).ToArray();

    /// <summary>
    /// The table of one list from <paramref name="rows"/> (the mart's rows, of any lists, with their project), its
    /// rows in the mart's order. Without a project column when <paramref name="withProject"/> is false.
    /// </summary>
    public static ReportTable Table(DrillList list, IEnumerable<(string ProjectId, WageDrillDownRow Row)> rows, bool withProject, ReportNotes notes)
    {
        var columns = Columns(list, withProject);
        var mine = rows.Where(r => r.Row.List == list.Name).ToList();
        var values = ReportBuilder.RowsOf(columns, mine.Select(r => r.Row));
        if (withProject)
            values = values.Select((row, i) => row with { Values = [mine[i].ProjectId, .. row.Values.Skip(1)] }).ToArray();
        return new ReportTable($"明细：{list.TitleZh}", $"Worker rows: {list.TitleEn}", columns, values, notes);
    }

    /// <summary>One project's table of one list, as its page shows it.</summary>
    public static ReportTable Table(DrillList list, string projectId, IEnumerable<WageDrillDownRow> rows) =>
        Table(list, rows.Select(r => (projectId, r)), withProject: false, new ReportNotes(Method, [], null) { MethodEn = MethodEn });

    public const string MethodEn =
        "The wage officer's check lists: each list shows the workers counted in that figure for the project and work month (worker key = the first 8 characters "
        + "of the hashed worker id), the values used, and the source file and line, to correct before the pay date.";

    public const string Method =
        "劳资专管员核对明细：每份清单列出本项目该工资月份计入相应数字的人员（人员代码为人员标识散列值的前8位）、所用数值及其来源文件和行号，供在工资支付日前更正。";
}
