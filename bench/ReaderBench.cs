using DuckDB.NET.Data;
using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Native;
using Analytics.Warehouse.Marts;

namespace Analytics.Bench;

/// <summary>
/// DuckDB.NET's data reader, through our data source (streaming, exactness check), against a bare
/// chunk loop over the C API (DuckDB.NET's bindings, no per-value work), reading the same 4-column
/// result (BIGINT, INTEGER, DOUBLE, DECIMAL(14,2)) and computing the same checksum. Goal: ≤ 1.1×.
/// Four ways, alternated round by round: the bare loop; the bare loop checking each value's
/// validity bit (what any reader that may meet NULL must do); the reader's typed getters by ordinal
/// (DuckDB.NET's cheapest per-value path); and the reader the way the product reads marts
/// (<see cref="MartRow"/>: by column name, NULL-aware).
/// </summary>
public static unsafe class ReaderBench
{
    private const string Query = "SELECT a, b, c, d FROM t";

    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0]) : 10_000_000;
        using var database = DuckDbDataSource.InMemory(("threads", "2"));
        using var connection = database.OpenConnection();
        connection.ExecuteNonQuery($"CREATE TABLE t AS SELECT i::BIGINT AS a, (i % 100000)::INTEGER AS b, i / 3.0 AS c, ((i % 10000) / 100)::DECIMAL(14,2) AS d FROM range({rows}) r(i)");
        Console.WriteLine($"reader bench: {rows:N0} rows × 4 columns (BIGINT, INTEGER, DOUBLE, DECIMAL(14,2))");

        var ways = new (string Name, Func<DuckDBConnection, (long, long, double, decimal)> Read)[]
        {
            ("bare C loop            ", c => BareLoop(c, checkValidity: false)),
            ("bare loop + validity   ", c => BareLoop(c, checkValidity: true)),
            ("reader, typed getters  ", ThroughReader),
            ("reader as product reads", ThroughMartRow),
        };
        var times = ways.Select(_ => new List<double>()).ToArray();
        (long, long, double, decimal)? expected = null;
        for (var round = 0; round < 5; round++)
            for (var w = 0; w < ways.Length; w++)
            {
                var clock = Stopwatch.StartNew();
                var sum = ways[w].Read(connection);
                times[w].Add(clock.Elapsed.TotalMilliseconds);
                expected ??= sum;
                if (sum != expected) throw new InvalidOperationException($"checksums differ: {ways[w].Name.Trim()} {sum} vs {expected}");
            }
        var bare = Median(times[0]);
        for (var w = 0; w < ways.Length; w++)
            Console.WriteLine($"{ways[w].Name}: {Median(times[w]),6:F0} ms  {Median(times[w]) / bare:F2}× (median of 5)");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; goal: the reader ≤ 1.1× the bare loop");
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
