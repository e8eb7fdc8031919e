using System.Collections.Concurrent;
using Analytics.Ingest.Lake;
using Analytics.Ingest.Reading;
using Analytics.Ingest.Schema;
using Analytics.Ingest.Validation;

namespace Analytics.Ingest;

/// <summary>
/// One inbox file's rows, validated on every core and handed to a <see cref="PartitionedParquet"/>.
/// Each worker takes the next block of records (read under a lock, so blocks are numbered in file
/// order), validates it, registers its keys in block order (the first row of a key wins, later
/// ones are rejected as duplicates), then adds what survives to the output. Violations are kept
/// and handed out in line order at the end.
/// </summary>
internal sealed class ValidatedRows
{
    private readonly IRecordSource _source;
    private readonly DatasetSchema _schema;
    private readonly PersonIdHasher _hasher;
    private readonly ChunkRows _chunkRows;
    private readonly RowValidator _validator;
    private readonly long _fileLength;
    private readonly Action<long> _report;
    private readonly CancellationToken _cancellation;
    private readonly List<Violation> _violations = [];
    private readonly string _keyColumn;
    private readonly int _threads;
    private readonly int _maxFutureDays;
    private readonly bool _invalidUtf8Throws;
    private readonly string? _sourceFile;

    private readonly Lock _readGate = new();
    private long _nextBlock;
    private bool _exhausted;
    private bool _validatorTaken;

    private readonly Lock _turnGate = new();
    private long _turn;
    private readonly Dictionary<long, Workspace> _waiting = [];
    private readonly ConcurrentBag<Workspace> _workspaces = [];
    private KeySet? _keys;

    // Blocks read but not yet handed to the output: bounded, so a stalled worker cannot make the others pile up blocks.
    private readonly SemaphoreSlim _inFlight = new(Environment.ProcessorCount * 4);
    private long _rowsIn;
    private long _rejected;
    private readonly int _maxViolations;
    private long _violationsLeftOut;

    /// <param name="parallel">Whether several threads may read: only when the source's headers are fixed (CSV).</param>
    /// <param name="maxViolations">Violations kept for the rejects file; later ones are only counted (<see cref="ViolationsLeftOut"/>).</param>
    /// <param name="invalidUtf8Throws">
    /// Whether a row that is not valid UTF-8 throws <see cref="System.Text.DecoderFallbackException"/> instead of being
    /// rejected: while the encoding was judged on the file's start only, such a row sends the file back to be judged whole.
    /// </param>
    public ValidatedRows(IRecordSource source, DatasetSchema schema, PersonIdHasher hasher, bool parallel, long fileLength,
        Action<long> report, CancellationToken cancellation, int maxViolations = int.MaxValue,
        int maxFutureDays = IngestOptions.DefaultMaxFutureDays, bool invalidUtf8Throws = false, string? sourceFile = null)
    {
        _sourceFile = sourceFile;
        _maxViolations = maxViolations;
        _maxFutureDays = maxFutureDays;
        _invalidUtf8Throws = invalidUtf8Throws;
        _source = source;
        _schema = schema;
        _hasher = hasher;
        _fileLength = fileLength;
        _report = report;
        _cancellation = cancellation;
        _chunkRows = new ChunkRows(schema);
        _keyColumn = string.Join("+", schema.KeyNames);
        _validator = new RowValidator(schema, hasher, maxFutureDays, sourceFile);
        _validator.BindHeaders(source.Headers); // a missing required column fails the file before DuckDB starts
        _threads = parallel ? Environment.ProcessorCount : 1;
    }

    public ChunkRows ChunkRows => _chunkRows;

    public IReadOnlyList<string> UnknownHeaders => _validator.UnknownHeaders;
    public long RowsIn => _rowsIn;
    public long Rejected => _rejected;

    /// <summary>Violations found but not kept, because <see cref="Violations"/> already held the rejects file's worth.</summary>
    public long ViolationsLeftOut => _violationsLeftOut;

    /// <summary>Every broken rule kept, in line order (a row's several violations keep their column order).</summary>
    public IEnumerable<Violation> Violations => _violations.OrderBy(v => v.Line);

    /// <summary>Reads, validates and hands over every row; the caller's thread writes Parquet meanwhile.</summary>
    public void WriteTo(PartitionedParquet output)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        var workers = Enumerable.Range(0, _threads)
            .Select(_ => Task.Factory.StartNew(() => Work(output, stop), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var feeding = Task.WhenAll(workers).ContinueWith(done =>
        {
            try { if (done.IsCompletedSuccessfully) output.EnqueueRemaining(stop.Token); }
            finally { output.CompleteAdding(); }
        }, TaskScheduler.Default);
        Exception? writeError = null;
        try { output.WriteQueued(stop); }
        catch (Exception e)
        {
            writeError = e;
            stop.Cancel();
        }
        try { Task.WaitAll([.. workers, feeding]); } catch (AggregateException) { }
        Failures.ThrowCause(workers.Append(feeding).Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).Prepend(writeError));
        _cancellation.ThrowIfCancellationRequested();
    }

    private void Work(PartitionedParquet output, CancellationTokenSource stop)
    {
        try
        {
            while (true)
            {
                _inFlight.Wait(stop.Token);
                var work = _workspaces.TryTake(out var pooled) ? pooled : NewWorkspace();
                if (!TryReadBlock(work, stop.Token, out var sequence))
                {
                    _workspaces.Add(work);
                    _inFlight.Release();
                    return;
                }
                Validate(work);
                // Blocks finish out of order; whoever completes the next block in line registers it and any that wait behind it.
                foreach (var done in Register(work, sequence))
                {
                    output.Add(done.Rows, done.Valid, done.Block.Count, stop.Token);
                    _workspaces.Add(done);
                    _inFlight.Release();
                }
            }
        }
        catch
        {
            // Whoever waits for room in the output must not wait forever.
            stop.Cancel();
            throw;
        }
    }

