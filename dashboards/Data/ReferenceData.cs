using Analytics.Warehouse.DuckDb;
namespace Analytics.Dashboards.Data;

public sealed record RegionOption(string Code, string Name, int Level);

/// <summary>Region choices for the filters (provinces and cities) and the occupation major groups of the 2022 classification.</summary>
public sealed class ReferenceData(DuckDbDataSource catalog)
{
    public static readonly IReadOnlyList<(string Code, string Zh, string En)> MajorGroups =
    [
        ("1", "党的机关、国家机关、群众团体和社会组织、企事业单位负责人", "Heads of organisations"),
        ("2", "专业技术人员", "Professionals and technicians"),
        ("3", "办事人员和有关人员", "Clerks"),
        ("4", "社会生产服务和生活服务人员", "Service workers"),
        ("5", "农、林、牧、渔业生产及辅助人员", "Agriculture, forestry, animal husbandry and fishery"),
        ("6", "生产制造及有关人员", "Production and manufacturing"),
        ("7", "军队人员", "Military"),
        ("8", "不便分类的其他从业人员", "Others"),
    ];

    public IReadOnlyList<RegionOption> Regions()
    {
        if (!catalog.Exists) return [];
        try
        {
            using var connection = catalog.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT region_code, region_name,
                       CASE WHEN region_code LIKE '%0000' THEN 1 WHEN region_code LIKE '%00' THEN 2 ELSE 3 END AS level
                FROM regions WHERE region_code LIKE '%00' ORDER BY region_code
                """;
            using var reader = command.ExecuteReader();
            var list = new List<RegionOption>();
            while (reader.Read()) list.Add(new RegionOption(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            return list;
        }
        catch (System.Data.Common.DbException)
        {
            return [];
        }
    }

    public Dictionary<string, string> RegionNames()
    {
        if (!catalog.Exists) return [];
        try
        {
            using var connection = catalog.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT region_code, region_name FROM regions";
            using var reader = command.ExecuteReader();
            var names = new Dictionary<string, string>();
            while (reader.Read()) names[reader.GetString(0)] = reader.GetString(1);
            return names;
        }
        catch (System.Data.Common.DbException)
        {
            return [];
        }
    }
}
