using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// One DuckDB database file and the connections to it, as Npgsql's NpgsqlDataSource is for a
/// PostgreSQL server: create one per database, share it, open connections from it. The first
/// connection opens the database and the data source keeps it open until disposed, so later
/// connections are cheap and DuckDB's single read-write opener per file is this process.
/// (<see cref="InMemory"/> is the exception: DuckDB.NET gives each <c>:memory:</c> connection a
/// database of its own.) Every command of its connections streams its result (see <see cref="StreamingConnection"/>).
/// </summary>
public sealed class DuckDbDataSource : DbDataSource
{
    private readonly object _gate = new();
    private DuckDBConnection? _anchor;
    private bool _disposed;

    private readonly bool _deleteOnDispose;

    private DuckDbDataSource(string dataSource, string? path, IEnumerable<(string Name, string Value)> options, bool deleteOnDispose = false)
    {
        Path = path;
        _deleteOnDispose = deleteOnDispose;
        var builder = new DbConnectionStringBuilder { ["Data Source"] = dataSource };
        foreach (var (name, value) in options) builder[name] = value;
        ConnectionString = builder.ConnectionString;
    }

    /// <summary>
    /// The database file at <paramref name="path"/> (created on first open), with DuckDB options
    /// (<c>access_mode=READ_ONLY</c>, <c>threads</c>, …) that apply when this process first opens it.
    /// </summary>
    public static DuckDbDataSource File(string path, params (string Name, string Value)[] options)
    {
        // DuckDB.NET shares one database per data-source string in a process: make equal files equal strings.
        var full = System.IO.Path.GetFullPath(path);
        return new DuckDbDataSource(full, full, options);
    }

    /// <summary>
    /// In-memory databases: every connection opened gets a new, private one (DuckDB.NET has no
    /// private database shared by several connections; use <see cref="Scratch"/> for that).
    /// </summary>
    public static DuckDbDataSource InMemory(params (string Name, string Value)[] options) => new(":memory:", null, options);

    /// <summary>A new database file in the temporary folder, shared by this data source's connections and deleted with it (tests, benchmarks).</summary>
    public static DuckDbDataSource Scratch(params (string Name, string Value)[] options)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "duckdb-scratch", $"{Guid.NewGuid():N}.duckdb");
        return new DuckDbDataSource(path, path, options, deleteOnDispose: true);
    }

    /// <summary>The database file, or null in memory.</summary>
    public string? Path { get; }

    /// <summary>True when the database is in memory or its file exists (a catalog before the first ingest does not).</summary>
    public bool Exists => Path is null || System.IO.File.Exists(Path);

    public override string ConnectionString { get; }

    public new DuckDBConnection OpenConnection()
    {
        var connection = CreateConnection();
        connection.Open();
        return connection;
    }

    public new DuckDBConnection CreateConnection() => (DuckDBConnection)CreateDbConnection();

    protected override DbConnection CreateDbConnection()
    {
        KeepOpen();
        return new StreamingConnection(ConnectionString);
    }

    private IQueryAdmission? _admission;
    private int _running;
    private int _peakRunning;

    /// <summary>From now on every <see cref="Use{T}"/> waits for <paramref name="admission"/>'s turn (the web host's query gate).</summary>
    public DuckDbDataSource AdmittedBy(IQueryAdmission admission)
    {
        _admission = admission;
        return this;
    }

    /// <summary>The most <see cref="Use{T}"/> calls that have run at the same moment (what an admission bounds).</summary>
    public int PeakRunning => Volatile.Read(ref _peakRunning);

    /// <summary>Opens a connection, runs <paramref name="work"/> on it, and closes it (after the admission's turn, if there is one).</summary>
    public T Use<T>(Func<DuckDBConnection, T> work) => _admission is { } admission ? admission.Run(() => UseNow(work)) : UseNow(work);

    private T UseNow<T>(Func<DuckDBConnection, T> work)
    {
        var running = Interlocked.Increment(ref _running);
        for (var peak = PeakRunning; running > peak; peak = PeakRunning)
            Interlocked.CompareExchange(ref _peakRunning, running, peak);
        try
        {
            using var connection = OpenConnection();
            return work(connection);
        }
        finally { Interlocked.Decrement(ref _running); }
    }

    /// <summary>Opens the database now rather than at the first query, so that its errors (another process's lock, a damaged file) surface here.</summary>
    public void EnsureOpen() => KeepOpen();

    private void KeepOpen()
    {
        if (_anchor is not null || Path is null) return;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_anchor is not null) return;
            if (Path is not null) Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var anchor = new StreamingConnection(ConnectionString);
            anchor.Open();
            _anchor = anchor;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            lock (_gate)
            {
                _disposed = true;
                _anchor?.Dispose();
                _anchor = null;
                if (_deleteOnDispose)
                    foreach (var file in new[] { Path!, Path + ".wal" })
                        if (System.IO.File.Exists(file)) System.IO.File.Delete(file);
            }
        base.Dispose(disposing);
    }
}
