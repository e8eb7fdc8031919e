using System.Collections.Concurrent;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// One native database per file per process, shared by every connection to that file: DuckDB
/// allows a single read-write opener of a file, so opening it twice in one process would fail.
/// The database closes when its last connection closes. Options apply when it is first opened.
/// In-memory databases are private to their connection.
/// </summary>
internal sealed class DuckDbDatabase
{
    private static readonly ConcurrentDictionary<string, DuckDbDatabase> Open = new();
    private static readonly object Gate = new();

    private IntPtr _handle;
    private int _references;
    private readonly string? _key;

    private DuckDbDatabase(IntPtr handle, string? key)
    {
        _handle = handle;
        _key = key;
    }

    public IntPtr Handle => _handle;

    public static DuckDbDatabase Acquire(DuckDbConnectionStringBuilder settings)
    {
        if (settings.IsInMemory)
            return new DuckDbDatabase(OpenNative(null, settings), null) { _references = 1 };

        var key = Path.GetFullPath(settings.DataSource);
        lock (Gate)
        {
            if (!Open.TryGetValue(key, out var db))
            {
                db = new DuckDbDatabase(OpenNative(key, settings), key);
                Open[key] = db;
            }
            db._references++;
            return db;
        }
    }

    public void Release()
    {
        lock (Gate)
        {
            if (--_references > 0) return;
            if (_key is not null) Open.TryRemove(_key, out _);
            NativeMethods.duckdb_close(ref _handle);
        }
    }

    private static IntPtr OpenNative(string? path, DuckDbConnectionStringBuilder settings)
    {
        if (NativeMethods.duckdb_create_config(out var config) != DuckDbState.Success)
            throw new DuckDbException("DuckDB could not allocate a configuration.");
        try
        {
            foreach (var (name, value) in settings.Options)
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                    throw new DuckDbException($"Unknown or invalid DuckDB option '{name}={value}'.");

            if (NativeMethods.duckdb_open_ext(path, out var db, config, out var error) != DuckDbState.Success)
            {
                var message = NativeMethods.PtrToString(error) ?? "unknown error";
                NativeMethods.duckdb_free(error);
                throw new DuckDbException($"Cannot open DuckDB database '{path ?? DuckDbConnectionStringBuilder.InMemory}': {message}");
            }
            return db;
        }
        finally
        {
            NativeMethods.duckdb_destroy_config(ref config);
        }
    }
}
