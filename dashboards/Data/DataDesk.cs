using Analytics.Warehouse.DuckDb;
using Analytics.Ingest;

namespace Analytics.Dashboards.Data;

public sealed record BatchSummary(long BatchId, DateTime? CommittedAt, int Files, long RowsLoaded, long RowsRejected, string[] Datasets);
public sealed record FileSummary(long BatchId, string File, string Dataset, string Status, long RowsIn, long RowsLoaded, long RowsRejected, string? Rejects, string? Error);
public sealed record QualityIssue(string Dataset, string Column, string Code, long Rows);

/// <summary>
/// What the statistician's data page shows: recent batches and files from the ingest manifest,
/// the inbox files no pass takes, unknown reference codes counted per dataset (never row keys: they may hold hashed person ids),
/// and the rejects files, served only from inside data/rejects.
/// </summary>
public sealed class DataDesk(DuckDbDataSource catalog, IngestRunner runner, IngestOptions options)
{
    /// <summary>
    /// Every file the inbox holds that no pass takes as it is, with the reason and what to do (a mistyped
    /// folder, a link, a hidden name, a failed and unchanged file, one still being written). Looked up now,
    /// from names, sizes and times: the scheduled passes log the same list as it changes.
    /// </summary>
    public IReadOnlyList<UntakenFile> UntakenFiles() => InboxReview.Untaken(runner.Paths, TimeSpan.FromSeconds(options.SettleSeconds));

    public IReadOnlyList<BatchSummary> RecentBatches(int count = 20) => Query(
        "SELECT batch_id, committed_at, files, rows_loaded, rows_rejected, datasets FROM ingest_batches ORDER BY batch_id DESC LIMIT $1",
        r => new BatchSummary(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetDateTime(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4),
            r.IsDBNull(5) ? [] : ((System.Collections.IEnumerable)r.GetValue(5)).OfType<string>().ToArray()), count);

    public IReadOnlyList<FileSummary> RecentFiles(int count = 200) => Query(
        "SELECT batch_id, file, dataset, status, rows_in, rows_loaded, rows_rejected, rejects, error FROM ingest_files ORDER BY batch_id DESC, file LIMIT $1",
        r => new FileSummary(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetInt64(5),
            r.GetInt64(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8)), count);

    public IReadOnlyList<QualityIssue> QualityIssues() => Query(
        "SELECT dataset, column_name, code, count(*) FROM data_quality GROUP BY ALL ORDER BY dataset, column_name, code LIMIT 200",
        r => new QualityIssue(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2), r.GetInt64(3)));

    /// <summary>
    /// The full path of a rejects file named by its path below the data folder (as the manifest
    /// records it), or null when the name points anywhere but a .rejects.csv inside data/rejects.
    /// </summary>
    public string? RejectsFile(string relativePath)
    {
        var root = Path.GetFullPath(runner.Paths.Rejects) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(runner.Paths.Root, relativePath));
        return full.StartsWith(root, StringComparison.Ordinal) && full.EndsWith(".rejects.csv", StringComparison.Ordinal) && File.Exists(full)
            ? full : null;
    }

    private List<T> Query<T>(string sql, Func<System.Data.Common.DbDataReader, T> map, int? limit = null)
    {
        if (!catalog.Exists) return [];
        try
        {
            using var connection = catalog.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (limit is not null)
            {
                var parameter = command.CreateParameter();
                parameter.Value = limit.Value;
                command.Parameters.Add(parameter);
            }
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(map(reader));
            return rows;
        }
        catch (System.Data.Common.DbException)
        {
            return [];   // nothing ingested yet
        }
    }
}
