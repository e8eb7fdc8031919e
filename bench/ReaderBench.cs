using DuckDB.NET.Data;
using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Native;
using Analytics.Warehouse.Marts;

namespace Analytics.Bench;

/// <summary>
/// DuckDB.NET's data reader, through our data source (streaming, exactness check), against a bare
/// chunk loop over the C API (DuckDB.NET's bindings, no per-value work), reading the same 4-column
/// result (BIGINT, INTEGER, DOUBLE, DECIMAL(14,2)) and computing the same checksum (every way is
/// checked against the first). Goal of issue 11: the product's path ≤ 1.1× the bare loop.
/// The ways, alternated round by round in one process:
/// the bare loop; the bare loop checking each value's validity bit (what any reader that may meet
/// NULL must do); the reader's typed getters by ordinal (DuckDB.NET's cheapest per-value path, NULL
/// unchecked); the same with IsDBNull first (the cheapest NULL-aware path through the reader);
/// the same one value at a time as a nullable T (one validity check inside the reader);
/// <see cref="MartRow"/> as it was before issue 11 and as it is now (the product: by column name,
/// NULL-aware), for non-nullable and nullable T (for non-nullable T the two compile to the same
/// machine code: their difference is the run's noise); and two paths the product does not take,
/// measured to bound what another design could gain: DuckDB.NET's Arrow export (ExecuteArrowStream)
/// read through spans, and <see cref="ChunkRowProbe"/>, a by-name row over raw chunks with no
/// per-value work beyond the validity bit. Times are medians of the rounds; CPU time (all threads of
/// the process, getrusage) is the figure to compare on a shared machine, where wall time also counts
/// the time spent descheduled. Usage: reader [rows] [rounds]; reader-columns splits it by column.
/// Why 1.1× is out of reach of a row API: the bare loop costs about 15–18 ns CPU a row, so 1.1× leaves
/// about 1.5 ns a row for four values; the reader's DECIMAL read alone (a virtual call that builds the
/// decimal exactly as the bare loop does, no arithmetic) costs about 5 ns, INTEGER about 2, and a
/// by-name lookup about 2 a value even over raw chunks (the probe: 1.7×).
/// </summary>
public static unsafe class ReaderBench
{
    private const string Query = "SELECT a, b, c, d FROM t";

    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0]) : 10_000_000;
        var rounds = args.Length > 1 ? int.Parse(args[1]) : 9;
        using var database = DuckDbDataSource.InMemory(("threads", "2"));
        using var connection = database.OpenConnection();
        connection.ExecuteNonQuery($"CREATE TABLE t AS SELECT i::BIGINT AS a, (i % 100000)::INTEGER AS b, i / 3.0 AS c, ((i % 10000) / 100)::DECIMAL(14,2) AS d FROM range({rows}) r(i)");
        Console.WriteLine($"reader bench: {rows:N0} rows × 4 columns (BIGINT, INTEGER, DOUBLE, DECIMAL(14,2))");

        var ways = new (string Name, Func<DuckDBConnection, (long, long, double, decimal)> Read)[]
        {
            ("bare C loop                    ", c => BareLoop(c, checkValidity: false)),
            ("bare loop + validity           ", c => BareLoop(c, checkValidity: true)),
            ("reader, typed getters          ", ThroughReader),
            ("reader, IsDBNull + getters     ", ThroughNullAwareGetters),
            ("reader, GetFieldValue<T?>      ", ThroughNullableGetters),
            ("MartRow (the product's path)   ", ThroughMartRow),
            ("MartRow, Field<T?>             ", ThroughMartRowNullable),
            ("not taken: Arrow stream, spans ", ThroughArrow),
            ("not taken: by-name raw chunks  ", ThroughProbe),
        };
        var times = ways.Select(_ => new List<double>()).ToArray();
        var cpu = ways.Select(_ => new List<double>()).ToArray();
        (long, long, double, decimal)? expected = null;
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        for (var round = 0; round < rounds; round++)
            for (var w = 0; w < ways.Length; w++)
            {
                var cpuBefore = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                var sum = ways[w].Read(connection);
                times[w].Add(clock.Elapsed.TotalMilliseconds);
                cpu[w].Add((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
                expected ??= sum;
                if (sum != expected) throw new InvalidOperationException($"checksums differ: {ways[w].Name.Trim()} {sum} vs {expected}");
            }
        Console.WriteLine($"load average at end:   {File.ReadAllText("/proc/loadavg").Trim()}");
        var (bare, bareCpu) = (Median(times[0]), Median(cpu[0]));
        Console.WriteLine($"medians of {rounds} rounds: CPU time (all threads), wall time");
        for (var w = 0; w < ways.Length; w++)
            Console.WriteLine($"{ways[w].Name}: cpu {Median(cpu[w]),6:F0} ms {Median(cpu[w]) / bareCpu,5:F2}×   wall {Median(times[w]),6:F0} ms {Median(times[w]) / bare,5:F2}×");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; goal: the product's path ≤ 1.1× the bare loop");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static (long, long, double, decimal) ThroughReader(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        long a = 0, b = 0; double c = 0; decimal d = 0;
        while (reader.Read())
        {
            a += reader.GetInt64(0);
            b += reader.GetInt32(1);
            c += reader.GetDouble(2);
            d += reader.GetDecimal(3);
        }
        return (a, b, c, d);
    }

    /// <summary>The product's way: the mart services' row mapping by column name (see <see cref="MartRow"/>).</summary>
    private static (long, long, double, decimal) ThroughMartRow(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        var row = new MartRow(reader);
        long a = 0, b = 0; double c = 0; decimal d = 0;
        while (row.Read())
        {
            a += row.Field<long>("a");
            b += row.Field<int>("b");
            c += row.Field<double>("c");
            d += row.Field<decimal>("d");
        }
        return (a, b, c, d);
    }

    /// <summary>
    /// The mart maps' other common shape, a nullable T (Field&lt;decimal?&gt; is the marts' most used
    /// read): the product's MartRow, and below the same loop over the MartRow from before issue 11.
    /// </summary>
    private static (long, long, double, decimal) ThroughMartRowNullable(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        var row = new MartRow(reader);
        long a = 0, b = 0; double c = 0; decimal d = 0;
        while (row.Read())
        {
            a += row.Field<long?>("a") ?? 0;
            b += row.Field<int?>("b") ?? 0;
            c += row.Field<double?>("c") ?? 0;
            d += row.Field<decimal?>("d") ?? 0;
        }
        return (a, b, c, d);
    }

    /// <summary>The floor of a by-name row API: see <see cref="ChunkRowProbe"/>.</summary>
    private static (long, long, double, decimal) ThroughProbe(DuckDBConnection connection)
    {
        using var row = new ChunkRowProbe(connection, Query);
        long a = 0, b = 0; double c = 0; decimal d = 0;
        while (row.Read())
        {
            a += row.Field<long>("a");
            b += row.Field<int>("b");
            c += row.Field<double>("c");
            d += row.Field<decimal>("d");
        }
        return (a, b, c, d);
    }

    /// <summary>NULL-aware in one call: DuckDB.NET reads a nullable T with one validity check.</summary>
    private static (long, long, double, decimal) ThroughNullableGetters(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        long a = 0, b = 0; double c = 0; decimal d = 0;
        while (reader.Read())
        {
            a += reader.GetFieldValue<long?>(0).GetValueOrDefault();
            b += reader.GetFieldValue<int?>(1).GetValueOrDefault();
            c += reader.GetFieldValue<double?>(2).GetValueOrDefault();
            d += reader.GetFieldValue<decimal?>(3).GetValueOrDefault();
        }
        return (a, b, c, d);
    }

    /// <summary>The cheapest NULL-aware path through DuckDB.NET's reader: IsDBNull, then the typed getter, by ordinal.</summary>
    private static (long, long, double, decimal) ThroughNullAwareGetters(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var reader = command.ExecuteReader();
        long a = 0, b = 0; double c = 0; decimal d = 0;
        while (reader.Read())
        {
            if (!reader.IsDBNull(0)) a += reader.GetInt64(0);
            if (!reader.IsDBNull(1)) b += reader.GetInt32(1);
            if (!reader.IsDBNull(2)) c += reader.GetDouble(2);
            if (!reader.IsDBNull(3)) d += reader.GetDecimal(3);
        }
        return (a, b, c, d);
    }

    /// <summary>
    /// DuckDB.NET's Arrow export, read column by column through spans (no per-value call at all).
    /// DuckDB exports DECIMAL(14,2) as Arrow decimal128: the low 64 bits of each 16-byte value hold the
    /// cents here. The export copies every chunk into Arrow's layout, and that copy alone costs more than
    /// the reader's per-value work (see the figures), so the product does not read marts this way.
    /// </summary>
    private static (long, long, double, decimal) ThroughArrow(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Query;
        using var stream = command.ExecuteArrowStream();
        long a = 0, b = 0; double c = 0; decimal d = 0;
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
            using (batch)
            {
                var va = ((Apache.Arrow.Int64Array)batch.Column(0)).Values;
                var vb = ((Apache.Arrow.Int32Array)batch.Column(1)).Values;
                var vc = ((Apache.Arrow.DoubleArray)batch.Column(2)).Values;
                var vd = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(((Apache.Arrow.Decimal128Array)batch.Column(3)).ValueBuffer.Span);
                for (var i = 0; i < va.Length; i++)
                {
                    a += va[i];
                    b += vb[i];
                    c += vc[i];
                    var raw = vd[2 * i];
                    var cents = (ulong)Math.Abs(raw);
                    d += new decimal((int)cents, (int)(cents >> 32), 0, raw < 0, 2);
                }
            }
        return (a, b, c, d);
    }

    private static (long, long, double, decimal) BareLoop(DuckDBConnection connection, bool checkValidity)
    {
        // The same streaming execution, straight through the C API with no per-value checks.
        NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, Query, out var statement);
        using var _ = statement;
        NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(statement, out var result);
        long a = 0, b = 0; double c = 0; decimal d = 0;
        try
        {
            while (true)
            {
                using var chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(result);
                if (chunk.IsInvalid) break;
                var n = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
                if (n == 0) break;
                var vectors = Enumerable.Range(0, 4).Select(i => NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, i)).ToArray();
                var va = (long*)NativeMethods.Vectors.DuckDBVectorGetData(vectors[0]);
                var vb = (int*)NativeMethods.Vectors.DuckDBVectorGetData(vectors[1]);
                var vc = (double*)NativeMethods.Vectors.DuckDBVectorGetData(vectors[2]);
                var vd = (long*)NativeMethods.Vectors.DuckDBVectorGetData(vectors[3]);
                if (!checkValidity)
                {
                    for (var i = 0; i < n; i++)
                    {
                        a += va[i];
                        b += vb[i];
                        c += vc[i];
                        var cents = (ulong)Math.Abs(vd[i]);
                        d += new decimal((int)cents, (int)(cents >> 32), 0, vd[i] < 0, 2);
                    }
                    continue;
                }
                // A null validity mask means every value is valid (DuckDB allocates one only when a NULL exists).
                var ma = NativeMethods.Vectors.DuckDBVectorGetValidity(vectors[0]);
                var mb = NativeMethods.Vectors.DuckDBVectorGetValidity(vectors[1]);
                var mc = NativeMethods.Vectors.DuckDBVectorGetValidity(vectors[2]);
                var md = NativeMethods.Vectors.DuckDBVectorGetValidity(vectors[3]);
                for (var i = 0; i < n; i++)
                {
                    var bit = 1UL << (i & 63);
                    if (ma == null || (ma[i >> 6] & bit) != 0) a += va[i];
                    if (mb == null || (mb[i >> 6] & bit) != 0) b += vb[i];
                    if (mc == null || (mc[i >> 6] & bit) != 0) c += vc[i];
                    if (md == null || (md[i >> 6] & bit) != 0)
                    {
                        var cents = (ulong)Math.Abs(vd[i]);
                        d += new decimal((int)cents, (int)(cents >> 32), 0, vd[i] < 0, 2);
                    }
                }
            }
        }
        finally
        {
            NativeMethods.Query.DuckDBDestroyResult(ref result);
        }
        return (a, b, c, d);
    }
}
