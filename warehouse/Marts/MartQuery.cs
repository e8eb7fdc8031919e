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
        command.CommandText = SqlModels.CommandText(mart);
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
}
