using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class ErrorTests
{
    [Fact]
    public void A_syntax_error_carries_duckdbs_message()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELEC 1";
        var error = Should.Throw<DuckDbException>(() => command.ExecuteNonQuery());
        error.Message.ShouldContain("Parser Error");
        error.Message.ShouldContain("SELEC");
        error.CommandText.ShouldBe("SELEC 1");
    }

    [Fact]
    public void A_runtime_error_carries_duckdbs_message_and_the_connection_stays_usable()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 'abc'::INTEGER";
        Should.Throw<DuckDbException>(() => command.ExecuteScalar()).Message.ShouldContain("Could not convert string 'abc' to INT32");
        command.CommandText = "SELECT 42";
        command.ExecuteScalar().ShouldBe(42);
    }

    [Fact]
    public void A_missing_table_names_the_table()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM vacancies";
        Should.Throw<DuckDbException>(() => command.ExecuteReader()).Message.ShouldContain("vacancies");
    }

    [Fact]
    public void Several_statements_run_in_order_and_the_last_result_is_returned()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t AS SELECT 1 AS v; INSERT INTO t VALUES (2); SELECT sum(v) FROM t";
        command.ExecuteScalar().ShouldBe((Int128)3);
    }

    [Fact]
    public void Rows_changed_are_reported()
    {
        using var connection = Memory.Open();
        connection.ExecuteNonQuery("CREATE TABLE t (v INTEGER)");
        connection.ExecuteNonQuery("INSERT INTO t SELECT * FROM range(5)").ShouldBe(5);
        connection.ExecuteNonQuery("DELETE FROM t WHERE v < 2").ShouldBe(2);
    }

    [Fact]
    public void Transactions_commit_and_roll_back()
    {
        using var connection = Memory.Open();
        connection.ExecuteNonQuery("CREATE TABLE t (v INTEGER)");
        using (var tx = connection.BeginTransaction())
        {
            connection.ExecuteNonQuery("INSERT INTO t VALUES (1)");
            tx.Rollback();
        }
        using (var tx = connection.BeginTransaction())
        {
            connection.ExecuteNonQuery("INSERT INTO t VALUES (2)");
            tx.Commit();
        }
        using (connection.BeginTransaction())
        {
            connection.ExecuteNonQuery("INSERT INTO t VALUES (3)");
            // disposed without commit: rolled back
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT list(v) FROM t";
        command.ExecuteScalar().ShouldBe(new int?[] { 2 });
    }

    [Fact]
    public void A_second_reader_on_one_connection_is_refused_while_the_first_is_open()
    {
        using var connection = Memory.Open();
        using var first = connection.CreateCommand();
        first.CommandText = "SELECT * FROM range(10)";
        using var reader = first.ExecuteReader();
        using var second = connection.CreateCommand();
        second.CommandText = "SELECT 1";
        Should.Throw<InvalidOperationException>(() => second.ExecuteScalar());
        reader.Dispose();
        second.ExecuteScalar().ShouldBe(1);
    }

    [Fact]
    public void Unknown_database_options_are_refused_by_name()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;no_such_option=1");
        Should.Throw<DuckDbException>(() => connection.Open()).Message.ShouldContain("no_such_option");
    }

    [Fact]
    public void Database_options_apply()
    {
        using var connection = Memory.Open("threads=1;memory_limit=256MB");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('threads'), current_setting('memory_limit')";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(1);
        reader.GetString(1).ShouldBe("244.1 MiB");
    }
}
