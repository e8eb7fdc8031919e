using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class TypeRoundTripTests
{
    private static DuckDbConnection Open() => Memory.Open();

    [Theory]
    [InlineData("BOOLEAN", "true", true)]
    [InlineData("TINYINT", "-128", (sbyte)-128)]
    [InlineData("SMALLINT", "-32768", (short)-32768)]
    [InlineData("INTEGER", "2147483647", 2147483647)]
    [InlineData("BIGINT", "-9223372036854775808", long.MinValue)]
    [InlineData("UTINYINT", "255", (byte)255)]
    [InlineData("USMALLINT", "65535", (ushort)65535)]
    [InlineData("UINTEGER", "4294967295", 4294967295u)]
    [InlineData("UBIGINT", "18446744073709551615", ulong.MaxValue)]
    [InlineData("FLOAT", "1.5", 1.5f)]
    [InlineData("DOUBLE", "-2.25", -2.25d)]
    [InlineData("VARCHAR", "'劳务派遣'", "劳务派遣")]
    public void Scalar_types_read_back_with_their_clr_type_and_nulls(string type, string literal, object expected)
    {
        using var connection = Open();
        connection.ExecuteNonQuery($"CREATE TABLE t (v {type})");
        connection.ExecuteNonQuery($"INSERT INTO t VALUES ({literal}), (NULL)");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v FROM t ORDER BY v NULLS LAST";
        using var reader = command.ExecuteReader();
        reader.GetFieldType(0).ShouldBe(expected.GetType());
        reader.Read().ShouldBeTrue();
        reader.IsDBNull(0).ShouldBeFalse();
        reader.GetValue(0).ShouldBe(expected);
        reader.Read().ShouldBeTrue();
        reader.IsDBNull(0).ShouldBeTrue();
        reader.GetValue(0).ShouldBe(DBNull.Value);
        reader.Read().ShouldBeFalse();
    }

    [Fact]
    public void Hugeint_keeps_all_128_bits()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 170141183460469231731687303715884105727::HUGEINT, -170141183460469231731687303715884105727::HUGEINT, NULL::HUGEINT";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetValue(0).ShouldBe(Int128.MaxValue);
        reader.GetInt128(1).ShouldBe(-Int128.MaxValue);
        reader.IsDBNull(2).ShouldBeTrue();
    }

    [Theory]
    [InlineData("DECIMAL(4,1)", "-123.4")]
    [InlineData("DECIMAL(9,2)", "1234567.89")]
    [InlineData("DECIMAL(14,2)", "-123456789012.34")]
    [InlineData("DECIMAL(18,4)", "12345678901234.5678")]
    [InlineData("DECIMAL(38,10)", "123456789012345678.0123456789")]
    [InlineData("DECIMAL(38,10)", "-0.0000000001")]
    public void Decimals_of_every_width_read_exactly(string type, string literal)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT '{literal}'::{type}, NULL::{type}";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetDataTypeName(0).ShouldBe(type.Replace(" ", ""));
        reader.GetDecimal(0).ShouldBe(decimal.Parse(literal, System.Globalization.CultureInfo.InvariantCulture));
        reader.GetDecimal(0).ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(literal);
        reader.IsDBNull(1).ShouldBeTrue();
    }

    [Fact]
    public void Decimal_38_10_sums_exactly_where_double_would_drift()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sum(0.1::DECIMAL(38,10)) FROM range(1000000)";
        ((decimal)command.ExecuteScalar()!).ShouldBe(100000.0000000000m);
    }

    [Fact]
    public void Dates_and_timestamps_round_trip()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DATE '2026-09-30', DATE '1949-10-01', TIMESTAMP '2026-11-22 09:04:21.123456', NULL::DATE, NULL::TIMESTAMP";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetValue(0).ShouldBe(new DateOnly(2026, 9, 30));
        reader.GetDate(1).ShouldBe(new DateOnly(1949, 10, 1));
        reader.GetDateTime(2).ShouldBe(new DateTime(2026, 11, 22, 9, 4, 21).AddTicks(1234560));
        reader.IsDBNull(3).ShouldBeTrue();
        reader.IsDBNull(4).ShouldBeTrue();
    }

    [Fact]
    public void Lists_of_scalars_read_as_arrays_with_null_elements()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ['110100', '310100'], [1, NULL, 3], []::VARCHAR[], NULL::INTEGER[], [1.50::DECIMAL(14,2)]";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetFieldType(0).ShouldBe(typeof(string[]));
        reader.GetValue(0).ShouldBe(new[] { "110100", "310100" });
        reader.GetValue(1).ShouldBe(new int?[] { 1, null, 3 });
        ((string[])reader.GetValue(2)).ShouldBeEmpty();
        reader.IsDBNull(3).ShouldBeTrue();
        reader.GetValue(4).ShouldBe(new decimal?[] { 1.50m });
    }

    [Fact]
    public void Chinese_strings_of_1_to_200_bytes_survive_inline_and_pointer_storage()
    {
        // DuckDB stores strings of up to 12 bytes inline and longer ones behind a pointer.
        using var connection = Open();
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
    public void Blob_and_uuid_read_back()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT '\\xAA\\xBB'::BLOB, '6f9619ff-8b86-d011-b42d-00c04fc964ff'::UUID";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetValue(0).ShouldBe(new byte[] { 0xAA, 0xBB });
        reader.GetGuid(1).ShouldBe(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
    }
}