    /// <summary>Records per block: DuckDB's vector size, so a block's rows fit one chunk.</summary>
    private const int RowsPerBlock = 2048;

    private Workspace NewWorkspace()
    {
        const int capacity = RowsPerBlock;
        lock (_readGate)
        {
            // The first workspace uses the validator that collects unknown headers (JSON Lines may add some as it goes).
            var validator = _validatorTaken ? new RowValidator(_schema, _hasher, _maxFutureDays, _sourceFile) : _validator;
            if (_validatorTaken) validator.BindHeaders(_source.Headers);
            _validatorTaken = true;
            return new Workspace(new RecordBlock(_source.Headers, capacity), validator, _schema.Columns.Count);
        }
    }

    private bool TryReadBlock(Workspace work, CancellationToken stop, out long sequence)
    {
        lock (_readGate)
        {
            sequence = -1;
            stop.ThrowIfCancellationRequested();
            work.Block.Reset();
            while (!_exhausted && !work.Block.IsFull)
            {
                if (_source.Read()) work.Block.Add(_source);
                else _exhausted = true;
            }
            if (work.Block.Count == 0) return false;
            sequence = _nextBlock++;
            _rowsIn += work.Block.Count;
            if (sequence == 0) _keys = new KeySet(EstimateRows(work.Block));
            if ((sequence & 31) == 0) _report(_rowsIn);
            return true;
        }
    }

    /// <summary>Rows the file probably holds, from the first block's bytes per row, so the key set rarely has to grow.</summary>
    private long EstimateRows(RecordBlock first)
    {
        if (!first.IsFull) return first.Count;
        var bytesPerRow = Math.Max(8.0, first.Bytes / (double)first.Count);
        return (long)(_fileLength / bytesPerRow * 1.2);
    }

    private void Validate(Workspace work)
    {
        var block = work.Block;
        for (var i = 0; block.Read(); i++)
        {
            var row = work.Rows[i];
            work.Lines[i] = block.Line;
            work.Valid[i] = work.Validator.Validate(block, row, work.Violations);
            if (!work.Valid[i] && _invalidUtf8Throws && work.Violations[^1].Rule == RowDefect.InvalidUtf8)
                throw new System.Text.DecoderFallbackException($"line {block.Line} is not valid UTF-8");
            if (work.Valid[i]) work.Keys[i] = KeyHash.Of(row, _schema.Key, _chunkRows.HeldAsUtf8);
        }
    }

    /// <summary>
    /// Adds blocks' keys to the file's key set strictly in block order, rejecting repeats: a block
    /// whose turn has not come waits in <see cref="_waiting"/> (its worker goes on with another
    /// block). Returns the blocks registered now, in order.
    /// </summary>
    private List<Workspace> Register(Workspace work, long sequence)
    {
        var registered = new List<Workspace>(1);
        lock (_turnGate)
        {
            _waiting.Add(sequence, work);
            while (_waiting.Remove(_turn, out var next))
            {
                RegisterKeys(next);
                registered.Add(next);
                _turn++;
            }
        }
        return registered;
    }

    private void RegisterKeys(Workspace work)
    {
        long rejected = 0;
        const int ahead = 8; // keys whose slots are fetched while earlier ones are compared
        for (var i = 0; i < Math.Min(ahead, work.Block.Count); i++) _keys!.Prefetch(work.Keys[i]);
        for (var i = 0; i < work.Block.Count; i++)
        {
            if (i + ahead < work.Block.Count) _keys!.Prefetch(work.Keys[i + ahead]);
            if (!work.Valid[i]) { rejected++; continue; }
            if (_keys!.Add(work.Keys[i])) continue;
            work.Valid[i] = false;
            rejected++;
            work.Violations.Add(new Violation(work.Lines[i], _keyColumn, "duplicate key", KeyText(work.Rows[i])));
        }
        _rejected += rejected;
        if (work.Violations.Count > 0)
        {
            // Blocks come in file order, so once enough are kept every later violation is on a later line: count it only.
            if (_violations.Count < _maxViolations) _violations.AddRange(work.Violations);
            else _violationsLeftOut += work.Violations.Count;
            work.Violations.Clear();
        }
    }

    /// <summary>A duplicate's key as its rejects line shows it: values joined by '|', dates as yyyy-MM-dd, ids already hashed.</summary>
    private string KeyText(ParsedRow row) => string.Join("|", _schema.Key.Select(c => _schema.Columns[c].Kind switch
    {
        ColumnKind.Date or ColumnKind.Month => DateOnly.FromDayNumber((int)row.Numbers[c]).ToString("yyyy-MM-dd"),
        ColumnKind.Integer => row.Numbers[c].ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => row.Text(c) ?? "",
    }));

    /// <summary>One call's scratch: the block, a parsed row per record, and what validation found.</summary>
    private sealed class Workspace
    {
        public Workspace(RecordBlock block, RowValidator validator, int columns)
        {
            Block = block;
            Validator = validator;
            Rows = Enumerable.Range(0, block.Capacity).Select(_ => new ParsedRow(columns)).ToArray();
            Valid = new bool[block.Capacity];
            Lines = new long[block.Capacity];
            Keys = new KeyHash[block.Capacity];
        }

        public RecordBlock Block { get; }
        public RowValidator Validator { get; }
        public ParsedRow[] Rows { get; }
        public bool[] Valid { get; }
        public long[] Lines { get; }
        public KeyHash[] Keys { get; }
        public List<Violation> Violations { get; } = [];
    }
}
