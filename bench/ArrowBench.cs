using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;

namespace Analytics.Bench;

/// <summary>
/// Arrow export of a large result: a generated Parquet file of N rows × 4 columns (BIGINT, VARCHAR, DATE,
/// DECIMAL(14,2)) read by DuckDB and handed over as Arrow record batches by DuckDB.NET's
/// ExecuteArrowBatchesAsync, (1) batches only, (2) written as an Arrow IPC stream; against (3) the same
/// query through the data reader into Apache.Arrow builders. Rows/s (median of three) and peak RSS (VmHWM, reset before each run).
/// </summary>
public static class ArrowBench
{
    private const string Columns = "a, b, c, d";

    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0]) : 10_000_000;
        var folder = Directory.CreateTempSubdirectory("arrow-bench-").FullName;
        try
        {
            var file = Path.Combine(folder, "t.parquet");
            using var database = DuckDbDataSource.InMemory(("threads", "2"));
            using var connection = database.OpenConnection();
            connection.ExecuteNonQuery(ParquetCopy.Statement(
                $"SELECT i::BIGINT AS a, 'city-' || (i % 1000) AS b, DATE '2020-01-01' + (i % 2000)::INTEGER AS c, ((i % 100000) / 100)::DECIMAL(14,2) AS d FROM range({rows}) r(i)", file));
            var query = $"SELECT {Columns} FROM read_parquet('{file.Replace("'", "''")}')";
            Console.WriteLine($"arrow bench: {rows:N0} rows × 4 columns (BIGINT, VARCHAR, DATE, DECIMAL(14,2)) from a {new FileInfo(file).Length / (1024 * 1024)} MiB Parquet file, DuckDB threads=2");

            Measure("ExecuteArrowBatchesAsync, batches   ", rows, () => Batches(connection, query, null));
            Measure("ExecuteArrowBatchesAsync → IPC stream", rows, () => Batches(connection, query, Stream.Null));
            Measure("data reader → Arrow builders         ", rows, () => Builders(connection, query));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Three runs (the machine is shared: the median speaks for it); peak RSS is the highest of the three.</summary>
    private static void Measure(string name, long rows, Func<long> run)
    {
        var (seconds, peak) = (new List<double>(), 0L);
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            ResetPeak();
            var clock = Stopwatch.StartNew();
            var counted = run();
            seconds.Add(clock.Elapsed.TotalSeconds);
            if (counted != rows) throw new InvalidOperationException($"{name}: {counted} rows, expected {rows}");
            peak = Math.Max(peak, PeakMiB());
        }
        var median = seconds.Order().ElementAt(1);
        Console.WriteLine($"{name}: {median,6:F2} s, {rows / median / 1e6,5:F2} M rows/s (median of 3: {string.Join(" / ", seconds.Select(s => s.ToString("F2")))} s), peak RSS {peak} MiB");
    }

    private static long Batches(DuckDBConnection connection, string query, Stream? ipc)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        long rows = 0;
        ArrowStreamWriter? writer = null;
        try
        {
            foreach (var batch in Sync(command.ExecuteArrowBatchesAsync(CancellationToken.None)))
                using (batch)
                {
                    if (ipc is not null)
                    {
                        writer ??= new ArrowStreamWriter(ipc, batch.Schema, leaveOpen: true);
                        writer.WriteRecordBatch(batch);
                    }
                    rows += batch.Length;
                }
            writer?.WriteEnd();
        }
        finally
        {
            writer?.Dispose();
        }
        return rows;
    }

    private static long Builders(DuckDBConnection connection, string query)
    {
        using var command = connection.CreateCommand();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        long rows = 0;
        const int BatchRows = 2048;
        while (true)
        {
            var (a, b, c, d) = (new Int64Array.Builder(), new StringArray.Builder(), new Date32Array.Builder(), new Decimal128Array.Builder(new Decimal128Type(14, 2)));
            var n = 0;
            while (n < BatchRows && reader.Read())
            {
                a.Append(reader.GetInt64(0));
                b.Append(reader.GetString(1));
                c.Append(reader.GetFieldValue<DateOnly>(2));
                d.Append(reader.GetDecimal(3));
                n++;
            }
            if (n == 0) break;
            using var arrays = new RecordBatch.Builder().Append("a", false, a.Build()).Append("b", false, b.Build())
                .Append("c", false, c.Build()).Append("d", false, d.Build()).Build();
            rows += n;
        }
        return rows;
    }

    private static IEnumerable<T> Sync<T>(IAsyncEnumerable<T> source)
    {
        var enumerator = source.GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult()) yield return enumerator.Current;
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    // Writing 5 to clear_refs resets the kernel's peak-RSS mark (VmHWM) to the current RSS.
    private static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long PeakMiB() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
}
