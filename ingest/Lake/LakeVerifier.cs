using System.Text.Json.Serialization;
using Analytics.Ingest.Schema;

namespace Analytics.Ingest.Lake;

/// <summary>One thing wrong with one lake file; <see cref="File"/> is below the data folder ("lake/…"), '/'-separated.</summary>
public sealed record LakeProblem(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("problem")] string Problem,
    [property: JsonPropertyName("detail")] string Detail)
{
    /// <summary>A live file (added by a committed manifest and not removed by a later one) that is not on disk.</summary>
    public const string Missing = "missing";
    /// <summary>Its footer or a row group cannot be read.</summary>
    public const string Damaged = "damaged";
    /// <summary>Its row count differs from its manifest entry's.</summary>
    public const string Rows = "rows";
    /// <summary>A column of the dataset is missing or has an incompatible type.</summary>
    public const string Schema = "schema";
    /// <summary>A .parquet file under lake/ that no committed manifest ever added.</summary>
    public const string Orphan = "orphan";
}

/// <summary>What <see cref="LakeVerifier"/> found: the live files read, their rows, and the problems.</summary>
public sealed record LakeVerification(int FilesRead, long RowsRead, IReadOnlyList<LakeProblem> Problems)
{
    public bool Clean => Problems.Count == 0;
}

/// <summary>
/// Checks the lake against its own commit log: every live file of every committed manifest is
/// present, readable by Parquet.Net (<see cref="ParquetFileCheck"/>), holds every column of its
/// dataset and the rows its manifest entry counts; and no Parquet file lies in the lake that no
/// manifest added. A file a later batch replaced is not an orphan: the catalog deletes it one sync
/// later, once no query can still be reading it.
/// </summary>
public static class LakeVerifier
{
    public static async Task<LakeVerification> VerifyAsync(DataPaths paths, CancellationToken cancellation = default)
    {
        var state = LakeState.Load(paths);
        var problems = new List<LakeProblem>();
        var (files, rows) = (0, 0L);
        foreach (var dataset in state.Datasets.Order(StringComparer.Ordinal))
        {
            foreach (var file in state.LiveFiles(dataset))
            {
                var shown = paths.Relative(paths.LakeFile(file.Path));
                if (Datasets.Find(dataset) is not { } schema)
                {
                    problems.Add(new LakeProblem(shown, LakeProblem.Schema, $"{dataset} is not a dataset of datasets.md"));
                    continue;
                }
                if (!File.Exists(paths.LakeFile(file.Path)))
                {
                    problems.Add(new LakeProblem(shown, LakeProblem.Missing, $"batch {AddedBy(state, file)} added it; it is not on disk"));
                    continue;
                }
                var (read, problem) = await ParquetFileCheck.CheckAsync(paths.LakeFile(file.Path), shown, schema, cancellation);
                files++;
                rows += read;
                if (problem is null && read != file.Rows)
                    problem = new LakeProblem(shown, LakeProblem.Rows, $"{read} rows; its manifest entry says {file.Rows}");
                if (problem is not null) problems.Add(problem);
            }
        }
        problems.AddRange(Orphans(paths, state));
        return new LakeVerification(files, rows, problems);
    }

    private static long AddedBy(LakeState state, LakeFile file) =>
        state.Batches.Last(b => b.Added.Any(a => a.Path == file.Path)).BatchId;

    private static IEnumerable<LakeProblem> Orphans(DataPaths paths, LakeState state)
    {
        if (!Directory.Exists(paths.Lake)) yield break;
        var added = state.Batches.SelectMany(b => b.Added).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var lakeFiles = Directory.EnumerateFiles(paths.Lake, "*.parquet", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(paths.Lake, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        foreach (var lakePath in lakeFiles)
            if (!added.Contains(lakePath))
                yield return new LakeProblem(paths.Relative(paths.LakeFile(lakePath)), LakeProblem.Orphan, "no committed manifest added it");
    }
}
