namespace Analytics.Warehouse.Marts.Rankings;

/// <summary>A GB/T 6565 major group: its one-digit code and its names.</summary>
public sealed record MajorGroup(string Code, string Zh, string En);

/// <summary>
/// The eight major groups of the occupational classification (GB/T 6565-2015, 2022 edition), by first
/// digit: the one place their names are written (the release figures, reports and pages read them here).
/// </summary>
public static class MajorGroups
{
    public static IReadOnlyList<MajorGroup> All { get; } =
    [
        new("1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人", "Heads of organisations"),
        new("2", "专业技术人员", "Professionals and technicians"),
        new("3", "办事人员和有关人员", "Clerks"),
        new("4", "社会生产服务和生活服务人员", "Service workers"),
        new("5", "农、林、牧、渔业生产及辅助人员", "Agriculture, forestry, animal husbandry and fishery"),
        new("6", "生产制造及有关人员", "Production and manufacturing"),
        new("7", "军队人员", "Military"),
        new("8", "不便分类的其他从业人员", "Others"),
    ];

    public static string? Name(string group) => All.FirstOrDefault(g => g.Code == group)?.Zh;
}
