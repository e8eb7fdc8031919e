using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Bench;

/// <summary>
/// The data reader against a bare chunk loop over the C API, reading the same 4-column result
/// (BIGINT, INTEGER, DOUBLE, DECIMAL(14,2)) and computing the same checksum. Goal: ≤ 1.5×.
/// </summary>
public static unsafe class ReaderBench
{
    private const string Query = "SELECT a, b, c, d FROM t";

    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0]) : 10_000_000;
        using var connection = new DuckDbConnection("Data Source=:memory:;threads=2");
        connection.Open();
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
        Console.WriteLine($"data reader : {reader,8:F0} ms (median of 5)");
        Console.WriteLine($"bare C loop : {bare,8:F0} ms (median of 5)");
        Console.WriteLine($"ratio       : {reader / bare:F2}× (goal ≤ 1.5×)");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static (long, long, double, decimal) ThroughReader(DuckDbConnection connection)
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

    private static (long, long, double, decimal) BareLoop(DuckDbConnection connection)
    {
        // The same streaming execution, straight through the C API with no per-value checks.
        var sql = System.Text.Encoding.UTF8.GetBytes(Query + "\0");
        var connectionHandle = connection.NativeHandle;
        IntPtr statement;
        fixed (byte* p = sql) NativeMethods.duckdb_prepare(connectionHandle, p, out statement);
        NativeMethods.duckdb_execute_prepared_streaming(statement, out var result);
        long a = 0, b = 0; double c = 0; decimal d = 0;
        try
        {
            while (true)
            {
                var chunk = NativeMethods.duckdb_fetch_chunk(result);
                if (chunk == IntPtr.Zero) break;
                var n = (int)NativeMethods.duckdb_data_chunk_get_size(chunk);
                var va = (long*)NativeMethods.duckdb_vector_get_data(NativeMethods.duckdb_data_chunk_get_vector(chunk, 0));
                var vb = (int*)NativeMethods.duckdb_vector_get_data(NativeMethods.duckdb_data_chunk_get_vector(chunk, 1));
                var vc = (double*)NativeMethods.duckdb_vector_get_data(NativeMethods.duckdb_data_chunk_get_vector(chunk, 2));
                var vd = (long*)NativeMethods.duckdb_vector_get_data(NativeMethods.duckdb_data_chunk_get_vector(chunk, 3));
                for (var i = 0; i < n; i++)
                {
                    a += va[i];
                    b += vb[i];
                    c += vc[i];
                    d += ValueConversions.DecimalFromUnscaled(vd[i], 2);
                }
                NativeMethods.duckdb_destroy_data_chunk(ref chunk);
            }
        }
        finally
        {
            NativeMethods.duckdb_destroy_result(ref result);
            NativeMethods.duckdb_destroy_prepare(ref statement);
        }
        return (a, b, c, d);
    }
}
