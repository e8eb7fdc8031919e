using Analytics.Reports.Building;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>
/// One dispatch project's drill-down (cost items, workers per month, receivables aging): the columns,
/// labels and charts of its three tables, for the project page and any export of it.
/// </summary>
public static class ProjectDetailReport
{
    /// <summary>datasets.md's dispatch_costs.category.</summary>
    public static IReadOnlyDictionary<string, string> CategoryNames(bool english = false) => english
        ? new Dictionary<string, string> { ["recruitment"] = "Recruitment", ["training"] = "Training", ["management"] = "Management", ["claims"] = "Claims", ["other"] = "Other" }
        : new Dictionary<string, string> { ["recruitment"] = "招聘", ["training"] = "培训", ["management"] = "管理人员", ["claims"] = "工伤/理赔", ["other"] = "其他" };

    /// <summary>The aging buckets of mart_project_receivables.</summary>
    public static IReadOnlyDictionary<string, string> BucketNames(bool english = false) => english
        ? new Dictionary<string, string> { ["not_due"] = "Not yet due", ["1_30"] = "1–30 days overdue", ["31_90"] = "31–90 days overdue", ["over_90"] = "Over 90 days overdue" }
        : new Dictionary<string, string> { ["not_due"] = "未到期", ["1_30"] = "逾期1–30天", ["31_90"] = "逾期31–90天", ["over_90"] = "逾期90天以上" };

    public static IReadOnlyList<ReportColumn> CostColumns { get; } =
    [
        new("month", "月份", "Month", ColumnKind.Month) { Key = true },
        new("category", "成本类别", "Category", ColumnKind.Text) { Labels = CategoryNames(), LabelsEn = CategoryNames(english: true) },
        new("items", "笔数", "Items", ColumnKind.Integer),
        new("amount", "金额", "Amount", ColumnKind.Money) { Increase = Increase.Bad },
    ];

    public static IReadOnlyList<ReportColumn> WorkerColumns { get; } =
    [
        new("month", "月份", "Month", ColumnKind.Month) { Key = true },
        new("workers", "派遣人数", "Workers", ColumnKind.Integer),
        new("payroll", "应发工资", "Payroll", ColumnKind.Money),
    ];

    public static IReadOnlyList<ReportColumn> ReceivableColumns { get; } =
    [
        new("bucket", "账龄", "Age", ColumnKind.Text) { Labels = BucketNames(), LabelsEn = BucketNames(english: true), Key = true },
        new("invoices", "发票数", "Invoices", ColumnKind.Integer),
        new("outstanding", "未收金额", "Outstanding", ColumnKind.Money) { Increase = Increase.Bad },
    ];

    public static ReportTable Costs<T>(IEnumerable<T> rows, ReportContext context) =>
        ReportBuilder.Table($"成本明细（{context.Scope}，{context.Period}）", $"Cost items, {context.Period}", CostColumns, rows, context.Notes(Method, MethodEn));

    public static ReportTable Workers<T>(IEnumerable<T> rows, ReportContext context)
    {
        var table = ReportBuilder.Table($"每月派遣人数（{context.Scope}，{context.Period}）", $"Workers per month, {context.Period}", WorkerColumns, rows, context.Notes(Method, MethodEn));
        return table with { Chart = Charts.Bar(table, table.Rows, "每月派遣人数", "month", "workers") };
    }

    public static ReportTable Receivables<T>(IEnumerable<T> rows, ReportContext context)
    {
        var table = ReportBuilder.Table($"应收账龄（{context.Scope}）", "Receivables aging", ReceivableColumns, rows, context.Notes(Method, MethodEn));
        return table with { Chart = Charts.Bar(table, table.Rows, "应收账龄（未收金额，元）", "bucket", "outstanding") };
    }

    private const string MethodEn =
        "Cost items are the project's direct costs of each month by category; workers per month are the distinct people with a settlement row that month; "
        + "receivables are aged by the days between the period's end and the due date of the amount not yet received.";

    private const string Method =
        "成本明细为项目各月直接成本按类别汇总；派遣人数为当月有结算记录的不同人员数；应收账龄按期末日未收回金额与到期日之差分档。";
}
