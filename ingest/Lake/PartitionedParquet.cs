using DuckDB.NET.Data;
using System.Collections.Concurrent;
using Analytics.Ingest.Schema;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.DuckDb.Chunks;

namespace Analytics.Ingest.Lake;

/// <summary>
/// One inbox file's valid rows, bucketed by partition (year, month) in DuckDB data chunks and
/// written a partition at a time as plain single-file Parquet COPYs, each fed zero-copy from the
/// chunks. DuckDB's own PARTITION_BY costs about twice a single-file COPY (even for one
/// partition), which is why the bucketing is ours. Buffered rows are bounded by their bytes: when
/// they pass the budget the largest partition is written out, so a large file spanning many months
/// gives a few files per month, and a typical monthly delivery one. Partitions are written by one
/// DuckDB connection per core, each a single-threaded COPY, while the workers go on validating;
/// the partitions handed over but not yet written are bounded by the same budget, so whatever the
/// rows hold, the chunks in memory stay within twice the budget.
/// </summary>
internal sealed class PartitionedParquet : IDisposable
{
    private readonly IReadOnlyList<DuckDBConnection> _writers;
    private readonly ConcurrentBag<DataChunk> _pool = [];
    private readonly Lock _writtenGate = new();
    private readonly DatasetSchema _schema;
    private readonly ChunkRows _chunkRows;
    private readonly Func<string, string> _stagedPath;
    private readonly string _filePrefix;
    private readonly int _fixedPartition;
    private readonly long _budgetBytes;
    private readonly long _maxRowsPerFile;
    private readonly ConcurrentDictionary<int, Partition> _partitions = new();
    private readonly BlockingCollection<(int Key, int Part, List<DataChunk> Chunks, long Bytes)> _queue = new(boundedCapacity: 2);
    private readonly Lock _detachGate = new();
    private long _bufferedBytes;
    private readonly object _handedOverGate = new();
    private long _handedOverBytes;

    /// <summary>
    /// A row's fixed-width slots and short texts, as the row budget (Ingest:BufferedRows) counts
    /// them; texts (up to Ingest:MaxFieldChars each) add their own bytes, so rows of long texts are
    /// bounded by what they really hold.
    /// </summary>
    private const long BytesPerRow = 150;

    /// <summary>
    /// A chunk takes no more rows past these bytes: DuckDB's COPY closes a row group at
    /// ROW_GROUP_SIZE_BYTES only between chunks, and a full chunk of long texts would be 200 MB.
    /// </summary>
    private const long MaxChunkBytes = 4 << 20;

    /// <param name="stagedPath">Maps a lake path (dataset/year=…/month=…/file) to where the batch stages it.</param>
    /// <param name="fixedPartition">yyyyMM for datasets without a date to partition by (the ingest month).</param>
    public PartitionedParquet(IReadOnlyList<DuckDBConnection> writers, DatasetSchema schema, ChunkRows chunkRows, Func<string, string> stagedPath,
        string filePrefix, int fixedPartition, long budgetRows, long maxRowsPerFile)
    {
        _writers = writers;
        _schema = schema;
        _chunkRows = chunkRows;
        _stagedPath = stagedPath;
        _filePrefix = filePrefix;
        _fixedPartition = fixedPartition;
        _budgetBytes = budgetRows * BytesPerRow;
        _maxRowsPerFile = maxRowsPerFile;
        _newChunk = NewChunk;
    }

    // Made once: a method group converted where it is passed would be a new delegate for every row.
    private readonly Func<DataChunk> _newChunk;

    /// <summary>Files written so far: lake path and rows.</summary>
    public List<LakeFile> Written { get; } = [];

