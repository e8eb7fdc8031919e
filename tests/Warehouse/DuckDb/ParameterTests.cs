using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Data;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

/// <summary>Binding as the marts and the catalog use it: named scalars, lists for <c>list_contains($codes, …)</c>, never splicing.</summary>
public class ParameterTests
{
    [Fact]
    public void Arrays_bind_as_lists_for_in_filters()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (VALUES ('440100'), ('440300'), ('320100')) t(code) WHERE list_contains($codes, code)";
        command.Parameters.Add(new DuckDBParameter("codes", new[] { "440100", "320100" }));
        command.ExecuteScalar().ShouldBe(2L);

        command.CommandText = "SELECT list_sum($xs)";   // HUGEINT
        command.Parameters.Clear();
        command.Parameters.Add(new DuckDBParameter("xs", new List<int> { 1, 2, 3 }));
        Convert.ToInt64(ExactResults.Normalize(command.ExecuteScalar()!)).ShouldBe(6);
    }

    [Fact]
    public void An_empty_array_binds_as_an_empty_list()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT len($codes), list_contains($codes, '440100')";
        command.Parameters.Add(new DuckDBParameter("codes", Array.Empty<string>()));
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(0);
        reader.GetBoolean(1).ShouldBeFalse();
    }

    [Fact]
    public void A_list_parameter_fills_a_varchar_list_column()
    {
        using var connection = Memory.Open();
        connection.ExecuteNonQuery("CREATE TABLE b (datasets VARCHAR[])");
        connection.ExecuteNonQuery("INSERT INTO b VALUES ($1)", new object?[] { new[] { "vacancies", "职业" } });
        connection.ExecuteScalar("SELECT datasets[2] FROM b").ShouldBe("职业");
    }

    [Fact]
    public void Money_and_dates_bind_exactly()
    {
        using var connection = Memory.Open();
        connection.ExecuteScalar("SELECT CAST($1 AS DECIMAL(14,2)) * 3", 0.1m).ShouldBe(0.30m);
        connection.ExecuteScalar("SELECT $1::DATE + 1", new DateOnly(2026, 2, 28)).ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Fact]
    public void A_parameter_is_never_spliced_into_the_sql()
    {
        using var connection = Memory.Open();
        connection.ExecuteNonQuery("CREATE TABLE t (v VARCHAR)");
        connection.ExecuteNonQuery("INSERT INTO t VALUES ($1)", "x'); DROP TABLE t; --");
        connection.ExecuteScalar("SELECT v FROM t").ShouldBe("x'); DROP TABLE t; --");
    }
}
