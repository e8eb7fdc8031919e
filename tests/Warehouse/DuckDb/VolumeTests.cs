using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class VolumeTests
{
    [Fact]
    public void A_million_rows_copied_to_parquet_read_back_with_the_same_aggregates()
    {
        using var dir = new TestDirectory();
        var parquet = dir.File("wages.parquet");
        using var connection = Memory.Open();
        connection.ExecuteNonQuery($"""
            COPY (SELECT i AS id, (i % 1000)::DECIMAL(14,2) + 0.25 AS wage, 'R' || (i % 7) AS region
                  FROM range(1000000) t(i))
            TO '{parquet}' (FORMAT parquet)
            """);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), sum(id), sum(wage), count(DISTINCT region) FROM read_parquet($path)";
        command.Parameters.Add("$path", parquet);
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(1_000_000);
        reader.GetInt128(1).ShouldBe((Int128)499_999_500_000);               // n(n-1)/2
        reader.GetDecimal(2).ShouldBe(499_500_000m + 250_000m);             // 1000 × (0+…+999) + 0.25 × 10^6
        reader.GetInt64(3).ShouldBe(7);
    }

    [Fact]
    public void The_appender_loads_a_million_rows()
    {
        using var connection = Memory.Open();
        connection.ExecuteNonQuery("CREATE TABLE v (id BIGINT, code VARCHAR, wage DECIMAL(14,2), day DATE, ok BOOLEAN)");
        using (var appender = connection.CreateAppender("v"))
        {
            var start = new DateOnly(2026, 1, 1);
            for (var i = 0; i < 1_000_000; i++)
            {
                appender.Append((long)i).Append(i % 3 == 0 ? null : "职业" + (i % 10));
                if (i % 100 == 0) appender.AppendNull(); else appender.Append(i % 100 + 0.01m);
                appender.Append(start.AddDays(i % 365)).Append(i % 2 == 0).EndRow();
            }
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), sum(id), count(code), sum(wage), count(wage), max(day), sum(ok::INT) FROM v";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(1_000_000);
        reader.GetInt128(1).ShouldBe((Int128)499_999_500_000);
        reader.GetInt64(2).ShouldBe(1_000_000 - 333_334);   // every third row (0, 3, …, 999999) is NULL
        // Per 100 rows: wages (1..99) + 0.01 each = 4950 + 0.99; 10,000 blocks.
        reader.GetDecimal(3).ShouldBe(10_000 * 4950.99m);
        reader.GetInt64(4).ShouldBe(990_000);
        reader.GetDate(5).ShouldBe(new DateOnly(2026, 12, 31));
        reader.GetInt128(6).ShouldBe((Int128)500_000);
    }

    [Fact]
    public void An_appender_error_names_the_table()
    {
        using var connection = Memory.Open();
        Should.Throw<DuckDbException>(() => connection.CreateAppender("missing")).Message.ShouldContain("missing");
    }
}

[Collection(SerialCollection.Name)]
public class StreamingMemoryTests
{
    [Fact]
    public void Streaming_ten_million_rows_does_not_grow_memory_with_the_row_count()
    {
        using var connection = Memory.Open("threads=2");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT i, i * 2 AS twice, 'row-' || i AS label FROM range(10000000) t(i)";
        using var reader = command.ExecuteReader();
        long rows = 0, sum = 0, atOneMillion = 0;
        while (reader.Read())
        {
            sum += reader.GetInt64(1);
            if (rows % 1_000_000 == 999_999) _ = reader.GetString(2);
            if (++rows == 1_000_000)
            {
                GC.Collect();
                atOneMillion = Process.GetCurrentProcess().WorkingSet64;
            }
        }
        GC.Collect();
        var atTenMillion = Process.GetCurrentProcess().WorkingSet64;
        rows.ShouldBe(10_000_000);
        sum.ShouldBe(2L * (10_000_000L * 9_999_999L / 2));
        // A materialised result of 10 M rows × 3 columns would be hundreds of MB; the stream stays flat.
        (atTenMillion - atOneMillion).ShouldBeLessThan(64L * 1024 * 1024);
    }
}
