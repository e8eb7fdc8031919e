using DuckDB.NET.Data;
using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;

namespace Analytics.Ingest.Lake;

/// <summary>
/// Brings warehouse.duckdb up to the lake's committed manifests: the manifest tables, the list
/// of live files, one view per dataset (BRIEF.md's contract) and the data-quality view, all in
/// one transaction, so a query sees a batch entirely or not at all. Files a batch replaced are
/// deleted one sync later, once no query can still be reading them through an older view.
/// </summary>
public sealed class Catalog(DataPaths paths, DuckDbDataSource? catalog = null)
{
    /// <summary>
    /// Whether this sync deletes the files that batches it had already applied before replaced. Only the
    /// passes' syncs do: a sync that merely follows another process's commit (or a snapshot) must not
    /// shorten the time a query on the previous views has to finish reading them.
    /// </summary>
    public bool DeletesReplacedFiles { get; init; } = true;

    /// <summary>
    /// The catalog of a process that does not own warehouse.duckdb (<c>publish</c>): built by this same
    /// code from the rolled-forward manifests into a temporary database deleted with the returned data
    /// source, so its tables and views are the host's for the same batch, and no lock of warehouse.duckdb
    /// is taken or needed. It never deletes a lake file.
    /// </summary>
    public static (DuckDbDataSource Catalog, LakeState State) Snapshot(DataPaths paths, params (string Name, string Value)[] options)
    {
        var state = LakeState.LoadRolledForward(paths);
        var scratch = DuckDbDataSource.Scratch(options);
        try
        {
            new Catalog(paths, scratch) { DeletesReplacedFiles = false }.Sync(state);
            return (scratch, state);
        }
        catch
        {
            scratch.Dispose();
            throw;
        }
    }

