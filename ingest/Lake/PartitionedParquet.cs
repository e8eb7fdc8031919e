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
/// gives a few files per month, and a typical monthly delivery one. Each worker thread buffers into
/// its own lane (its own chunks per partition), so it writes a block's rows in file order without
/// taking a lock per row or waiting for the other workers; handing a partition to the writers takes
/// every lane's chunks of it. Partitions are written by one
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
    private readonly ThreadLocal<Lane> _lanes = new(() => new Lane(), trackAllValues: true);
    // Under _detachGate: per partition, the rows and bytes the lanes have counted in, and the files handed out so far.
    private readonly Dictionary<int, (long Rows, long Bytes)> _buffered = [];
    private readonly Dictionary<int, int> _parts = [];
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
        var lane = _lanes.Value!;
        lock (lane.Gate)
        {
            // Rows in file order: each row's values are read once, while the next rows are on their way into the cache.
            Partition? partition = null;
            var partitionKey = int.MinValue;
            for (var i = 0; i < count; i++)
            {
                if (!valid[i]) continue;
                var key = PartitionOf(rows[i]);
                if (key != partitionKey)
                {
                    if (!lane.Partitions.TryGetValue(key, out partition)) lane.Partitions[key] = partition = new Partition();
                    partitionKey = key;
                }
                partition!.Write(_chunkRows, rows[i], _newChunk);
            }
        }
        lock (_detachGate)
        {
            // Only this worker writes its lane, and partitions are taken only under this gate: its counts hold still here.
            List<int>? full = null;
            foreach (var (key, partition) in lane.Partitions)
            {
                var (newRows, newBytes) = partition.Uncounted();
                if (newRows == 0) continue;
                var (totalRows, totalBytes) = _buffered.GetValueOrDefault(key);
                _buffered[key] = (totalRows + newRows, totalBytes + newBytes);
                _bufferedBytes += newBytes;
                if (totalRows + newRows >= _maxRowsPerFile) (full ??= []).Add(key);
            }
            foreach (var key in full ?? []) Enqueue(key, cancellation);
            while (_bufferedBytes > _budgetBytes)
            {
                var (largest, (largestRows, _)) = _buffered.MaxBy(p => p.Value.Bytes);
                if (largestRows == 0) break;
                Enqueue(largest, cancellation);
            }
        }
    }

    /// <summary>Takes every lane's rows of the partition and hands them to the writers as one file (under <see cref="_detachGate"/>).</summary>
    private void Enqueue(int key, CancellationToken cancellation)
    {
        var chunks = new List<DataChunk>();
        long rows = 0, bytes = 0;
        foreach (var lane in _lanes.Values)
            lock (lane.Gate)
                if (lane.Partitions.GetValueOrDefault(key) is { Rows: > 0 } partition)
                {
                    var (counted, countedBytes) = partition.Counted;
                    rows += counted;
                    bytes += countedBytes;
                    chunks.AddRange(partition.Detach());
                }
        // Rows a worker wrote but has not counted yet go out with these, never counted at all.
        var (bufferedRows, bufferedBytes) = _buffered[key];
        _buffered[key] = (bufferedRows - rows, bufferedBytes - bytes);
        _bufferedBytes -= bytes;
        if (chunks.Count == 0) return;
        var part = _parts.GetValueOrDefault(key);
        _parts[key] = part + 1;
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
        lock (_detachGate)
            foreach (var key in _buffered.Keys.Order().ToList())
                Enqueue(key, cancellation);
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
        foreach (var partition in _lanes.Values.SelectMany(l => l.Partitions.Values)) partition.Detach().ForEach(c => c.Dispose());
        _lanes.Dispose();
        while (_pool.TryTake(out var chunk)) chunk.Dispose();
        _queue.Dispose();
    }

    /// <summary>One worker's buffered partitions (taken whole, under <see cref="Gate"/>, when a partition is handed over).</summary>
    private sealed class Lane
    {
        public Lock Gate { get; } = new();
        public Dictionary<int, Partition> Partitions { get; } = [];
    }

    /// <summary>A lane's buffered rows of one partition: full chunks and the one being filled.</summary>
    private sealed class Partition
    {
        private List<DataChunk> _chunks = [];
        private DataChunk? _current;
        private long _currentBytes;

        public long Rows { get; private set; }

        /// <summary>Bytes of the rows buffered (see <see cref="BytesPerRow"/>).</summary>
        public long Bytes { get; private set; }

        /// <summary>Rows and bytes already counted in the buffered totals.</summary>
        public (long Rows, long Bytes) Counted { get; private set; }

        /// <summary>Rows and bytes written since they were last counted; counts them.</summary>
        public (long Rows, long Bytes) Uncounted()
        {
            var uncounted = (Rows - Counted.Rows, Bytes - Counted.Bytes);
            Counted = (Rows, Bytes);
            return uncounted;
        }

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
            Counted = (0, 0);
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
