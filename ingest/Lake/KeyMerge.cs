using DuckDB.NET.Data;
using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Ingest.Lake;

/// <summary>
/// "The later row wins" for one dataset of a pass: the keys each of the pass's files brings,
/// tagged with the file's ordinal, in a temporary table; a file (live, ordinal -1, or staged) loses
/// the rows whose key a later file brings.
/// </summary>
internal sealed class KeyMerge : IDisposable
{
    private const string Table = "incoming_keys";

    private readonly DuckDBConnection _connection;
    private readonly DatasetSchema _schema;

    public KeyMerge(DuckDBConnection connection, DatasetSchema schema, IReadOnlyList<StagedInput> inputs, Func<LakeFile, string> pathOf)
    {
        _connection = connection;
        _schema = schema;
        var keys = string.Join(", ", schema.KeyNames);
        var parts = inputs.Where(i => i.Files.Count > 0).Select(i =>
            $"SELECT {keys}, {i.Ordinal} AS _ord FROM read_parquet({Sql.List(i.Files.Select(pathOf))}, hive_partitioning = false)");
        connection.ExecuteNonQuery($"CREATE OR REPLACE TEMP TABLE {Table} AS {string.Join(" UNION ALL ", parts)}");
    }

    /// <summary>The candidates holding at least one key that a later file brings, in ordinal then path order.</summary>
    public List<(LakeFile File, int Ordinal, string Path)> Affected(IReadOnlyList<(LakeFile File, int Ordinal, string Path)> candidates)
    {
        var byPath = candidates.ToDictionary(c => c.Path);
        var ordinals = string.Join(", ", candidates.Select(c => $"({Sql.Literal(c.Path)}, {c.Ordinal})"));
        using var command = _connection.CreateCommand();
        command.CommandText =
            $"SELECT DISTINCT c.filename FROM read_parquet({Sql.List(byPath.Keys)}, filename = true, hive_partitioning = false) c " +
            $"JOIN (VALUES {ordinals}) o(filename, ord) ON o.filename = c.filename " +
            $"JOIN {Table} k ON {KeyJoin("c", "k")} AND k._ord > o.ord";
        var affected = new List<(LakeFile, int, string)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) affected.Add(byPath[reader.GetString(0)]);
        return affected.OrderBy(a => a.Item2).ThenBy(a => a.Item3, StringComparer.Ordinal).ToList();
    }

    /// <summary>SQL for a file's rows that no later file replaces (the contract columns).</summary>
    public string Survivors(string path, int ordinal) =>
        $"SELECT {string.Join(", ", _schema.Columns.Select(c => "p." + c.Name))} FROM read_parquet({Sql.Literal(path)}, hive_partitioning = false) p " +
        $"ANTI JOIN (SELECT * FROM {Table} WHERE _ord > {ordinal}) k ON {KeyJoin("p", "k")}";

    /// <summary>Equality of the key columns of two aliases (keys are required, so never null).</summary>
    private string KeyJoin(string left, string right) => string.Join(" AND ", _schema.KeyNames.Select(k => $"{left}.{k} = {right}.{k}"));

    public void Dispose() => _connection.ExecuteNonQuery($"DROP TABLE IF EXISTS {Table}");
}
