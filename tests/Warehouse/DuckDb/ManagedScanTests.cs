using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Data;
using Analytics.Warehouse.DuckDb.Chunks;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Warehouse.DuckDb;

public class ManagedScanTests
{
    private static readonly (string Name, ChunkColumn Type)[] Columns =
    [
        ("id", new ChunkColumn(ChunkKind.BigInt)),
        ("code", new ChunkColumn(ChunkKind.Varchar)),
        ("wage", ChunkColumn.Decimal(14, 2)),
        ("day", new ChunkColumn(ChunkKind.Date)),
        ("ok", new ChunkColumn(ChunkKind.Boolean)),
        ("n", new ChunkColumn(ChunkKind.Integer)),
    ];

    /// <summary>Row i: id i, a short or long code, wage i + 0.25, a day, a flag, and n null on every 7th row.</summary>
    private static void WriteRow(ChunkWriter chunk, long i)
    {
        chunk.SetInt64(0, i);
        chunk.SetString(1, i % 2 == 0 ? $"R{i}" : $"a-code-longer-than-twelve-bytes-{i}-区划");
        chunk.SetInt64(2, i * 100 + 25);
        chunk.SetDate(3, new DateOnly(2026, 1, 1).AddDays((int)(i % 365)).DayNumber);
        chunk.SetBool(4, i % 3 == 0);
        if (i % 7 == 0) chunk.SetNull(5);
        else chunk.SetInt32(5, (int)(i % 100));
        chunk.EndRow();
    }

    /// <summary>Rows 0..count-1, a chunk per call, on as many threads as DuckDB likes.</summary>
    private sealed class Counting(long count, int threads) : IChunkSource
    {
        private long _next;

        public IReadOnlyList<(string Name, ChunkColumn Type)> Columns => ManagedScanTests.Columns;
        public int MaxThreads => threads;

        public void Fill(ChunkWriter chunk)
        {
            var start = Interlocked.Add(ref _next, chunk.Capacity) - chunk.Capacity;
            for (var i = start; i < Math.Min(count, start + chunk.Capacity); i++) WriteRow(chunk, i);
        }
    }

