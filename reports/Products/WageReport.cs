using Analytics.Reports.Building;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>
/// Market wage guidance (metrics.md §2). Wages are exact in the data and whole yuan when shown; a
/// record with suppressed = true publishes n and the flag only, in every format.
/// </summary>
public static class WageReport
{
    private static readonly Dictionary<string, string> LevelLabels = new() { ["occupation"] = "职业", ["minor_group"] = "小类合并" };

    public const string ProductName = "市场工资价位", ProductNameEn = "Market wage guidance";

    /// <summary>How a pooled minor-group row (level minor_group, metrics.md §2) is named where the data has no name for it.</summary>
    public static string PooledName(string groupCode) => $"小类 {groupCode} 合并样本";

    public static string PooledNameEn(string groupCode) => $"minor group {groupCode}, pooled";

    public static IReadOnlyList<ReportColumn> Columns(IReadOnlyDictionary<string, string> regionNames) =>
    [
        new("year", "年份", "Year", ColumnKind.Integer),
        new("region_code", "地区", "Region", ColumnKind.Text) { Labels = regionNames, NullText = RegionNames.All, NullTextEn = RegionNames.AllEn },
        new("occupation_code", "职业代码", "Occupation code", ColumnKind.Text),
        new("occupation_name", "职业名称", "Occupation", ColumnKind.Text) { Key = true, NullText = OccupationGroupNames.UnknownName, NullTextEn = "(unknown)" },
        new("level", "层级", "Level", ColumnKind.Text) { Labels = LevelLabels, LabelsEn = new Dictionary<string, string> { ["occupation"] = "occupation", ["minor_group"] = "minor group, pooled" } },
        new("n", "样本数", "Sample size", ColumnKind.Integer),
        new("p10", "低位数（P10）", "P10 (low)", ColumnKind.Wage),
        new("p25", "P25", "P25", ColumnKind.Wage),
        new("p50", "中位数（P50）", "P50 (median)", ColumnKind.Wage),
        new("p75", "P75", "P75", ColumnKind.Wage),
        new("p90", "高位数（P90）", "P90 (high)", ColumnKind.Wage),
        new("mean", "平均数", "Mean", ColumnKind.Wage),
        new("suppressed", "样本不足", "Suppressed", ColumnKind.Boolean),
        // A change of a suppressed median would disclose it relative to last year's.
        new("change_pct", "中位数较上年变化（%）", "Median change (%)", ColumnKind.Percent) { Decimals = 1, WithheldWhenSuppressed = true },
    ];

    public static ReportTable Build<T>(IEnumerable<T> rows, ReportContext context)
    {
        var table = ReportBuilder.Table($"{ProductName}（{context.Period}，{context.Scope}）", $"{ProductNameEn}, {context.Period}",
            Columns(context.RegionNames), rows, context.Notes(Method));
        table = table with { Rows = table.Rows.Select(row => NamePooled(table, row)).ToArray() };
        return table with { Chart = Charts.Range(table, "月工资分布（低位数—高位数，标记为中位数；单位：元）", Charts.LabelField(table, "occupation_name", "occupation_code"), "p10", "p90", "p50") };
    }

    /// <summary>A pooled row's occupation_name, when the data has none, is the group's (so every format and the chart name it).</summary>
    private static ReportRow NamePooled(ReportTable table, ReportRow row)
    {
        var (code, name, level) = (table.IndexOf("occupation_code"), table.IndexOf("occupation_name"), table.IndexOf("level"));
        if (code < 0 || name < 0 || level < 0 || row.Values[level] is not "minor_group" || row.Values[name] is not null || row.Values[code] is not string group)
            return row;
        var values = row.Values.ToArray();
        values[name] = PooledName(group);
        return row with { Values = values };
    }

    private const string Method =
        "样本为当年在范围内该职业全日制就业且有月工资的登记记录。先剔除超出 [Q1 − k×IQR, Q3 + k×IQR] 的异常值，"
        + "再按顺序统计量线性插值计算低位数（P10）、P25、中位数（P50）、P75、高位数（P90），与 Excel 的 PERCENTILE.INC 相同；"
        + "平均数为剩余样本的算术平均；工资仅在显示时四舍五入到元。样本数低于阈值的单元格只公布样本数并标注“样本不足”；"
        + "小类中任一职业样本不足时，另列该小类合并样本的结果（层级为“小类合并”）。"
        + "较上年变化 = (本年中位数 ÷ 上年中位数 − 1) × 100，任一年样本不足或上年无样本时不计算。";
}
