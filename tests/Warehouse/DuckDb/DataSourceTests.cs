using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Data;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class DataSourceTests
{
    [Fact]
    public void Every_command_of_the_data_source_streams_its_result()
    {
        using var database = DuckDbDataSource.InMemory();
        using var connection = database.OpenConnection();
        connection.CreateCommand().UseStreamingMode.ShouldBeTrue();
        ((DuckDBCommand)((System.Data.Common.DbConnection)connection).CreateCommand()).UseStreamingMode.ShouldBeTrue();
        using var transaction = connection.BeginTransaction();
        var inTransaction = connection.CreateCommand();
        inTransaction.UseStreamingMode.ShouldBeTrue();
        inTransaction.Transaction.ShouldBeSameAs(transaction);
    }

    [Fact]
    public void Connections_of_one_file_share_one_database_and_the_file_stays_open_between_them()
    {
        using var dir = new TestDirectory();
        using var database = DuckDbDataSource.File(dir.File("catalog.duckdb"));
        database.Exists.ShouldBeFalse();
        database.ExecuteNonQuery("CREATE TABLE shared AS SELECT 7 AS v");
        database.Exists.ShouldBeTrue();
        // A second data source over the same file (by another spelling of its path) sees the same database.
        using var other = DuckDbDataSource.File(Path.Combine(dir.Path, ".", "catalog.duckdb"));
        other.ExecuteScalar("SELECT v FROM shared").ShouldBe(7);
    }

    [Fact]
    public void In_memory_connections_are_private_and_leave_no_file()
    {
        using var memory = DuckDbDataSource.InMemory();
        using var a = memory.OpenConnection();
        using var b = memory.OpenConnection();
        a.ExecuteNonQuery("CREATE TABLE t AS SELECT 1 AS v");
        a.ExecuteScalar("SELECT count(*) FROM t").ShouldBe(1L);
        Should.Throw<DuckDBException>(() => b.ExecuteScalar("SELECT count(*) FROM t")).Message.ShouldContain("t");
        Directory.GetFiles(Environment.CurrentDirectory, "*memory*").ShouldBeEmpty();
    }

    [Fact]
    public void A_scratch_database_is_shared_by_its_connections_and_deleted_with_its_data_source()
    {
        string file;
        using (var scratch = DuckDbDataSource.Scratch())
        {
            file = scratch.Path!;
            scratch.ExecuteNonQuery("CREATE TABLE t AS SELECT 1 AS v");
            scratch.ExecuteScalar("SELECT count(*) FROM t").ShouldBe(1L);
            File.Exists(file).ShouldBeTrue();
        }
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public void Options_apply_when_the_database_opens()
    {
        using var database = DuckDbDataSource.InMemory(("threads", "1"), ("memory_limit", "300MB"));
        database.ExecuteScalar("SELECT current_setting('threads')").ShouldBe(1L);
    }

    [Fact]
    public void A_read_only_file_refuses_writes()
    {
        using var dir = new TestDirectory();
        using (var writer = DuckDbDataSource.File(dir.File("c.duckdb"))) writer.ExecuteNonQuery("CREATE TABLE t (v INTEGER)");
        using var reader = DuckDbDataSource.File(dir.File("c.duckdb"), ("access_mode", "READ_ONLY"));
        Should.Throw<DuckDBException>(() => reader.ExecuteNonQuery("INSERT INTO t VALUES (1)")).Message.ShouldContain("read-only");
    }
}