    /// <summary>Adds a block's valid rows (called by several workers at once); may block while earlier rows are written out.</summary>
    public void Add(ParsedRow[] rows, bool[] valid, int count, CancellationToken cancellation)
    {
        // Group the block's rows by partition (a block usually spans few months), then lock each partition once.
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < count; i++)
        {
            if (!valid[i]) continue;
            var key = PartitionOf(rows[i]);
            if (!groups.TryGetValue(key, out var members)) groups[key] = members = [];
            members.Add(i);
        }
        long addedBytes = 0;
        foreach (var (key, members) in groups)
        {
            var partition = _partitions.GetOrAdd(key, _ => new Partition());
            lock (partition.Gate)
            {
                var before = partition.Bytes;
                foreach (var i in members) partition.Write(_chunkRows, rows[i], _newChunk);
                addedBytes += partition.Bytes - before;
            }
        }
        Interlocked.Add(ref _bufferedBytes, addedBytes);
        lock (_detachGate)
        {
            foreach (var key in groups.Keys)
                if (_partitions[key] is { } full && full.Rows >= _maxRowsPerFile) Enqueue(key, full, cancellation);
            while (Interlocked.Read(ref _bufferedBytes) > _budgetBytes)
            {
                var (key, largest) = _partitions.MaxBy(p => p.Value.Bytes);
                if (largest.Rows == 0) break;
                Enqueue(key, largest, cancellation);
            }
        }
    }

    private void Enqueue(int key, Partition partition, CancellationToken cancellation)
    {
        List<DataChunk> chunks;
        int part;
        long bytes;
        lock (partition.Gate) (bytes, chunks, part) = (partition.Bytes, partition.Detach(), partition.Parts++);
        Interlocked.Add(ref _bufferedBytes, -bytes);
        WaitForRoom(bytes, cancellation);
        _queue.Add((key, part, chunks, bytes), cancellation);
    }

    /// <summary>
    /// Waits until the partitions handed over and not yet written leave room for <paramref name="bytes"/>
    /// within the budget (one partition is always let through, however large).
    /// </summary>
    private void WaitForRoom(long bytes, CancellationToken cancellation)
    {
        lock (_handedOverGate)
        {
            while (_handedOverBytes > 0 && _handedOverBytes + bytes > _budgetBytes)
            {
                cancellation.ThrowIfCancellationRequested();
                Monitor.Wait(_handedOverGate, TimeSpan.FromMilliseconds(100));   // woken by Release; the timeout only rechecks cancellation
            }
            _handedOverBytes += bytes;
        }
    }

    private void Release(long bytes)
    {
        lock (_handedOverGate)
        {
            _handedOverBytes -= bytes;
            Monitor.PulseAll(_handedOverGate);
        }
    }

    private DataChunk NewChunk() => _pool.TryTake(out var chunk) ? chunk : new DataChunk(_chunkRows.Columns.Select(c => c.Type).ToArray());

    private int PartitionOf(ParsedRow row)
    {
        if (_schema.PartitionBy is not { } column) return _fixedPartition;
        var date = DateOnly.FromDayNumber((int)row.Numbers[column]);
        return date.Year * 100 + date.Month;
    }

    /// <summary>Hands every partition still buffered to the writers (the workers are done).</summary>
    public void EnqueueRemaining(CancellationToken cancellation)
    {
        foreach (var (key, partition) in _partitions.OrderBy(p => p.Key))
            if (partition.Rows > 0) Enqueue(key, partition, cancellation);
    }

    /// <summary>No more partitions will be handed over: <see cref="WriteQueued"/> returns once all are written.</summary>
    public void CompleteAdding() => _queue.CompleteAdding();

    /// <summary>Writes partitions as they are handed over, on every writer connection, until <see cref="CompleteAdding"/>.</summary>
    public void WriteQueued(CancellationTokenSource stop)
    {
        var writers = _writers.Select(w => Task.Factory.StartNew(() => Drain(w, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try { Task.WaitAll(writers); }
        catch (AggregateException e) { Failures.ThrowCause(e.InnerExceptions); }
    }

    private void Drain(DuckDBConnection writer, CancellationTokenSource stop)
    {
        try
        {
            foreach (var (key, part, chunks, bytes) in _queue.GetConsumingEnumerable(stop.Token))
            {
                try { Write(writer, key, part, chunks); }
                finally { Release(bytes); }
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }

    private void Write(DuckDBConnection writer, int key, int part, List<DataChunk> chunks)
    {
        try
        {
            var rows = chunks.Sum(c => (long)c.Rows);
            // Named by partition and part, not by write order: the same input gives the same file names.
            var lakePath = $"{_schema.Name}/year={key / 100:D4}/month={key % 100:D2}/{_filePrefix}_{part}.parquet";
            lock (_writtenGate) Written.Add(new LakeFile(_schema.Name, lakePath, rows));
            var target = _stagedPath(lakePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var scan = ManagedScan.Over(new ChunkList(_chunkRows.Columns, chunks));
            writer.ExecuteNonQuery($"COPY (SELECT * FROM {scan.Sql}) TO {Sql.Literal(target)} {Sql.LakeParquet}");
        }
        catch
        {
            chunks.ForEach(c => c.Dispose());
            throw;
        }
        foreach (var chunk in chunks)
        {
            chunk.Reset();
            _pool.Add(chunk);
        }
    }

    /// <summary>Deletes what was written (the file failed after all).</summary>
    public void DeleteWritten()
    {
        lock (_writtenGate)
        {
            foreach (var file in Written) File.Delete(_stagedPath(file.Path));
            Written.Clear();
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var (_, _, chunks, _) in _queue.GetConsumingEnumerable()) chunks.ForEach(c => c.Dispose());
        foreach (var partition in _partitions.Values) partition.Detach().ForEach(c => c.Dispose());
        while (_pool.TryTake(out var chunk)) chunk.Dispose();
        _queue.Dispose();
    }

    /// <summary>A partition's buffered rows: full chunks and the one being filled.</summary>
    private sealed class Partition
    {
        private List<DataChunk> _chunks = [];
        private DataChunk? _current;
        private long _currentBytes;

        public Lock Gate { get; } = new();
        public long Rows { get; private set; }

        /// <summary>Bytes of the rows buffered (see <see cref="BytesPerRow"/>).</summary>
        public long Bytes { get; private set; }

        /// <summary>Parts handed out to be written so far (each becomes one file).</summary>
        public int Parts { get; set; }

        public void Write(ChunkRows chunkRows, ParsedRow row, Func<DataChunk> newChunk)
        {
            if (_current is null || _current.Writer.IsFull || _currentBytes >= MaxChunkBytes)
            {
                _current = newChunk();
                _chunks.Add(_current);
                _currentBytes = 0;
            }
            var bytes = BytesPerRow + chunkRows.Write(_current.Writer, row);
            _currentBytes += bytes;
            Bytes += bytes;
            Rows++;
        }

        public List<DataChunk> Detach()
        {
            var chunks = _chunks;
            _chunks = [];
            _current = null;
            Rows = 0;
            Bytes = 0;
            return chunks;
        }
    }

    /// <summary>Buffered chunks as a scan: each call hands DuckDB the next chunk, zero-copy.</summary>
    private sealed class ChunkList(IReadOnlyList<(string Name, ChunkColumn Type)> columns, List<DataChunk> chunks) : IChunkSource
    {
        private int _next = -1;

        public IReadOnlyList<(string Name, ChunkColumn Type)> Columns => columns;
        public int MaxThreads => Environment.ProcessorCount;

        public void Fill(ChunkWriter chunk)
        {
            var i = Interlocked.Increment(ref _next);
            if (i < chunks.Count) chunk.Reference(chunks[i]);
        }
    }
}
