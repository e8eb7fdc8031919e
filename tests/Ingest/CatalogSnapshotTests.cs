using Analytics.Ingest;
using Analytics.Ingest.Lake;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Ingest;

/// <summary>
/// <see cref="Catalog.Snapshot"/>, the catalog a process that cannot open warehouse.duckdb builds from the
/// manifests (publish): the host's tables and views for the same batches, only rolled-forward batches,
/// and never a lake file deleted.
/// </summary>
public class CatalogSnapshotTests
{
    private const string Header = "posting_id,registered_on,region_code,employer_id,occupation_code,positions\n";

    [Fact]
    public void A_snapshot_has_the_hosts_ingest_tables_and_view_rows_and_deletes_no_replaced_file()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Header + "P1,2026-09-01,110105,E1,2-02-01-01,1\nP2,2026-09-01,110105,E1,2-02-01-01,2\n");
        sandbox.Pass();
        sandbox.Drop("vacancies", "b.csv", Header + "P1,2026-09-01,110105,E1,2-02-01-01,5\n"); // a correction: a.csv's file is replaced
        sandbox.Pass();
        var paths = new DataPaths(sandbox.Root);
        var lakeFiles = Directory.GetFiles(paths.Lake, "*.parquet", SearchOption.AllDirectories).Order().ToArray();

        var (snapshot, state) = Catalog.Snapshot(paths);
        using (snapshot)
        {
            state.LastBatch.ShouldBe(2);
            foreach (var sql in new[]
            {
                "SELECT batch_id, committed_at, files, rows_loaded, rows_rejected, datasets FROM ingest_batches ORDER BY batch_id",
                "SELECT * FROM ingest_files ORDER BY batch_id, file",
                "SELECT posting_id, positions FROM vacancies ORDER BY posting_id",
                "SELECT * FROM data_quality ORDER BY ALL",
            })
                Rows(snapshot, sql).ShouldBe(sandbox.Query(sql).Select(r => string.Join("|", r)).ToList(), sql);
        }
        Directory.GetFiles(paths.Lake, "*.parquet", SearchOption.AllDirectories).Order().ToArray()
            .ShouldBe(lakeFiles, "only the owner of warehouse.duckdb deletes replaced files");
        File.Exists(snapshot.Path).ShouldBeFalse("the snapshot's database is deleted with it");
    }

    [Fact]
    public void A_batch_whose_files_are_not_rolled_forward_yet_is_not_read()
    {
        using var sandbox = new IngestSandbox();
        sandbox.Drop("vacancies", "a.csv", Header + "P1,2026-09-01,110105,E1,2-02-01-01,1\n");
        sandbox.Pass();
        sandbox.Drop("vacancies", "b.csv", Header + "P9,2026-09-01,110105,E1,2-02-01-01,1\n");
        sandbox.Pass();
        var paths = new DataPaths(sandbox.Root);
        // As between a commit's rename and its done marker: batch 2's files may still be on their way in.
        File.Delete(Path.Combine(paths.Manifests, BatchManifest.DoneMarker(2)));

        LakeState.Load(paths).LastBatch.ShouldBe(2);
        LakeState.LoadRolledForward(paths).LastBatch.ShouldBe(1);
        var (snapshot, _) = Catalog.Snapshot(paths);
        using (snapshot)
            Rows(snapshot, "SELECT posting_id FROM vacancies").ShouldBe(["P1"]);
    }

    private static List<string> Rows(DuckDbDataSource catalog, string sql) => catalog.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : ExactResults.Normalize(reader.GetValue(i)))));
        return rows;
    });
}
