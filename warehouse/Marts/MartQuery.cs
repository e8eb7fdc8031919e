using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Marts;

/// <summary>Runs a mart model with bound parameters and maps each result row.</summary>
internal static class MartQuery
{
    public static List<T> Run<T>(DbConnection connection, string mart, IReadOnlyDictionary<string, object?> parameters,
        Func<MartRow, T> map, CancellationToken cancellationToken = default)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqlModels.CommandText(mart, SqlModels.ReadsSummaries(mart) ? MaterialisedSummaries(connection) : []);
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        var row = new MartRow(reader);
        var rows = new List<T>();
        while (row.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(map(row));
        }
        return rows;
    }

    /// <summary>The summaries the catalog holds as tables (Catalog.Sync built them with the views they summarise).</summary>
    private static List<string> MaterialisedSummaries(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // the names are the model files' own (constants), not user values
        command.CommandText = "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary AND table_name IN (" +
                              string.Join(", ", SqlModels.Summaries.Select(s => $"'{s}'")) + ")";
        using var reader = command.ExecuteReader();
        var found = new List<string>();
        while (reader.Read()) found.Add(reader.GetString(0));
        return found;
    }
}
