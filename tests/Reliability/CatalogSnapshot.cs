using Analytics.Tests.Warehouse.DuckDb;
using DuckDB.NET.Data;
using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Tests.Reliability;

/// <summary>What a data folder's catalog shows: every dataset view's rows in a fixed order, rendered as text.</summary>
public static class CatalogSnapshot
{
    public static Dictionary<string, List<string>> Views(string dataDirectory)
    {
        using var connection = Databases.OpenFile(Path.Combine(dataDirectory, "warehouse.duckdb"));
        return Datasets.All.ToDictionary(d => d.Name, d => Rows(connection, $"SELECT * FROM {d.Name} ORDER BY ALL"));
    }

    public static List<string> Rows(DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter { Value = p });
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(string.Join('|', fields));
        }
        return rows;
    }
}
