using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class ParameterTests
{
    public static TheoryData<object, string> Values => new()
    {
        { true, "BOOLEAN" },
        { (sbyte)-5, "TINYINT" },
        { (short)-300, "SMALLINT" },
        { 123456, "INTEGER" },
        { -9_000_000_000L, "BIGINT" },
        { (byte)200, "UTINYINT" },
        { (ushort)60000, "USMALLINT" },
        { 4_000_000_000u, "UINTEGER" },
        { 18_000_000_000_000_000_000UL, "UBIGINT" },
        { Int128.MaxValue, "HUGEINT" },
        { 0.5f, "FLOAT" },
        { 1e300, "DOUBLE" },
        { 12345678901.23m, "DECIMAL(38,2)" },
        { 123456789012345678.0123456789m, "DECIMAL(38,10)" },
        { "深圳市南山区", "VARCHAR" },
        { new DateOnly(2026, 2, 28), "DATE" },
        { new DateTime(2026, 9, 30, 23, 59, 59, 999).AddTicks(9990), "TIMESTAMP" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_type_binds_and_comes_back_equal(object value, string expectedType)
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $v, typeof($v), $v IS NULL";
        command.Parameters.Add("$v", value);
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetValue(0).ShouldBe(value);
        reader.GetString(1).ShouldBe(expectedType);
        reader.GetBoolean(2).ShouldBeFalse();
    }

    [Fact]
    public void Null_binds_as_sql_null()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ?::VARCHAR IS NULL, ?::DECIMAL(14,2) IS NULL";
        command.Parameters.AddValue(null);
        command.Parameters.AddValue(DBNull.Value);
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetBoolean(0).ShouldBeTrue();
        reader.GetBoolean(1).ShouldBeTrue();
    }

    [Fact]
    public void Positional_and_named_parameters_bind_by_order_and_name()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ? || '-' || ?";
        command.Parameters.AddValue("a");
        command.Parameters.AddValue("b");
        command.ExecuteScalar().ShouldBe("a-b");

        command.CommandText = "SELECT $second || $first";
        command.Parameters.Clear();
        command.Parameters.Add("first", "1");
        command.Parameters.Add("$second", "2");
        command.ExecuteScalar().ShouldBe("21");
    }

    [Fact]
    public void Arrays_bind_as_lists_for_in_filters()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (VALUES ('440100'), ('440300'), ('320100')) t(code) WHERE list_contains($codes, code)";
        command.Parameters.Add("$codes", new[] { "440100", "320100" });
        command.ExecuteScalar().ShouldBe(2L);

        command.CommandText = "SELECT list_sum($xs), $ds";
        command.Parameters.Clear();
        command.Parameters.Add("$xs", new List<int> { 1, 2, 3 });
        command.Parameters.Add("$ds", new[] { 1.5m, 2.25m });
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(6);
        reader.GetValue(1).ShouldBe(new decimal?[] { 1.50m, 2.25m });
    }

    [Fact]
    public void An_empty_array_binds_as_an_empty_list()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT len($codes), list_contains($codes, '440100')";
        command.Parameters.Add("$codes", Array.Empty<string>());
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(0);
        reader.GetBoolean(1).ShouldBeFalse();
    }

    [Fact]
    public void A_parameter_is_never_spliced_into_the_sql()
    {
        using var connection = Memory.Open();
        connection.ExecuteNonQuery("CREATE TABLE t (v VARCHAR)");
        connection.ExecuteNonQuery("INSERT INTO t VALUES ($1)", "x'); DROP TABLE t; --");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM t";
        command.ExecuteScalar().ShouldBe("x'); DROP TABLE t; --");
    }

    [Fact]
    public void A_missing_parameter_is_a_clear_error()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $region";
        Should.Throw<DuckDbException>(() => command.ExecuteScalar()).Message.ShouldContain("$region");
    }
}
