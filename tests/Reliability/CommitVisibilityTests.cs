using Analytics.Tests.Warehouse.DuckDb;
using System.Collections.Concurrent;
using Analytics.Tests.Ingest;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// Readers querying the catalog in a loop while passes commit batches that correct rows (rewriting
/// Parquet files) and touch two datasets at once: no query fails, and every state a query sees is
/// one of the committed states, never half a batch.
/// </summary>
public class CommitVisibilityTests(ITestOutputHelper output)
{
    private const int Batches = 8;
    private const int Postings = 20;

    // Batch i (0-based): every posting P00..P19 corrected to positions i+1 (spread over two months, so two
    // Parquet partitions are rewritten), one new posting N<i>, and one new occupation. One query reads all three.
    private const string StateQuery = """
        SELECT (SELECT sum(positions) FROM vacancies WHERE posting_id LIKE 'P%'),
               (SELECT count(*) FROM vacancies),
               (SELECT count(*) FROM occupations)
        """;

    private static string Expected(int batch) => $"{Postings * (batch + 1)}|{Postings + batch + 1}|{batch + 1}";

    [Fact]
    public async Task Queries_during_commits_never_fail_and_see_whole_batches()
    {
        using var sandbox = new IngestSandbox();
        Deliver(sandbox, 0);
        sandbox.Pass().BatchId.ShouldBe(1L);
        var catalog = Path.Combine(sandbox.Root, "warehouse.duckdb");

        var seen = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    // A fresh connection per query, as the web host's services open them.
                    using var connection = Databases.OpenFile(catalog);
                    seen.AddOrUpdate(CatalogSnapshot.Rows(connection, StateQuery).Single(), 1, (_, n) => n + 1);
                }
                catch (Exception e) { failures.Enqueue(e.Message); }
            }
        })).ToArray();

        for (var batch = 1; batch < Batches; batch++)
        {
            Deliver(sandbox, batch);
            (await sandbox.Runner().RunPassAsync()).BatchId.ShouldBe(batch + 1L);
            await Task.Delay(50); // let the readers see this state too
        }
        stop.Cancel();
        await Task.WhenAll(readers);

        output.WriteLine(string.Join(", ", seen.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value} queries")));
        failures.Take(5).ShouldBeEmpty($"{failures.Count} failed queries");
        var committed = Enumerable.Range(0, Batches).Select(Expected).ToArray();
        seen.Keys.ShouldBeSubsetOf(committed, "only committed states are visible");
        seen.Keys.Count.ShouldBeGreaterThan(Batches / 2, "the readers ran across the commits");
        using var final = Databases.OpenFile(catalog);
        CatalogSnapshot.Rows(final, StateQuery).Single().ShouldBe(Expected(Batches - 1));
        Expected(Batches - 1).ShouldBe("160|28|8"); // 20 postings x 8 positions, 20 + 8 postings, 8 occupations
    }

    [Fact]
    public async Task A_query_open_across_several_commits_finishes_on_the_state_it_started_with()
    {
        using var sandbox = new IngestSandbox();
        const int rows = 30_000; // several DuckDB chunks, so the reader is still scanning files when the commits land
        sandbox.Drop("vacancies", "a.csv", "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n" +
            string.Concat(Enumerable.Range(0, rows).Select(p => $"P{p:D6},2026-09-15,110105,E1,2-02-01-01,1,5000\n")));
        sandbox.Pass();

        using var connection = Databases.OpenFile(Path.Combine(sandbox.Root, "warehouse.duckdb"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT posting_id, positions FROM vacancies";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        long read = 1, positions = reader.GetInt32(1);

        // Three corrections of every row, each rewriting the file the open query is reading.
        for (var pass = 2; pass <= 4; pass++)
        {
            sandbox.Drop("vacancies", $"c{pass}.csv", "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n" +
                string.Concat(Enumerable.Range(0, rows).Select(p => $"P{p:D6},2026-09-15,110105,E1,2-02-01-01,{pass},5000\n")));
            (await sandbox.Runner().RunPassAsync()).BatchId.ShouldBe(pass);
        }
        while (reader.Read()) { read++; positions += reader.GetInt32(1); }

        (read, positions).ShouldBe((rows, rows), "the open query finishes on the state it started with");
        reader.Dispose();
        CatalogSnapshot.Rows(connection, "SELECT sum(positions) FROM vacancies").ShouldBe(["120000"], "a new query sees the last correction: 30,000 x 4");
    }

    private static void Deliver(IngestSandbox sandbox, int batch)
    {
        var rows = Enumerable.Range(0, Postings)
            .Select(p => $"P{p:D2},2026-{8 + p % 2:D2}-15,110105,E1,2-02-01-01,{batch + 1},5000\n")
            .Append($"N{batch},2026-09-01,110105,E1,2-02-01-01,1,5000\n");
        sandbox.Drop("vacancies", $"v{batch:D2}.csv", "posting_id,registered_on,region_code,employer_id,occupation_code,positions,wage_min\n" + string.Concat(rows));
        sandbox.Drop("occupations", $"o{batch:D2}.csv", $"occupation_code,occupation_name\n9-99-99-{batch:D2},occupation {batch}\n");
    }
}
