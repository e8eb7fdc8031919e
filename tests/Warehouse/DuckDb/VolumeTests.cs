using Analytics.Warehouse.DuckDb;
using System.Diagnostics;
using DuckDB.NET.Data;
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
        command.Parameters.Add(new DuckDBParameter("path", parquet));
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(1_000_000);
        reader.GetFieldValue<System.Numerics.BigInteger>(1).ShouldBe(499_999_500_000);               // n(n-1)/2
        reader.GetDecimal(2).ShouldBe(499_500_000m + 250_000m);             // 1000 × (0+…+999) + 0.25 × 10^6
        reader.GetInt64(3).ShouldBe(7);
    }
}

[Collection(SerialCollection.Name)]
public class StreamingMemoryTests
{
    [Fact]
    public void Streaming_ten_million_rows_does_not_grow_memory_with_the_row_count()
    {
        using var connection = Memory.Open(("threads", "2"));
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
