namespace Analytics.Warehouse.Marts.Rankings;

/// <summary>The eight major groups of the occupational classification (GB/T 6565-2015, 2022 edition), by first digit.</summary>
public static class MajorGroups
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["1"] = "党的机关、国家机关、群众团体和社会组织、企事业单位人员", ["2"] = "专业技术人员", ["3"] = "办事人员和有关人员",
        ["4"] = "社会生产服务和生活服务人员", ["5"] = "农、林、牧、渔业生产及辅助人员", ["6"] = "生产制造及有关人员",
        ["7"] = "军人", ["8"] = "不便分类的其他从业人员",
    };

    public static string? Name(string group) => Names.GetValueOrDefault(group);
}
