using Analytics.Reports.Building;
using Analytics.Reports.Model;
using Analytics.Warehouse.Marts.SupplyDemand;

namespace Analytics.Reports.Products;

/// <summary>
/// Supply and demand per occupation or occupation group (metrics.md §1 "Group level"), the drill-down's
/// table: one row per code of the level, in code order. A group the reference data has no name for is
/// named by its level and code (major groups by their GB/T 6565 names).
/// </summary>
public static class SupplyDemandReport
{
    public const string ProductName = "职业供求", ProductNameEn = "Occupation supply and demand";

    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new("code", "职业（组）代码", "Code", ColumnKind.Text),
        new("name", "职业（组）名称", "Name", ColumnKind.Text) { Key = true, NullText = OccupationGroupNames.UnknownName, NullTextEn = "(unknown)" },
        new("demand", "需求人数", "Demand", ColumnKind.Integer) { Increase = Increase.Good },
        new("supply", "求职人数", "Supply", ColumnKind.Integer),
        new("gap", "缺口数", "Gap", ColumnKind.Integer),
        new("ratio", "求人倍率", "Demand/supply ratio", ColumnKind.Ratio) { Increase = Increase.Good },
    ];

    /// <summary>大类 / 中类 / 小类 / 职业, as titles and file names state the level.</summary>
    public static string LevelZh(OccupationLevel level) => level switch
    {
        OccupationLevel.Major => "大类",
        OccupationLevel.Medium => "中类",
        OccupationLevel.Minor => "小类",
        _ => "职业",
    };

    public static ReportTable Build<T>(IEnumerable<T> rows, OccupationLevel level, ReportContext context)
    {
        var table = ReportBuilder.Table($"{ProductName}（按{LevelZh(level)}，{context.Period}，{context.Scope}）",
            $"{ProductNameEn} by {level.ToString().ToLowerInvariant()}, {context.Period}", Columns, rows, context.Notes(Method, MethodEn));
        table = table with { Rows = table.Rows.Select(row => NameGroup(table, row)).ToArray() };
        var label = Charts.LabelField(table, "name", "code");
        return table with { Chart = Charts.Bar(table, table.Rows, $"需求人数与求职人数（按{LevelZh(level)}）", label, "demand", "supply") };
    }

    private static ReportRow NameGroup(ReportTable table, ReportRow row)
    {
        var (code, name) = (table.IndexOf("code"), table.IndexOf("name"));
        if (code < 0 || name < 0 || row.Values[name] is not null || row.Values[code] is not string group || group.Count(c => c == '-') > 2) return row;
        var values = row.Values.ToArray();
        values[name] = group.Length == 1 ? OccupationGroupNames.MajorNameZh(group) : OccupationGroupNames.TitleZh(group);
        return row with { Values = values };
    }

    private const string MethodEn =
        "Demand is the openings of vacancies registered in the scope in the period, job seekers the job seekers registered in the same period, grouped into "
        + "major, medium and minor groups by the first 1, 4 and 7 characters of the occupation code; gap = demand − job seekers, ratio = demand ÷ job seekers "
        + "(two decimals, not computed when job seekers are 0). No minimum threshold: every occupation (group) registered in the scope is listed.";

    private const string Method =
        "需求人数为报告期内在范围内登记岗位的招聘人数合计，求职人数为同期登记的求职人数，按职业代码的前 1、4、7 位归入大类、中类、小类；"
        + "缺口数 = 需求人数 − 求职人数，求人倍率 = 需求人数 ÷ 求职人数（两位小数，求职人数为 0 时不计算）。本表不设最低人数阈值，列出范围内有登记的全部职业（组）。";
}
