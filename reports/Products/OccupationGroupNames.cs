using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Reports.Products;

/// <summary>
/// The names of occupation groups of GB/T 6565-2015 (2022 edition), metrics.md §1 "Group level": the
/// one place that knows the major groups' names and how a group is named in titles and file names.
/// Which codes a group filter accepts and which occupations it holds: <c>Publication.OccupationGroup</c>.
/// </summary>
public static class OccupationGroupNames
{
    public static IReadOnlyList<MajorGroup> Major => MajorGroups.All;

    /// <summary>What a report shows for an occupation code the reference data has no name for (datasets.md: "(未知)").</summary>
    public const string UnknownName = "(未知)";

    /// <summary>大类 / 中类 / 小类 by the code's shape.</summary>
    public static string LevelZh(string group) => group.Count(c => c == '-') switch { 0 => "大类", 1 => "中类", _ => "小类" };

    /// <summary>The group as a title shows it: 第2大类（专业技术人员）, 中类 2-02, 小类 2-02-10.</summary>
    public static string TitleZh(string group) => group.Length == 1
        ? $"第{group}大类（{MajorNameZh(group)}）"
        : $"{LevelZh(group)} {group}";

    /// <summary>The group as a file name carries it: 第2大类, 中类2-02, 小类2-02-10.</summary>
    public static string FileTag(string group) => group.Length == 1 ? $"第{group}大类" : $"{LevelZh(group)}{group}";

    public static string MajorNameZh(string code) => MajorGroups.Name(code) ?? "未知";
}
