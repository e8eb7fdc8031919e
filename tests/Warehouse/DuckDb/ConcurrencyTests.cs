using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Data;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class ConcurrencyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string LongQuery = "SELECT sum(hash(a.i * b.i)) FROM range(100000000) a(i), range(100) b(i)";

    [Fact]
    public void Cancel_interrupts_a_long_query_long_before_it_could_finish()
    {
        using var connection = Memory.Open(("threads", "2"));
        using var command = connection.CreateCommand();
        command.CommandText = LongQuery;
        using var cts = new CancellationTokenSource();
        var clock = new Stopwatch();
        // DuckDB.NET executes synchronously (the token only calls Cancel): run it on another thread, as a request's would.
        var running = Task.Run(() => command.ExecuteScalarAsync(cts.Token));
        Thread.Sleep(300);
        running.IsCompleted.ShouldBeFalse();
        clock.Start();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => running.GetAwaiter().GetResult());
        // The query needs minutes (10^10 hashes on two cores); a few seconds leaves room for a loaded machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        // The connection is usable again afterwards.
        command.CommandText = "SELECT 1";
        command.ExecuteScalar().ShouldBe(1);
    }

    [Fact]
    public async Task Cancel_interrupts_a_query_while_its_rows_stream()
    {
        using var connection = Memory.Open(("threads", "2"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash(i) FROM range(100000000000) t(i)";
        using var cts = new CancellationTokenSource();
        await using var reader = await command.ExecuteReaderAsync(cts.Token);
        reader.Read().ShouldBeTrue();
        var rows = 1L;
        var clock = Stopwatch.StartNew();
        command.Cancel();
        // An interrupted stream must not look like a finished one: reading on throws rather than ending quietly.
        Should.Throw<OperationCanceledException>(() => { while (reader.Read()) rows++; });
        output.WriteLine($"{rows} rows streamed before the interrupt");
        // The query needs minutes (10^10 hashes on two cores); a few seconds leaves room for a loaded machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Four_threads_query_one_database_at_once()
    {
        using var dir = new TestDirectory();
        using var database = DuckDbDataSource.File(dir.File("test.duckdb"));
        database.ExecuteNonQuery("CREATE TABLE t AS SELECT i, i % 10 AS g FROM range(2000000) t(i)");

        var results = new long[4];
        var threads = Enumerable.Range(0, 4).Select(n => new Thread(() =>
        {
            using var connection = database.OpenConnection();
            for (var round = 0; round < 5; round++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT sum(i) FROM t WHERE g = $g";
                command.Parameters.Add(new DuckDBParameter("g", n));
                results[n] = Convert.ToInt64(ExactResults.Normalize(command.ExecuteScalar()!));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        // Σ of i ≡ g (mod 10) over 0..1,999,999 = 200,000·g + 10·(0+…+199,999)
        for (var g = 0; g < 4; g++) results[g].ShouldBe(200_000L * g + 10L * (199_999L * 200_000L / 2));
    }
}
