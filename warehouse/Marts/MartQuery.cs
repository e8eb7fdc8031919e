using System.Data.Common;

namespace Analytics.Warehouse.Marts;

/// <summary>Runs a mart model with bound parameters and maps each result row.</summary>
internal static class MartQuery
{
    public static List<T> Run<T>(DbConnection connection, string mart, IReadOnlyDictionary<string, object?> parameters,
        Func<DbDataReader, T> map, CancellationToken cancellationToken = default)
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
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(map(reader));
        }
        return rows;
    }

    public static T? Field<T>(this DbDataReader reader, string name)
    {
        var ordinal = reader.GetOrdinal(name);
        if (reader.IsDBNull(ordinal)) return default;
        var value = reader.GetValue(ordinal);
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is T typed) return typed;
        value = Analytics.Warehouse.DuckDb.ExactResults.Normalize(value); // SUM over integers is HUGEINT in DuckDB
        return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string[] Strings(this DbDataReader reader, string name)
    {
        var ordinal = reader.GetOrdinal(name);
        return reader.IsDBNull(ordinal) ? [] : ((System.Collections.IEnumerable)reader.GetValue(ordinal)).Cast<string>().ToArray();
    }
}
