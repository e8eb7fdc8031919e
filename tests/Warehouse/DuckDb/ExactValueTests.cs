using System.Globalization;
using System.Numerics;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

/// <summary>What the warehouse relies on reading back exactly: money as DECIMAL, integer sums, Chinese text.</summary>
public class ExactValueTests
{
    [Theory]
    [InlineData("DECIMAL(4,1)", "-123.4")]
    [InlineData("DECIMAL(9,2)", "1234567.89")]
    [InlineData("DECIMAL(14,2)", "-123456789012.34")]
    [InlineData("DECIMAL(18,4)", "12345678901234.5678")]
    [InlineData("DECIMAL(38,10)", "123456789012345678.0123456789")]
    [InlineData("DECIMAL(38,10)", "-0.0000000001")]
    [InlineData("DECIMAL(38,28)", "1.0000000000000000000000000001")]
    public void Decimals_of_every_width_read_exactly(string type, string literal)
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT '{literal}'::{type}, NULL::{type}";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetDecimal(0).ToString(CultureInfo.InvariantCulture).ShouldBe(literal);
        reader.IsDBNull(1).ShouldBeTrue();
    }

    [Fact]
    public void Decimal_38_10_sums_exactly_where_double_would_drift()
    {
        using var connection = Memory.Open();
        connection.ExecuteScalar("SELECT sum(0.1::DECIMAL(38,10)) FROM range(1000000)").ShouldBe(100000.0000000000m);
    }

    [Fact]
    public void A_decimal_with_more_places_than_dotnet_holds_is_refused_not_rounded()
    {
        // DuckDB.NET alone would return 1.0000000000000000000000000000 here: the last two digits silently gone.
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 AS n, '1.000000000000000000000000000012'::DECIMAL(38,30) AS too_fine";
        Should.Throw<NotSupportedException>(() => command.ExecuteReader()).Message.ShouldContain("too_fine");
        Should.Throw<NotSupportedException>(() => command.ExecuteScalar());
        // The connection stays usable.
        connection.ExecuteScalar("SELECT 41 + 1").ShouldBe(42);
    }

    [Fact]
    public void Hugeint_sums_keep_every_digit_and_convert_like_other_numbers()
    {
        using var connection = Memory.Open();
        var sum = connection.ExecuteScalar("SELECT sum(i) FROM range(1000000) t(i)");
        sum.ShouldBe(499_999_500_000m);
        Convert.ToInt64(sum).ShouldBe(499_999_500_000L);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 170141183460469231731687303715884105727::HUGEINT";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetFieldValue<BigInteger>(0).ShouldBe(BigInteger.Parse("170141183460469231731687303715884105727"));
    }

    [Fact]
    public void Chinese_strings_of_1_to_200_bytes_survive_inline_and_pointer_storage()
    {
        // DuckDB stores strings of up to 12 bytes inline and longer ones behind a pointer.
        using var connection = Memory.Open();
        connection.ExecuteNonQuery("CREATE TABLE s (n INTEGER, v VARCHAR)");
        var expected = new Dictionary<int, string>();
        for (var bytes = 1; bytes <= 200; bytes++)
        {
            // "职" is 3 bytes in UTF-8; pad with ASCII to hit every byte length.
            var value = string.Concat(Enumerable.Repeat("职", bytes / 3)) + new string('a', bytes % 3);
            System.Text.Encoding.UTF8.GetByteCount(value).ShouldBe(bytes);
            expected[bytes] = value;
            connection.ExecuteNonQuery("INSERT INTO s VALUES ($1, $2)", bytes, value);
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT n, v, octet_length(encode(v)) FROM s ORDER BY n";
        using var reader = command.ExecuteReader();
        var seen = 0;
        while (reader.Read())
        {
            var n = reader.GetInt32(0);
            reader.GetString(1).ShouldBe(expected[n]);
            reader.GetInt64(2).ShouldBe(n);
            seen++;
        }
        seen.ShouldBe(200);
    }

    [Fact]
    public void Lists_read_as_lists_with_null_elements()
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ['110100', NULL, '310100'], [1, NULL, 3], []::VARCHAR[], NULL::INTEGER[], [1.50::DECIMAL(14,2)]";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        ((System.Collections.IEnumerable)reader.GetValue(0)).Cast<string?>().ShouldBe(["110100", null, "310100"]);
        // A list of numbers with NULLs must be asked for as nullable (GetValue refuses it rather than dropping the NULL).
        reader.GetFieldValue<List<int?>>(1).ShouldBe([1, null, 3]);
        ((System.Collections.IEnumerable)reader.GetValue(2)).Cast<string>().ShouldBeEmpty();
        reader.IsDBNull(3).ShouldBeTrue();
        ((System.Collections.IEnumerable)reader.GetValue(4)).Cast<decimal?>().ShouldBe([1.50m]);
    }
}
