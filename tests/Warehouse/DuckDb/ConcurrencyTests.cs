using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.DuckDb.Native;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class ConcurrencyTests
{
    private const string LongQuery = "SELECT sum(hash(a.i * b.i)) FROM range(100000000) a(i), range(100) b(i)";

    [Fact]
    public void Cancel_interrupts_a_long_query_long_before_it_could_finish()
    {
        using var connection = Memory.Open("threads=2");
        using var command = connection.CreateCommand();
        command.CommandText = LongQuery;
        using var cts = new CancellationTokenSource();
        var clock = new Stopwatch();
        var running = command.ExecuteScalarAsync(cts.Token);
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
        using var connection = Memory.Open("threads=2");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash(i) FROM range(100000000000) t(i)";
        using var cts = new CancellationTokenSource();
        await using var reader = await command.ExecuteReaderAsync(cts.Token);
        reader.Read().ShouldBeTrue();
        cts.Cancel();
        var clock = Stopwatch.StartNew();
        Should.Throw<OperationCanceledException>(() => { while (reader.Read()) { } });
        // The query needs minutes (10^10 hashes on two cores); a few seconds leaves room for a loaded machine.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Long_queries_report_progress()
    {
        using var connection = Memory.Open("threads=2");
        using var command = connection.CreateCommand();
        connection.ExecuteNonQuery("CREATE TABLE big AS SELECT i FROM range(30000000) t(i)");
        command.CommandText = "SELECT count(DISTINCT hash(i) % 1000003) FROM big";
        var reports = new List<DuckDbQueryProgress>();
        command.Progress = new SynchronousProgress<DuckDbQueryProgress>(reports.Add);
        command.ExecuteScalar().ShouldBe(1000003L);
        reports.ShouldNotBeEmpty();
        reports.ShouldContain(p => p.Percentage > 0 && p.Percentage <= 100);
        reports.Select(p => p.RowsProcessed).ShouldBeInOrder(SortDirection.Ascending);
        reports[^1].TotalRowsToProcess.ShouldBeGreaterThanOrEqualTo(30_000_000UL);
    }

    [Fact]
    public void Four_threads_query_one_database_at_once()
    {
        using var dir = new TestDirectory();
        using (var setup = dir.OpenDatabase())
            setup.ExecuteNonQuery("CREATE TABLE t AS SELECT i, i % 10 AS g FROM range(2000000) t(i)");

        var results = new long[4];
        var threads = Enumerable.Range(0, 4).Select(n => new Thread(() =>
        {
            using var connection = dir.OpenDatabase();
            for (var round = 0; round < 5; round++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT sum(i) FROM t WHERE g = $g";
                command.Parameters.Add("$g", n);
                results[n] = (long)(Int128)command.ExecuteScalar()!;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        // Σ of i ≡ g (mod 10) over 0..1,999,999 = 200,000·g + 10·(0+…+199,999)
        for (var g = 0; g < 4; g++) results[g].ShouldBe(200_000L * g + 10L * (199_999L * 200_000L / 2));
    }

    [Fact]
    public void Connections_to_one_file_share_one_database()
    {
        using var dir = new TestDirectory();
        using var a = dir.OpenDatabase();
        using var b = dir.OpenDatabase();
        a.ExecuteNonQuery("CREATE TABLE shared AS SELECT 7 AS v");
        using var command = b.CreateCommand();
        command.CommandText = "SELECT v FROM shared";
        command.ExecuteScalar().ShouldBe(7);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