    /// <summary>Applies every committed batch the catalog has not seen; returns them (empty when up to date).</summary>
    public IReadOnlyList<BatchManifest> Sync(LakeState state)
    {
        // Without the process's data source (a CLI pass), open the file for this sync only.
        using var own = catalog is null ? DuckDbDataSource.File(paths.Catalog) : null;
        using var connection = (catalog ?? own!).OpenConnection();
        EnsureTables(connection);
        var synced = MaxBatch(connection);
        var pending = state.Batches.Where(b => b.BatchId > synced).ToList();
        // any dataset's view: a catalog made before a dataset was added gets its (empty) view too
        var viewsMissing = Datasets.All.Any(d => !ViewExists(connection, d.Name));
        var summariesMissing = SqlModels.Summaries.Where(s => !TableExists(connection, s)).ToList();
        if (pending.Count > 0 || viewsMissing || summariesMissing.Count > 0)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var batch in pending) Record(connection, batch);
            foreach (var schema in Datasets.All) connection.ExecuteNonQuery(ViewSql(connection, schema));
            connection.ExecuteNonQuery(DataQualityViewSql());
            // the monthly summaries of the views just replaced, in the same transaction: a query sees
            // both of one lake version or both of the previous one, never a summary of other files.
            // Batches of datasets a summary does not read leave it as it is (still exact): a vacancy file
            // costs no wage summary, a payroll file no registration summary.
            var rebuilt = SqlModels.Summaries.Where(s => viewsMissing || summariesMissing.Contains(s)
                                                         || pending.Any(b => b.Datasets.Any(SummaryReads[s].Contains))).ToList();
            if (rebuilt.Count > 0)
                connection.ExecuteNonQuery(SqlModels.Materialise(rebuilt));
            transaction.Commit();
        }
        if (DeletesReplacedFiles) DeleteReplacedFiles(connection, synced);
        return pending;
    }

    private static void EnsureTables(DuckDBConnection connection)
    {
        connection.ExecuteNonQuery("""
            CREATE TABLE IF NOT EXISTS ingest_batches (batch_id BIGINT PRIMARY KEY, committed_at TIMESTAMP, files INTEGER,
                rows_loaded BIGINT, rows_rejected BIGINT, datasets VARCHAR[], files_deleted BOOLEAN DEFAULT false);
            CREATE TABLE IF NOT EXISTS ingest_files (batch_id BIGINT, file VARCHAR, dataset VARCHAR, status VARCHAR, sha256 VARCHAR,
                rows_in BIGINT, rows_loaded BIGINT, rows_rejected BIGINT, rejects VARCHAR, error VARCHAR);
            CREATE TABLE IF NOT EXISTS lake_files (dataset VARCHAR, path VARCHAR, rows BIGINT, batch_id BIGINT);
            CREATE TABLE IF NOT EXISTS lake_removed_files (dataset VARCHAR, path VARCHAR, batch_id BIGINT);
            """);
    }

    private static long MaxBatch(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(batch_id), 0) FROM ingest_batches";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static bool ViewExists(DuckDBConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_views() WHERE view_name = $1";
        command.Parameters.Add(new DuckDBParameter { Value = name });
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    /// <summary>Per summary, the datasets whose views its SQL names (a name in a comment only costs a needless rebuild).</summary>
    private static readonly Dictionary<string, HashSet<string>> SummaryReads = SqlModels.Summaries.ToDictionary(s => s,
        s => Datasets.All.Select(d => d.Name)
            .Where(name => System.Text.RegularExpressions.Regex.IsMatch(SqlModels.Materialise([s]), $@"\b{name}\b")).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    private static bool TableExists(DuckDBConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary AND table_name = $1";
        command.Parameters.Add(new DuckDBParameter { Value = name });
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    private static void Record(DuckDBConnection connection, BatchManifest batch)
    {
        connection.ExecuteNonQuery("INSERT INTO ingest_batches (batch_id, committed_at, files, rows_loaded, rows_rejected, datasets) " +
            "VALUES ($1, $2, $3, $4, $5, $6)",
            batch.BatchId, batch.CommittedAt, batch.Files.Count, batch.Files.Sum(f => f.RowsLoaded), batch.Files.Sum(f => f.RowsRejected), batch.Datasets.ToArray());
        for (var i = 0; i < batch.Files.Count; i++)
        {
            var f = batch.Files[i];
            connection.ExecuteNonQuery("INSERT INTO ingest_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                batch.BatchId, f.File, f.Dataset, f.Status, batch.Hashes[i], f.RowsIn, f.RowsLoaded, f.RowsRejected, f.Rejects, f.Error);
        }
        foreach (var removed in batch.Removed)
        {
            connection.ExecuteNonQuery("DELETE FROM lake_files WHERE dataset = $1 AND path = $2", removed.Dataset, removed.Path);
            connection.ExecuteNonQuery("INSERT INTO lake_removed_files VALUES ($1, $2, $3)", removed.Dataset, removed.Path, batch.BatchId);
        }
        foreach (var added in batch.Added)
            connection.ExecuteNonQuery("INSERT INTO lake_files VALUES ($1, $2, $3, $4)", added.Dataset, added.Path, added.Rows, batch.BatchId);
    }

    /// <summary>The dataset's view: its live files (absolute paths, so the view works from any working directory).</summary>
    private string ViewSql(DuckDBConnection connection, DatasetSchema schema)
    {
        var files = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT path FROM lake_files WHERE dataset = $1 ORDER BY path";
            command.Parameters.Add(new DuckDBParameter { Value = schema.Name });
            using var reader = command.ExecuteReader();
            while (reader.Read()) files.Add(paths.LakeFile(reader.GetString(0)));
        }
        var columns = string.Join(", ", schema.Columns.Select(c => c.Name));
        var source = files.Count == 0
            ? $"(SELECT {string.Join(", ", schema.Columns.Select(c => $"CAST(NULL AS {c.SqlType}) AS {c.Name}"))} WHERE false)"
            : $"read_parquet({Sql.List(files)}, hive_partitioning = false)";
        return $"CREATE OR REPLACE VIEW {schema.Name} AS SELECT {columns} FROM {source}";
    }

    /// <summary>Rows whose region or occupation code is not in the reference data (loaded anyway; reports show "(未知)").</summary>
    private static string DataQualityViewSql()
    {
        var parts = new List<string>();
        foreach (var schema in Datasets.All.Where(s => s != Datasets.Regions && s != Datasets.Occupations))
        {
            var key = $"concat_ws('|', {string.Join(", ", schema.KeyNames.Select(k => $"CAST({k} AS VARCHAR)"))})";
            if (schema.Columns.Any(c => c.Name == "region_code"))
                parts.Add($"SELECT '{schema.Name}' AS dataset, {key} AS row_key, 'region_code' AS column_name, region_code AS code " +
                          $"FROM {schema.Name} WHERE region_code NOT IN (SELECT region_code FROM regions)");
            if (schema.Columns.Any(c => c.Name == "occupation_code"))
                parts.Add($"SELECT '{schema.Name}' AS dataset, {key} AS row_key, 'occupation_code' AS column_name, occupation_code AS code " +
                          $"FROM {schema.Name} WHERE occupation_code NOT IN (SELECT occupation_code FROM occupations)");
            if (schema.ProjectsIn is { } projects)
                parts.Add($"SELECT '{schema.Name}' AS dataset, {key} AS row_key, 'project_id' AS column_name, project_id AS code " +
                          $"FROM {schema.Name} WHERE project_id NOT IN (SELECT project_id FROM {projects.Name})");
        }
        // A project with settlements in a month for which no si_bases row of its region, city or province
        // applies has no si_floor (compliance-and-statistics.md A.3); its first settlement month decides.
        parts.Add("""
            SELECT 'dispatch_projects' AS dataset, p.project_id AS row_key, 'si_bases' AS column_name, p.region_code AS code
            FROM dispatch_projects AS p
            JOIN (SELECT project_id, min(month) AS first_month FROM dispatch_settlements GROUP BY project_id) AS s USING (project_id)
            WHERE NOT EXISTS (SELECT 1 FROM si_bases AS b
                              WHERE b.region_code IN (p.region_code, left(p.region_code, 4) || '00', left(p.region_code, 2) || '0000')
                                AND b.from_month <= s.first_month)
            """);
        return "CREATE OR REPLACE VIEW data_quality AS " + string.Join(" UNION ALL ", parts);
    }

    /// <summary>Deletes files replaced by batches the catalog already showed before this sync (no view refers to them any more).</summary>
    private void DeleteReplacedFiles(DuckDBConnection connection, long syncedBefore)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT r.path FROM lake_removed_files r JOIN ingest_batches b USING (batch_id) WHERE NOT b.files_deleted AND b.batch_id <= $1";
            command.Parameters.Add(new DuckDBParameter { Value = syncedBefore });
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var file = paths.LakeFile(reader.GetString(0));
                if (File.Exists(file)) File.Delete(file);
            }
        }
        connection.ExecuteNonQuery("UPDATE ingest_batches SET files_deleted = true WHERE batch_id <= $1 AND NOT files_deleted", syncedBefore);
    }
}
