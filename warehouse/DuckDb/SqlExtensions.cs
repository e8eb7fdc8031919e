using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.DuckDb;

/// <summary>One-line SQL on a connection or a data source; values are bound to $1, $2, … or ?, never spliced.</summary>
public static class SqlExtensions
{
    /// <summary>A command for <paramref name="sql"/> with <paramref name="parameters"/> bound in order.</summary>
    public static DbCommand CreateCommand(this DbConnection connection, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters) command.Parameters.Add(new DuckDBParameter { Value = value });
        return command;
    }

    /// <summary>Runs SQL that returns nothing of interest (several statements allowed); the rows changed.</summary>
    public static int ExecuteNonQuery(this DbConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first value of the first row of ONE statement (DuckDB.NET would answer for the first of several).</summary>
    public static object? ExecuteScalar(this DbConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        return command.ExecuteScalar() is { } value ? ExactResults.Normalize(value) : null;
    }

    public static int ExecuteNonQuery(this DuckDbDataSource source, string sql, params object?[] parameters) =>
        source.Use(c => c.ExecuteNonQuery(sql, parameters));

    public static object? ExecuteScalar(this DuckDbDataSource source, string sql, params object?[] parameters) =>
        source.Use(c => c.ExecuteScalar(sql, parameters));
}
