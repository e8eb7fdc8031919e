namespace Analytics.Ingest.Reading;

/// <summary>
/// A chunk's worth of rows copied out of a reader, so validation can run on other threads while the
/// reader goes on. It is itself a record source over those rows (same headers as the file).
/// </summary>
public sealed class RecordBlock(IReadOnlyList<string> headers, int capacity) : IRecordSource
{
    private byte[] _bytes = new byte[capacity * 64];
    private int _used;
    private int[] _fieldStart = new int[capacity * 8];
    private int[] _fieldLength = new int[capacity * 8];
    private int _fields;
    private readonly int[] _firstField = new int[capacity + 1];
    private readonly long[] _lines = new long[capacity];
    private readonly int[] _rowStart = new int[capacity + 1];
    // What a source found wrong with a row it read (an XLSX cell pointing nowhere); byte-level defects are found on demand.
    private readonly RowDefect?[] _sourceDefects = new RowDefect?[capacity];
    private readonly RowProblem?[] _problems = new RowProblem?[capacity];
    private int _count;
    private int _current = -1;

    public int Capacity => capacity;
    public int Count => _count;
    /// <summary>Full at <see cref="Capacity"/> rows or at <see cref="MaxBytes"/>, so blocks of very long rows stay small too.</summary>
    public bool IsFull => _count == capacity || _used >= MaxBytes;

    /// <summary>Bytes after which a block takes no more rows (a row itself is at most <see cref="ReadLimits.MaxRowBytes"/>).</summary>
    public const int MaxBytes = 4 << 20;

    /// <summary>Bytes held (for CSV the whole records, separators included).</summary>
    public int Bytes => _used;

    /// <summary>
    /// Where the rows' bytes lie, unchanged until the next <see cref="Reset"/>: a value validated from a field can be
    /// referred to here instead of copied (<see cref="Schema.ParsedRow.ReferUtf8"/>).
    /// </summary>
    public byte[] Buffer => _bytes;

    /// <summary>Copies the source's current row.</summary>
    public void Add(IRecordSource source)
    {
        _problems[_count] = source.Problem;
        if (source is CsvRecordSource csv)
        {
            AddRecord(csv.Current, csv.Line);
            return;
        }
        _rowStart[_count] = _used;
        _sourceDefects[_count] = source.Defect;
        _firstField[_count] = _fields;
        for (var i = 0; i < source.FieldCount; i++)
        {
            var field = source.Field(i);
            if (_used + field.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + field.Length));
            if (_fields == _fieldStart.Length)
            {
                Array.Resize(ref _fieldStart, _fields * 2);
                Array.Resize(ref _fieldLength, _fields * 2);
            }
            field.CopyTo(_bytes.AsSpan(_used));
            _fieldStart[_fields] = _used;
            _fieldLength[_fields] = field.Length;
            _used += field.Length;
            _fields++;
        }
        _lines[_count] = source.Line;
        _count++;
        _firstField[_count] = _fields;
        _rowStart[_count] = _used;
    }

    /// <summary>A CSV record in one copy: its bytes, with the field offsets shifted to where they land.</summary>
    private void AddRecord(CsvRecord record, long line)
    {
        var bytes = record.Bytes;
        var starts = record.Starts;
        var lengths = record.Lengths;
        if (_used + bytes.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + bytes.Length));
        while (_fields + starts.Length > _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, _fieldStart.Length * 2);
            Array.Resize(ref _fieldLength, _fieldLength.Length * 2);
        }
        bytes.CopyTo(_bytes.AsSpan(_used));
        _rowStart[_count] = _used;
        _sourceDefects[_count] = null;
        _firstField[_count] = _fields;
        for (var i = 0; i < starts.Length; i++)
        {
            _fieldStart[_fields + i] = _used + starts[i];
            _fieldLength[_fields + i] = lengths[i];
        }
        _fields += starts.Length;
        _used += bytes.Length;
        _lines[_count] = line;
        _count++;
        _firstField[_count] = _fields;
        _rowStart[_count] = _used;
    }

    public IReadOnlyList<string> Headers => headers;
    public long Line => _lines[_current];
    public int FieldCount => _firstField[_current + 1] - _firstField[_current];
    public RowProblem? Problem => _problems[_current];

    public ReadOnlySpan<byte> Field(int index)
    {
        if (index >= FieldCount) return default;
        var f = _firstField[_current] + index;
        return _bytes.AsSpan(_fieldStart[f], _fieldLength[f]);
    }

    /// <summary>Checked here, on the validating thread, rather than while the reader holds its lock.</summary>
    public RowDefect? Defect => _sourceDefects[_current] ?? RowDefect.InFields(_bytes.AsSpan(_rowStart[_current], _rowStart[_current + 1] - _rowStart[_current]), this);

    public bool Read() => ++_current < _count;

    /// <summary>Empties the block for reuse (the buffers stay).</summary>
    public void Reset()
    {
        _used = _fields = _count = 0;
        _current = -1;
    }

    public void Dispose() { }
}
