using System.Data.Common;

namespace Analytics.Reports.Products;

/// <summary>Region code -> name from the catalog's <c>regions</c> view, for code lists shown with names.</summary>
public static class RegionNames
{
    /// <summary>The name of the scope "all regions" (a null region code), in titles and in the all-regions row.</summary>
    public const string All = "全部地区", AllEn = "All regions";

    public static IReadOnlyDictionary<string, string> Load(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT region_code, region_name FROM regions WHERE region_name IS NOT NULL";
        using var reader = command.ExecuteReader();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }
}
