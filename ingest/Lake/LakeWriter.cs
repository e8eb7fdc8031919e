using Analytics.Warehouse.DuckDb;

namespace Analytics.Ingest.Lake;

/// <summary>
/// Writes a batch's staged rows as Parquet beside the lake (staging/&lt;batch&gt;/lake/...), merging on
/// write: a live file holding a key the batch replaces is rewritten without those rows. So the
/// lake never holds two versions of a key and the catalog views are plain scans, however many
/// corrections arrive (the cost is paid once, at ingest, by the files the corrections touch).
/// </summary>
public sealed class LakeWriter(DataPaths paths)
{
    public (List<LakeFile> Added, List<LakeFile> Removed) Write(StageDatabase stage, LakeState state, long batch, DateTime now)
    {
        var added = new List<LakeFile>();
        var removed = new List<LakeFile>();
        foreach (var table in stage.Tables)
        {
            if (table.Count() == 0) continue;
            if (FileCount(stage.Connection, table) > 1) table.KeepLatestPerKey();
            // New rows first: WriteNew lists what its COPY produced, which must not include rewrites.
            WriteNew(stage.Connection, table, batch, now, added);
            RewriteReplaced(stage.Connection, table, state.LiveFiles(table.Schema.Name), batch, added, removed);
        }
        return (added, removed);
    }

    private static long FileCount(DuckDbConnection connection, StageTable table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(DISTINCT _file) FROM {table.Name}";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private void RewriteReplaced(DuckDbConnection connection, StageTable table, IReadOnlyList<LakeFile> live, long batch, List<LakeFile> added, List<LakeFile> removed)
    {
        if (live.Count == 0) return;
        var byAbsolute = live.ToDictionary(f => paths.LakeFile(f.Path));
        var affected = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT DISTINCT p.filename FROM read_parquet({Sql.List(byAbsolute.Keys)}, filename = true) p " +
                $"SEMI JOIN {table.Name} s ON {table.KeyJoin("p", "s")}";
            using var reader = command.ExecuteReader();
            while (reader.Read()) affected.Add(reader.GetString(0));
        }
        var n = 0;
        foreach (var absolute in affected.Order(StringComparer.Ordinal))
        {
            var old = byAbsolute[absolute];
            removed.Add(old);
            var survivors = $"SELECT p.* FROM read_parquet({Sql.Literal(absolute)}) p ANTI JOIN {table.Name} s ON {table.KeyJoin("p", "s")}";
            long rows;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT count(*) FROM ({survivors})";
                rows = Convert.ToInt64(command.ExecuteScalar());
            }
            if (rows == 0) continue;
            var lakePath = Path.Combine(Path.GetDirectoryName(old.Path)!, $"b{batch}_r{n++}.parquet").Replace('\\', '/');
            var target = paths.StagedLakeFile(batch, lakePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            connection.ExecuteNonQuery($"COPY ({survivors}) TO {Sql.Literal(target)} (FORMAT parquet)");
            added.Add(new LakeFile(old.Dataset, lakePath, rows));
        }
    }

    private void WriteNew(DuckDbConnection connection, StageTable table, long batch, DateTime now, List<LakeFile> added)
    {
        var dataset = table.Schema.Name;
        var partition = table.Schema.PartitionBy is { } p
            ? $"strftime({table.Schema.Columns[p].Name}, '%Y') AS year, strftime({table.Schema.Columns[p].Name}, '%m') AS month"
            : $"{Sql.Literal(now.ToString("yyyy"))} AS year, {Sql.Literal(now.ToString("MM"))} AS month";
        var root = paths.StagedLakeFile(batch, dataset);
        Directory.CreateDirectory(root);
        connection.ExecuteNonQuery(
            $"COPY (SELECT {table.ContractSelectList()}, {partition} FROM {table.Name}) TO {Sql.Literal(root)} " +
            $"(FORMAT parquet, PARTITION_BY (year, month), FILENAME_PATTERN 'b{batch}_{{i}}', OVERWRITE_OR_IGNORE)");
        foreach (var file in Directory.EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM read_parquet({Sql.Literal(file)})";
            var rows = Convert.ToInt64(command.ExecuteScalar());
            added.Add(new LakeFile(dataset, dataset + "/" + Path.GetRelativePath(root, file).Replace('\\', '/'), rows));
        }
    }
}