    [Fact]
    public void Rows_written_by_managed_code_read_back_exactly_in_sql()
    {
        using var connection = Memory.Open();
        ManagedScan.Register(connection);
        using var scan = ManagedScan.Over(new Counting(10_000, threads: 2));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), sum(id), sum(wage), count(n), sum(n), count(*) FILTER (ok), max(day), " +
            $"count(*) FILTER (code = 'R42'), count(*) FILTER (code = 'a-code-longer-than-twelve-bytes-43-区划') FROM {scan.Sql}";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(10_000);
        reader.GetFieldValue<System.Numerics.BigInteger>(1).ShouldBe(49_995_000);              // 0 + … + 9999
        reader.GetDecimal(2).ShouldBe(49_995_000m + 2_500m);         // Σ i + 0.25 × 10,000
        reader.GetInt64(3).ShouldBe(10_000 - 1_429);                  // every 7th n is null: 0, 7, …, 9996
        reader.GetFieldValue<System.Numerics.BigInteger>(4).ShouldBe((System.Numerics.BigInteger)Enumerable.Range(0, 10_000).Where(i => i % 7 != 0).Sum(i => (long)(i % 100)));
        reader.GetInt64(5).ShouldBe(3_334);                            // multiples of 3 below 10,000
        reader.GetValue(6).ShouldBe(new DateOnly(2026, 12, 31));
        reader.GetInt64(7).ShouldBe(1);
        reader.GetInt64(8).ShouldBe(1);
    }

    [Fact]
    public void Chunks_of_our_own_are_handed_over_without_copying_and_outlive_the_query_untouched()
    {
        using var dir = new TestDirectory();
        using var connection = Memory.Open();
        ManagedScan.Register(connection);
        var chunks = Enumerable.Range(0, 3).Select(_ => new DataChunk(Columns.Select(c => c.Type).ToArray())).ToList();
        try
        {
            long i = 0;
            foreach (var chunk in chunks)
                for (var r = 0; r < 1000; r++) WriteRow(chunk.Writer, i++);
            using (var scan = ManagedScan.Over(new Handover(chunks)))
                connection.ExecuteNonQuery($"COPY (SELECT * FROM {scan.Sql}) TO '{dir.File("x.parquet")}' (FORMAT parquet)");
            connection.ExecuteScalar($"SELECT count(*) FROM read_parquet('{dir.File("x.parquet")}')").ShouldBe(3000L);
            connection.ExecuteScalar($"SELECT sum(id) FROM read_parquet('{dir.File("x.parquet")}') WHERE code LIKE 'a-code%'")
                .ShouldBe((decimal)Enumerable.Range(0, 3000).Where(v => v % 2 == 1).Sum(v => (long)v));   // HUGEINT, normalised to decimal

            // Reset keeps the memory for the next rows; the file already written is not affected.
            chunks[0].Reset();
            chunks[0].Rows.ShouldBe(0);
            WriteRow(chunks[0].Writer, 5);
            connection.ExecuteScalar($"SELECT count(*) FROM read_parquet('{dir.File("x.parquet")}') WHERE id = 0").ShouldBe(1L);
        }
        finally { chunks.ForEach(c => c.Dispose()); }
    }

    [Fact]
    public void An_enum_column_is_written_to_parquet_as_the_utf8_dictionary_column_its_texts_give_and_reads_back_as_varchar()
    {
        using var dir = new TestDirectory();
        using var connection = Memory.Open();
        ManagedScan.Register(connection);
        string[] channels = ["public_service", "online", "job_fair", "other"];
        var columns = new[] { ("id", new ChunkColumn(ChunkKind.BigInt)), ("channel", ChunkColumn.Enum(channels)) };
        using var chunk = new DataChunk(columns.Select(c => c.Item2).ToArray());
        for (var i = 0; i < 1000; i++)
        {
            chunk.Writer.SetInt64(0, i);
            if (i % 10 == 9) chunk.Writer.SetNull(1);
            else chunk.Writer.SetEnum(1, i % 4);
            chunk.Writer.EndRow();
        }
        var file = dir.File("enum.parquet");
        using (var scan = ManagedScan.Over(new Handover([chunk], columns)))
            connection.ExecuteNonQuery($"COPY (SELECT * FROM {scan.Sql}) TO '{file}' (FORMAT parquet, PARQUET_VERSION V1)");

        // Readers see text: the same physical and logical type as a VARCHAR column, dictionary-encoded.
        connection.ExecuteScalar($"SELECT typeof(channel) FROM read_parquet('{file}') LIMIT 1").ShouldBe("VARCHAR");
        connection.ExecuteScalar($"SELECT type || ' ' || converted_type FROM parquet_schema('{file}') WHERE name = 'channel'").ShouldBe("BYTE_ARRAY UTF8");
        connection.ExecuteScalar($"SELECT encodings FROM parquet_metadata('{file}') WHERE path_in_schema = 'channel'").ShouldBe("RLE_DICTIONARY");
        // Rows 0..999: i % 10 = 9 is null (100 rows); otherwise channel i % 4, so 'online' (i % 4 = 1) on the
        // 250 rows with i % 4 = 1 less the 50 of them that end in 9 (i % 20 = 9): 200.
        connection.ExecuteScalar($"SELECT count(*) FROM read_parquet('{file}') WHERE channel IS NULL").ShouldBe(100L);
        connection.ExecuteScalar($"SELECT count(*) FROM read_parquet('{file}') WHERE channel = 'online'").ShouldBe(200L);
        connection.ExecuteScalar($"SELECT channel FROM read_parquet('{file}') WHERE id = 6").ShouldBe("job_fair");
    }

    [Fact]
    public void Strings_of_every_length_around_a_slots_twelve_bytes_read_back_exactly()
    {
        using var connection = Memory.Open();
        ManagedScan.Register(connection);
        var columns = new[] { ("i", new ChunkColumn(ChunkKind.BigInt)), ("text", new ChunkColumn(ChunkKind.Varchar)) };
        // Lengths 0..20 in bytes, in ASCII and with a three-byte character last, so every copy width meets a boundary.
        var texts = Enumerable.Range(0, 21).Select(n => "abcdefghijklmnopqrstu"[..n])
            .Concat(Enumerable.Range(0, 18).Select(n => "abcdefghijklmnopqr"[..n] + "区")).ToArray();
        using var chunk = new DataChunk(columns.Select(c => c.Item2).ToArray());
        for (var i = 0; i < texts.Length; i++)
        {
            chunk.Writer.SetInt64(0, i);
            chunk.Writer.SetUtf8(1, System.Text.Encoding.UTF8.GetBytes(texts[i]));
            chunk.Writer.EndRow();
        }
        using var scan = ManagedScan.Over(new Handover([chunk], columns));
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT i, text, octet_length(encode(text)) FROM {scan.Sql} ORDER BY i";
        using var reader = command.ExecuteReader();
        var read = 0;
        while (reader.Read())
        {
            reader.GetString(1).ShouldBe(texts[read]);
            reader.GetInt64(2).ShouldBe(System.Text.Encoding.UTF8.GetByteCount(texts[read]));
            read++;
        }
        read.ShouldBe(texts.Length);
        // Equal short strings compare equal only when the slot's padding is zero: DuckDB compares the whole inline slot.
        using var again = ManagedScan.Over(new Handover([chunk], columns));
        connection.ExecuteScalar($"SELECT count(*) FROM {again.Sql} WHERE text = 'abcdefg'").ShouldBe(1L);
    }

    [Fact]
    public void An_enum_column_takes_one_to_255_members()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ChunkColumn.Enum([]));
        Should.Throw<ArgumentOutOfRangeException>(() => ChunkColumn.Enum(Enumerable.Range(0, 256).Select(i => $"m{i}").ToArray()));
        ChunkColumn.Enum(Enumerable.Range(0, 255).Select(i => $"m{i}").ToArray()).Members!.Length.ShouldBe(255);
    }

    /// <summary>Chunks of our own, handed over one per call (columns: the test's usual ones unless given).</summary>
    private sealed class Handover(List<DataChunk> chunks, IReadOnlyList<(string Name, ChunkColumn Type)>? columns = null) : IChunkSource
    {
        private int _next = -1;
        public IReadOnlyList<(string Name, ChunkColumn Type)> Columns => columns ?? ManagedScanTests.Columns;
        public int MaxThreads => 2;

        public void Fill(ChunkWriter chunk)
        {
            var i = Interlocked.Increment(ref _next);
            if (i < chunks.Count) chunk.Reference(chunks[i]);
        }
    }

    private sealed class Failing : IChunkSource
    {
        private int _calls;
        public IReadOnlyList<(string Name, ChunkColumn Type)> Columns => ManagedScanTests.Columns;
        public int MaxThreads => 1;

        public void Fill(ChunkWriter chunk)
        {
            if (++_calls == 3) throw new InvalidDataException("line 4100: broken on purpose");
            for (var i = 0; i < chunk.Capacity; i++) WriteRow(chunk, i);
        }
    }

    [Fact]
    public void An_exception_in_the_source_fails_the_query_and_comes_back_as_itself()
    {
        using var dir = new TestDirectory();
        using var connection = Memory.Open();
        ManagedScan.Register(connection);
        using var scan = ManagedScan.Over(new Failing());
        var failure = Should.Throw<DuckDBException>(() =>
            connection.ExecuteNonQuery($"COPY (SELECT * FROM {scan.Sql}) TO '{dir.File("x.parquet")}' (FORMAT parquet)"));
        failure.Message.ShouldContain("broken on purpose");
        Should.Throw<InvalidDataException>(scan.ThrowIfSourceFailed).Message.ShouldBe("line 4100: broken on purpose");
        // The connection stays usable.
        connection.ExecuteScalar("SELECT 41 + 1").ShouldBe(42);
    }

    [Fact]
    public void A_closed_scan_cannot_be_queried_and_registering_again_is_harmless()
    {
        using var connection = Memory.Open();
        ManagedScan.Register(connection);
        var scan = ManagedScan.Over(new Counting(10, 1));
        var sql = scan.Sql;
        scan.Dispose();
        Should.Throw<DuckDBException>(() => connection.ExecuteScalar($"SELECT count(*) FROM {sql}")).Message.ShouldContain("no such scan");
        ManagedScan.Register(connection);
        using var again = ManagedScan.Over(new Counting(10, 1));
        connection.ExecuteScalar($"SELECT count(*) FROM {again.Sql}").ShouldBe(10L);
    }
}
