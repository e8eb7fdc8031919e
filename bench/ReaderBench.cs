using DuckDB.NET.Data;
using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Native;

namespace Analytics.Bench;

/// <summary>
/// DuckDB.NET's data reader, through our data source (streaming, exactness check), against a bare
/// chunk loop over the C API (DuckDB.NET's bindings, no per-value work), reading the same 4-column
/// result (BIGINT, INTEGER, DOUBLE, DECIMAL(14,2)) and computing the same checksum. Goal: ≤ 1.1×.
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

        var readerTimes = new List<double>();
        var bareTimes = new List<double>();
        (long, long, double, decimal) readerSum = default, bareSum = default;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            readerSum = ThroughReader(connection);
            readerTimes.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            bareSum = BareLoop(connection);
            bareTimes.Add(clock.Elapsed.TotalMilliseconds);
        }
        if (readerSum != bareSum) throw new InvalidOperationException($"checksums differ: {readerSum} vs {bareSum}");
        var reader = Median(readerTimes);
        var bare = Median(bareTimes);
        Console.WriteLine($"data reader : {reader,8:F0} ms (median of 5; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB)");
        Console.WriteLine($"bare C loop : {bare,8:F0} ms (median of 5)");
        Console.WriteLine($"ratio       : {reader / bare:F2}× (goal ≤ 1.1×)");
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

    private static (long, long, double, decimal) BareLoop(DuckDBConnection connection)
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
                var va = (long*)NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, 0));
                var vb = (int*)NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, 1));
                var vc = (double*)NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, 2));
                var vd = (long*)NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, 3));
                for (var i = 0; i < n; i++)
                {
                    a += va[i];
                    b += vb[i];
                    c += vc[i];
                    var cents = (ulong)Math.Abs(vd[i]);
                    d += new decimal((int)cents, (int)(cents >> 32), 0, vd[i] < 0, 2);
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
