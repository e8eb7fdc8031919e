using Analytics.Warehouse.DuckDb;
namespace Analytics.Dashboards.Data;

public sealed record RegionOption(string Code, string Name, int Level);

/// <summary>Region choices for the filters (provinces and cities) and the occupation major groups of the 2022 classification.</summary>
public sealed class ReferenceData(DuckDbDataSource catalog)
{
    /// <summary>The major groups of reports' <see cref="Analytics.Reports.Products.OccupationGroups"/> (their one definition), as the filters list them.</summary>
    public static readonly IReadOnlyList<(string Code, string Zh, string En)> MajorGroups =
        Analytics.Reports.Products.OccupationGroupNames.Major.Select(g => (g.Code, g.Zh, g.En)).ToArray();

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
