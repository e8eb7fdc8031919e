using Analytics.Reports.Building;
using Analytics.Reports.Model;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Reports.Products;

/// <summary>
/// The occupation supply/demand ranking (metrics.md §1) as a published table, from any record whose
/// properties are named like the fields (rank, occupation_code, ..., typical_cities as region codes,
/// rank_change as a number, or "new" / null for a new entry).
/// </summary>
public static class RankingReport
{
    private static readonly Dictionary<string, string> RankChangeLabels = new() { ["new"] = "新进" };

    /// <summary>The product's name as titles and file names carry it.</summary>
    public static string ProductName(RankingKind kind) => kind == RankingKind.Shortage ? "最缺工职业排行" : "求职大于招聘职业排行";

    public static string ProductNameEn(RankingKind kind) => kind == RankingKind.Shortage ? "Shortage occupations ranking" : "Surplus occupations ranking";

    public static IReadOnlyList<ReportColumn> Columns(IReadOnlyDictionary<string, string> regionNames) =>
    [
        new("rank", "排名", "Rank", ColumnKind.Integer) { Key = true },
        new("occupation_code", "职业代码", "Occupation code", ColumnKind.Text),
        new("occupation_name", "职业名称", "Occupation", ColumnKind.Text) { Key = true, NullText = OccupationGroupNames.UnknownName, NullTextEn = "(unknown)" },
        new("demand", "需求人数", "Demand", ColumnKind.Integer) { Increase = Increase.Good },
        new("supply", "求职人数", "Supply", ColumnKind.Integer),
        new("gap", "缺口数", "Gap", ColumnKind.Integer),
        new("ratio", "求人倍率", "Demand/supply ratio", ColumnKind.Ratio),
        new("previous_rank", "上期排名", "Previous rank", ColumnKind.Integer),
        new("rank_change", "排名变化", "Rank change", ColumnKind.RankChange) { Labels = RankChangeLabels, LabelsEn = new Dictionary<string, string> { ["new"] = "new" } },
        new("typical_cities", "需求典型城市", "Typical cities", ColumnKind.Codes) { Labels = regionNames },
    ];

    /// <param name="release">the list's release figures (compliance-and-statistics.md C), stated in the notes; without them the notes count listed occupations per major group</param>
    public static ReportTable Build<T>(IEnumerable<T> rows, RankingKind kind, ReportContext context, RankingRelease? release = null)
    {
        var shortage = kind == RankingKind.Shortage;
        var table = ReportBuilder.Table(
            $"{ProductName(kind)}（{context.Period}，{context.Scope}）", $"{ProductNameEn(kind)}, {context.Period}",
            Columns(context.RegionNames), rows, context.Notes(Method(shortage)));
        table = table with { Rows = table.Rows.Select(row => MarkNew(table, row)).ToArray() };
        table = table with
        {
            Totals = [Totals(table)],
            TotalsTitleZh = "列入职业合计",
            Notes = table.Notes with
            {
                Remarks = release is not null ? ReleaseReport.Remarks(release) : table.IndexOf("occupation_code") < 0 ? [] : [GroupCounts(table)],
            },
        };
        return table with { Chart = Charts.Bar(table, table.Rows, shortage ? "需求人数与求职人数（按缺口排序）" : "求职人数与需求人数", Charts.LabelField(table, "occupation_name", "occupation_code"), "demand", "supply") };
    }

    private static string Method(bool shortage) =>
        "需求人数为报告期内在范围内登记岗位的招聘人数合计，求职人数为同期登记的求职人数；缺口数 = 需求人数 − 求职人数，"
        + "求人倍率 = 需求人数 ÷ 求职人数（两位小数，求职人数为 0 时不计算）。"
        + (shortage
            ? "列入本表的职业需求人数大于求职人数且需求人数不少于阈值，按缺口数从大到小排列，缺口相同时按求人倍率从高到低（无求职者的职业在前），再按职业代码。"
            : "列入本表的职业求职人数大于需求人数且求职人数不少于阈值，按缺口数从小到大排列，缺口相同时按求人倍率从低到高，再按职业代码。")
        + "全国排行按缺口数与报告城市数的加权值排序，权重未公开；本表仅按缺口数排序。"
        + "上期排名为相同长度、相同范围的上一期排名（“新进”表示上期未列入）；需求典型城市为范围内该职业缺口最大且为正的城市。";

    /// <summary>
    /// rank_change is "new" when previous_rank is null (metrics.md §1); a record may carry it as a
    /// nullable number, so a null change of a new entry is published as "new".
    /// </summary>
    private static ReportRow MarkNew(ReportTable table, ReportRow row)
    {
        var (previous, change) = (table.IndexOf("previous_rank"), table.IndexOf("rank_change"));
        if (previous < 0 || change < 0 || row.Values[previous] is not null || row.Values[change] is not null) return row;
        var values = row.Values.ToArray();
        values[change] = "new";
        return row with { Values = values };
    }

    /// <summary>The totals over the listed occupations that metrics.md §1 asks the table to state, as a row of the same columns.</summary>
    private static ReportRow Totals(ReportTable table)
    {
        long Sum(string field)
        {
            var index = table.IndexOf(field);
            return index < 0 ? 0 : table.Rows.Sum(row => row.Values[index] as long? ?? 0);
        }
        var (demand, supply) = (Sum("demand"), Sum("supply"));
        var values = new object?[table.Columns.Count];
        void Set(string field, object? value)
        {
            var index = table.IndexOf(field);
            if (index >= 0) values[index] = value;
        }
        Set("occupation_name", "合计");
        Set("demand", demand);
        Set("supply", supply);
        Set("gap", demand - supply);
        Set("ratio", OccupationRankingService.Ratio(demand, supply));   // the marts' one rounding rule of the ratio
        return new ReportRow(values, Suppressed: false);
    }

    private static string GroupCounts(ReportTable table)
    {
        var code = table.IndexOf("occupation_code");
        var counts = table.Rows
            .Select(row => row.Values[code] is string { Length: > 0 } occupation ? occupation[..1] : "")
            .GroupBy(major => major).OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => $"第{group.Key}大类（{OccupationGroupNames.MajorNameZh(group.Key)}）{group.Count()}个");
        return "列入职业按大类：" + string.Join("；", counts) + "。";
    }
}
