using DuckDB.NET.Data;
using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Ingest.Lake;

/// <summary>One inbox file's Parquet output in the batch's staging lake, and where the file came in the pass.</summary>
public sealed record StagedInput(DatasetSchema Schema, int Ordinal, List<LakeFile> Files);

/// <summary>
/// Writes a batch beside the lake (staging/&lt;batch&gt;/lake/...). Each inbox file's valid rows
/// go from the validator into Parquet partitions (<see cref="PartitionedParquet"/>); then the batch merges on
/// write: a file holding a key that a later file of the pass (or the batch, for live lake files)
/// replaces is rewritten without those rows. So the lake never holds two versions of a key and the
/// catalog views are plain scans, however many corrections arrive (the cost is paid once, at
/// ingest, by the files the corrections touch).
/// </summary>
public sealed class LakeWriter(DataPaths paths, long bufferedRows = 1_000_000, long rowsPerFile = 1_000_000)
{
    /// <summary>Writes one inbox file's valid rows as Parquet partitions; nothing of it stays staged if it fails.</summary>
    internal StagedInput WriteFile(IReadOnlyList<DuckDBConnection> writers, ValidatedRows rows, DatasetSchema schema, long batch, int ordinal, DateTime now)
    {
        using var output = new PartitionedParquet(writers, schema, rows.ChunkRows, lakePath => paths.StagedLakeFile(batch, lakePath),
            $"b{batch}_{ordinal}", now.Year * 100 + now.Month, bufferedRows, rowsPerFile);
        try { rows.WriteTo(output); }
        catch
        {
            output.DeleteWritten();
            throw;
        }
        return new StagedInput(schema, ordinal, output.Written.ToList());
    }

    /// <summary>
    /// Applies "the later row wins" across the pass's files and against the live lake. Returns the
    /// batch's files (the inputs' own, minus any rewritten) and the live files it replaces.
    /// </summary>
    public (List<LakeFile> Added, List<LakeFile> Removed) Merge(DuckDBConnection connection, LakeState state, long batch, IReadOnlyList<StagedInput> inputs)
    {
        var added = new List<LakeFile>();
        var removed = new List<LakeFile>();
        var rewrites = 0;
        foreach (var dataset in inputs.Where(i => i.Files.Count > 0).GroupBy(i => i.Schema.Name))
        {
            var schema = dataset.First().Schema;
            var live = state.LiveFiles(schema.Name);
            var batchFiles = dataset.SelectMany(i => i.Files.Select(f => (File: f, i.Ordinal))).ToList();
            added.AddRange(batchFiles.Select(f => f.File));
            if (live.Count == 0 && dataset.Count() == 1) continue; // nothing earlier to replace
            var candidates = live.Select(f => (File: f, Ordinal: -1, Path: paths.LakeFile(f.Path)))
                .Concat(batchFiles.Select(f => (f.File, f.Ordinal, Path: paths.StagedLakeFile(batch, f.File.Path))))
                .ToList();
            using var merge = new KeyMerge(connection, schema, dataset.ToList(), file => paths.StagedLakeFile(batch, file.Path));
            foreach (var candidate in merge.Affected(candidates))
            {
                if (candidate.Ordinal < 0) removed.Add(candidate.File);
                else added.Remove(candidate.File);
                var survivors = merge.Survivors(candidate.Path, candidate.Ordinal);
                var rows = Convert.ToInt64(connection.ExecuteScalar($"SELECT count(*) FROM ({survivors})"));
                if (rows > 0)
                {
                    var lakePath = Path.Combine(Path.GetDirectoryName(candidate.File.Path)!, $"b{batch}_r{rewrites++}.parquet").Replace('\\', '/');
                    var target = paths.StagedLakeFile(batch, lakePath);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    connection.ExecuteNonQuery($"COPY ({survivors}) TO {Sql.Literal(target)} {Sql.LakeParquet}");
                    added.Add(new LakeFile(schema.Name, lakePath, rows));
                }
                // A staged file of this batch is simply replaced; a live file is removed at commit.
                if (candidate.Ordinal >= 0) File.Delete(candidate.Path);
            }
        }
        return (added, removed);
    }
}
