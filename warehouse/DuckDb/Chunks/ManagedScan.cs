using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.DuckDb.Chunks;

/// <summary>
/// A table function, <c>managed_scan(id)</c>, whose rows come from an <see cref="IChunkSource"/>:
/// <c>COPY (SELECT ... FROM managed_scan(7)) TO 'x.parquet'</c> streams managed rows straight into
/// DuckDB's writer, on DuckDB's threads, without a table in between. Open a scan over a source,
/// use <see cref="Sql"/> in a query, dispose the scan afterwards.
/// </summary>
public sealed unsafe class ManagedScan : IDisposable
{
    public const string FunctionName = "managed_scan";

    private static readonly ConcurrentDictionary<long, ManagedScan> OpenScans = new();
    private static long _lastId;

    private readonly IChunkSource _source;
    private readonly ConcurrentQueue<ExceptionDispatchInfo> _errors = new();

    private ManagedScan(IChunkSource source)
    {
        _source = source;
        Id = Interlocked.Increment(ref _lastId);
        OpenScans[Id] = this;
    }

    public long Id { get; }

    /// <summary>The FROM-clause call for this scan (the id is ours, never user input).</summary>
    public string Sql => $"{FunctionName}({Id})";

    public static ManagedScan Over(IChunkSource source) => new(source);

    /// <summary>
    /// When the query failed because the source threw, throws that exception (with its own stack)
    /// rather than DuckDB's copy of its message. A source stops its other threads with
    /// <see cref="OperationCanceledException"/>, so the first other exception is the cause.
    /// </summary>
    public void ThrowIfSourceFailed()
    {
        var errors = _errors.ToArray();
        (errors.FirstOrDefault(e => e.SourceException is not OperationCanceledException) ?? errors.FirstOrDefault())?.Throw();
    }

    public void Dispose() => OpenScans.TryRemove(Id, out _);

    /// <summary>Adds <c>managed_scan</c> to the open connection's database (registering it again is harmless).</summary>
    public static void Register(DuckDBConnection connection)
    {
        // DuckDB.NET hands out its duckdb_connection; the function lives in the database, so the handle need only outlive this call.
        var handle = connection.NativeConnection.DangerousGetHandle();
        var function = NativeMethods.duckdb_create_table_function();
        try
        {
            NativeMethods.duckdb_table_function_set_name(function, FunctionName);
            var bigint = NativeMethods.duckdb_create_logical_type(DuckDbType.BigInt);
            NativeMethods.duckdb_table_function_add_parameter(function, bigint);
            NativeMethods.duckdb_destroy_logical_type(ref bigint);
            NativeMethods.duckdb_table_function_set_bind(function, &Bind);
            NativeMethods.duckdb_table_function_set_init(function, &Init);
            NativeMethods.duckdb_table_function_set_function(function, &Scan);
            if (NativeMethods.duckdb_register_table_function(handle, function) != DuckDbState.Success)
                throw new InvalidOperationException($"DuckDB refused to register {FunctionName}.");
        }
        finally { NativeMethods.duckdb_destroy_table_function(ref function); }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        var parameter = NativeMethods.duckdb_bind_get_parameter(info, 0);
        var id = NativeMethods.duckdb_get_int64(parameter);
        NativeMethods.duckdb_destroy_value(ref parameter);
        if (!OpenScans.TryGetValue(id, out var scan))
        {
            NativeMethods.duckdb_bind_set_error(info, $"{FunctionName}({id}): no such scan is open");
            return;
        }
        foreach (var (name, type) in scan._source.Columns)
        {
            var logical = type.CreateLogicalType();
            NativeMethods.duckdb_bind_add_result_column(info, name, logical);
            NativeMethods.duckdb_destroy_logical_type(ref logical);
        }
        // The bind data is the id itself, not memory: nothing to free.
        NativeMethods.duckdb_bind_set_bind_data(info, (IntPtr)id, &Forget);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info)
    {
        if (OpenScans.TryGetValue((long)NativeMethods.duckdb_init_get_bind_data(info), out var scan))
            NativeMethods.duckdb_init_set_max_threads(info, (ulong)Math.Max(1, scan._source.MaxThreads));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Scan(IntPtr info, IntPtr output)
    {
        var id = (long)NativeMethods.duckdb_function_get_bind_data(info);
        if (!OpenScans.TryGetValue(id, out var scan))
        {
            NativeMethods.duckdb_function_set_error(info, $"{FunctionName}({id}) was closed while DuckDB read it");
            return;
        }
        try
        {
            var writer = new ChunkWriter(output, scan._source.Columns.Count);
            scan._source.Fill(writer);
            writer.Seal();
        }
        catch (Exception e)
        {
            // An exception must not cross into native code: keep it for the caller, fail the query.
            scan._errors.Enqueue(ExceptionDispatchInfo.Capture(e));
            NativeMethods.duckdb_function_set_error(info, e.Message);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Forget(IntPtr data) { }
}
