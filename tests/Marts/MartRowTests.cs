using Analytics.Tests.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Marts;

/// <summary>
/// The mart services read rows by column name through <see cref="MartRow"/>: a typed read where the
/// column's type is the one asked for, the general conversion where it is not, NULL as default.
/// </summary>
public class MartRowTests
{
    private const string Query = """
        SELECT * FROM (VALUES
            (1::BIGINT, 7::INTEGER, 12.50::DECIMAL(14,2), 'a', DATE '2026-01-01', true, 5::HUGEINT, 3::BIGINT, 0.5::DOUBLE),
            (NULL,      NULL,       NULL,                NULL, NULL,              NULL, NULL,        4::BIGINT, NULL),
            (3::BIGINT, 9::INTEGER, -0.25::DECIMAL(14,2), '乙', DATE '2026-03-31', false, 12345678901234567890123::HUGEINT, 5::BIGINT, -2.25::DOUBLE)
        ) t(big, int, money, text, day, flag, huge, count, ratio)
        """;

    private static List<T> Rows<T>(Func<MartRow, T> map)
    {
        using var connection = Memory.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        var row = new MartRow(reader);
        var rows = new List<T>();
        while (row.Read()) rows.Add(map(row));
        return rows;
    }

    [Fact]
    public void Typed_reads_give_the_values_and_NULL_as_default()
    {
        var rows = Rows(r => (Big: r.Field<long>("big"), Int: r.Field<int?>("int"), Money: r.Field<decimal?>("money"),
            Text: r.Field<string>("text"), Day: r.Field<DateOnly>("day"), Flag: r.Field<bool?>("flag")));
        rows[0].ShouldBe((1L, (int?)7, (decimal?)12.50m, "a", new DateOnly(2026, 1, 1), (bool?)true));
        // A NULL read as a non-nullable value is its default; as a nullable one, null.
        rows[1].ShouldBe((0L, (int?)null, (decimal?)null, (string?)null, default(DateOnly), (bool?)null));
        rows[2].ShouldBe((3L, (int?)9, (decimal?)-0.25m, "乙", new DateOnly(2026, 3, 31), (bool?)false));
    }

    [Fact]
    public void Nullable_reads_of_each_type_give_the_value_or_null()
    {
        // MartRow reads a nullable T as its underlying type after one NULL check: every type it does so for.
        var rows = Rows(r => (Big: r.Field<long?>("big"), Int: r.Field<int?>("int"), Money: r.Field<decimal?>("money"),
            Ratio: r.Field<double?>("ratio"), Day: r.Field<DateOnly?>("day"), Flag: r.Field<bool?>("flag")));
        rows.ShouldBe([
            ((long?)1L, (int?)7, (decimal?)12.50m, (double?)0.5, (DateOnly?)new DateOnly(2026, 1, 1), (bool?)true),
            (null, null, null, null, null, null),
            ((long?)3L, (int?)9, (decimal?)-0.25m, (double?)-2.25, (DateOnly?)new DateOnly(2026, 3, 31), (bool?)false)]);
    }

    [Fact]
    public void Columns_of_another_type_are_converted()
    {
        // HUGEINT (DuckDB's SUM over integers) read as decimal; BIGINT counts read as int.
        var rows = Rows(r => (Huge: r.Field<decimal?>("huge"), Count: r.Field<int>("count")));
        rows.ShouldBe([((decimal?)5m, 3), (null, 4), ((decimal?)12345678901234567890123m, 5)]);
    }

    [Fact]
    public void A_map_that_asks_for_different_columns_from_row_to_row_reads_each_right()
    {
        // The call positions remember the first row's names; a row asking for others must not get their ordinals.
        var rows = Rows(r => r.Field<long>("count") == 4 ? r.Field<string>("text") ?? "null" : r.Field<int>("int").ToString());
        rows.ShouldBe(["7", "null", "9"]);
    }
}
