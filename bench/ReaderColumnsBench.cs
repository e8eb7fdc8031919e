using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Analytics.Bench;

/// <summary>
/// The reader bench's columns one at a time: a 1-column query per type, read by a bare chunk loop,
/// by DuckDB.NET's reader (Read only; a typed read by ordinal; IsDBNull then the typed read), by
/// and by <see cref="MartRow"/>, alternated round by round: which column and
/// getter carry the reader bench's overhead. Every way reads its value through a delegate (the
/// bare loop too), so the differences are the readers' own. Figures: CPU-time medians, as ns per row
/// over the bare loop. Usage: reader-columns [rows] [rounds].
/// </summary>
public static unsafe class ReaderColumnsBench
{
    private static int rounds;

    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0]) : 10_000_000;
        rounds = args.Length > 1 ? int.Parse(args[1]) : 9;
        using var database = DuckDbDataSource.InMemory(("threads", "2"));
        using var connection = database.OpenConnection();
        connection.ExecuteNonQuery($"CREATE TABLE t AS SELECT i::BIGINT AS a, (i % 100000)::INTEGER AS b, i / 3.0 AS c, ((i % 10000) / 100)::DECIMAL(14,2) AS d FROM range({rows}) r(i)");
        Console.WriteLine($"reader columns bench: {rows:N0} rows, one column at a time; CPU-time medians of {rounds} rounds, ns per row over the bare loop");
        Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
        Column<long>(connection, "a", 8, p => ((long*)p)[0], (r, i) => r.GetInt64(i), (m, n) => m.Field<long>(n));
        Column<long>(connection, "b", 4, p => ((int*)p)[0], (r, i) => r.GetInt32(i), (m, n) => m.Field<int>(n));
        Column<double>(connection, "c", 8, p => ((double*)p)[0], (r, i) => r.GetDouble(i), (m, n) => m.Field<double>(n));
        Column<decimal>(connection, "d", 8, p => { var v = ((long*)p)[0]; var u = (ulong)Math.Abs(v); return new decimal((int)u, (int)(u >> 32), 0, v < 0, 2); },
            (r, i) => r.GetDecimal(i), (m, n) => m.Field<decimal>(n));
        Console.WriteLine($"load average at end:   {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Column<T>(DuckDBConnection connection, string column, int width, Func<nint, T> bareValue,
        Func<DuckDBDataReader, int, T> readerValue, Func<MartRow, string, T> martValue) where T : struct, System.Numerics.IAdditionOperators<T, T, T>
    {
        var query = $"SELECT {column} FROM t";
        var ways = new (string Name, Func<object> Read)[]
        {
            ("bare", () => Bare(connection, query, width, bareValue)),
            ("Read() only", () => { long n = 0; using var c = connection.CreateCommand(); c.CommandText = query; using var r = c.ExecuteReader(); while (r.Read()) n++; return n; }),
            ("typed getter", () => { T s = default; using var c = connection.CreateCommand(); c.CommandText = query; using var r = c.ExecuteReader(); while (r.Read()) s += readerValue(r, 0); return s; }),
            ("IsDBNull+getter", () => { T s = default; using var c = connection.CreateCommand(); c.CommandText = query; using var r = c.ExecuteReader(); while (r.Read()) if (!r.IsDBNull(0)) s += readerValue(r, 0); return s; }),
            ("MartRow", () => { T s = default; using var c = connection.CreateCommand(); c.CommandText = query; using var r = c.ExecuteReader(); var m = new MartRow(r); while (m.Read()) s += martValue(m, column); return s; }),
        };
        var times = ways.Select(_ => new List<double>()).ToArray();
        long rows;
        using (var count = connection.CreateCommand()) { count.CommandText = "SELECT count(*) FROM t"; rows = Convert.ToInt64(count.ExecuteScalar()); }
        for (var round = 0; round < rounds; round++)
            for (var w = 0; w < ways.Length; w++)
            {
                var before = Environment.CpuUsage.TotalTime;
                ways[w].Read();
                times[w].Add((Environment.CpuUsage.TotalTime - before).TotalMilliseconds);
            }
        var bare = Median(times[0]);
        Console.WriteLine($"{column} ({typeof(T).Name}): bare {bare:F0} ms; " + string.Join(", ", ways.Skip(1).Select((w, i) =>
            $"{w.Name} {(Median(times[i + 1]) - bare) * 1e6 / rows:+0.0;-0.0;0.0} ns")));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static T Bare<T>(DuckDBConnection connection, string query, int width, Func<nint, T> value) where T : struct, System.Numerics.IAdditionOperators<T, T, T>
    {
        NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, query, out var statement);
        using var _ = statement;
        NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(statement, out var result);
        T sum = default;
        try
        {
            while (true)
            {
                using var chunk = NativeMethods.StreamingResult.DuckDBStreamFetchChunk(result);
                if (chunk.IsInvalid) break;
                var n = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
                if (n == 0) break;
                var data = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, 0));
                for (var i = 0; i < n; i++) sum += value((nint)(data + (long)i * width));
            }
        }
        finally
        {
            NativeMethods.Query.DuckDBDestroyResult(ref result);
        }
        return sum;
    }
}
