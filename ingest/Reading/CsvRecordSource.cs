using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A streaming, byte-level RFC 4180 reader: fields are slices of one buffer, quoted fields may hold
/// commas, doubled quotes and line breaks; CRLF, LF or a lone CR (old Mac exports) ends a record. GB18030 input is transcoded
/// to UTF-8 on the fly (newline bytes are kept, so physical line numbers are the file's own).
/// </summary>
public sealed class CsvRecordSource : IRecordSource
{
    private static readonly SearchValues<byte> Delimiters = SearchValues.Create(","u8 + "\n"u8 + "\r"u8);

    private readonly Stream _raw;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 20];
    private int _start, _end;
    private bool _eof;
    private int[] _fieldStart = new int[64];
    private int[] _fieldLength = new int[64];
    private int _count;
    private long _nextLine = 1;
    private readonly List<string> _headers = [];
    private readonly ReadLimits _limits;
    private int _extraColumns;  // fields beyond MaxColumns in the current record: counted, not kept
    private int _longField;     // the first field whose bytes may exceed MaxFieldChars characters, or -1
    private RowProblem? _problem;

    public CsvRecordSource(Stream stream, Encoding encoding, ReadLimits? limits = null)
    {
        _raw = stream;
        _limits = limits ?? ReadLimits.Default;
        _stream = encoding.CodePage == Encoding.UTF8.CodePage ? stream : Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: true);
        if (!ReadRecord()) throw new InvalidDataException("The file is empty (no header row).");
        // A header over a limit leaves no way to tell which field is which column: the file fails.
        if (_problem is { } problem) throw new InvalidDataException($"header row: {problem.Rule} ({problem.Value})");
        var first = true;
        for (var i = 0; i < _count; i++)
        {
            var field = Field(i);
            if (first && TextEncodings.HasUtf8Bom(field)) field = field[3..];
            first = false;
            _headers.Add(TextEncodings.StrictUtf8.GetString(field));
        }
    }

    public IReadOnlyList<string> Headers => _headers;
    public long Line { get; private set; }
    public int FieldCount => _count;
    public RowProblem? Problem => _problem;

    public ReadOnlySpan<byte> Field(int index) =>
        index < _count ? _buffer.AsSpan(_start - _consumed + _fieldStart[index], _fieldLength[index]) : default;

    /// <summary>The current record's bytes (fields, separators, line end) and each field's offset and length within them.</summary>
    public CsvRecord Current => new(_buffer.AsSpan(_start - _consumed, _consumed), _fieldStart.AsSpan(0, _count), _fieldLength.AsSpan(0, _count));

    public RowDefect? Defect => RowDefect.InFields(Current.Bytes, this);

    // Offsets are kept relative to the record start; _consumed is the length of the current record.
    private int _consumed;

    public bool Read()
    {
        while (ReadRecord())
        {
            if (_problem is not null) return true;
            for (var i = 0; i < _count; i++)
                if (!IsBlank(Field(i))) return true;
        }
        return false;
    }

    private static bool IsBlank(ReadOnlySpan<byte> field) => field.Trim((byte)' ').IsEmpty || field.SequenceEqual("\r"u8);

    private bool ReadRecord()
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            if (available.IsEmpty && _eof) return false;
            _extraColumns = 0;
            _longField = -1;
            _problem = null;
            if (TryParse(available, _eof, out var consumed, out var newlines))
            {
                _start += consumed;
                _consumed = consumed;
                Line = _nextLine;
                _nextLine += newlines;
                // A record that happened to fit the buffer is judged like one that did not.
                _problem = consumed > _limits.MaxRowBytes ? new RowProblem(-1, _limits.RowTooLong, "") : LimitBroken();
                return true;
            }
            if (available.Length >= _limits.MaxRowBytes)
            {
                SkipLongRecord();
                return true;
            }
            Refill();
        }
    }

    private RowProblem? LimitBroken()
    {
        if (_extraColumns > 0) return new RowProblem(-1, _limits.TooManyColumns, $"{_count + _extraColumns:N0} columns");
        for (var i = Math.Max(0, _longField); _longField >= 0 && i < _count; i++)
        {
            var chars = Encoding.UTF8.GetCharCount(Field(i));
            if (chars > _limits.MaxFieldChars) return new RowProblem(i, _limits.FieldTooLong, $"{chars:N0} characters");
        }
        return null;
    }

    /// <summary>
    /// Passes over a record longer than MaxRowBytes to its end (a line end outside quotes, as
    /// <see cref="TryParse"/> reads quotes) without holding it; the record becomes a rejected row.
    /// </summary>
    private void SkipLongRecord()
    {
        var (fieldStart, quoted, newlines) = (true, false, 0L);
        while (true)
        {
            var data = _buffer.AsSpan(_start, _end - _start);
            var i = 0;
            for (; i < data.Length; i++)
            {
                var b = data[i];
                if (quoted)
                {
                    if (b == (byte)'\n') newlines++;
                    else if (b == (byte)'"')
                    {
                        if (i + 1 == data.Length && !_eof) break; // an escaped quote may continue in the next read
                        if (i + 1 < data.Length && data[i + 1] == (byte)'"') i++;
                        else quoted = false;
                    }
                    continue;
                }
                if (b == (byte)'\n')
                {
                    _start += i + 1;
                    EndSkipped(newlines + 1);
                    return;
                }
                if (b == (byte)',') { fieldStart = true; continue; }
                if (b == (byte)'"' && fieldStart) quoted = true;
                fieldStart = false;
            }
            _start += i;
            if (_eof && _start == _end)
            {
                EndSkipped(newlines);
                return;
            }
            Refill();
        }
    }

    private void EndSkipped(long newlines)
    {
        _count = 0;
        _consumed = 0;
        Line = _nextLine;
        _nextLine += newlines;
        _problem = new RowProblem(-1, _limits.RowTooLong, "");
    }

    private void Refill()
    {
        if (!ReadWindow.Refill(_stream, ref _buffer, ref _start, ref _end)) _eof = true;
    }

    /// <summary>Parses one record from the start of <paramref name="data"/>; false when more bytes are needed.</summary>
    private bool TryParse(ReadOnlySpan<byte> data, bool final, out int consumed, out int newlines)
    {
        consumed = 0;
        newlines = 0;
        _count = 0;
        if (TryParseUnquoted(data, final, out consumed, out var known))
        {
            newlines = 1;
            return known;
        }
        var pos = 0;
        var escapedFields = 0UL;
        while (true)
        {
            if (pos < data.Length && data[pos] == (byte)'"')
            {
                var p = pos + 1;
                var escaped = false;
                while (true)
                {
                    var q = p < data.Length ? data[p..].IndexOf((byte)'"') : -1;
                    if (q < 0)
                    {
                        if (!final) return false;
                        p = data.Length; // unterminated quote at the end of the file: take the rest
                        break;
                    }
                    p += q;
                    if (p + 1 >= data.Length && !final) return false;
                    if (p + 1 < data.Length && data[p + 1] == (byte)'"') { escaped = true; p += 2; continue; }
                    break;
                }
                var content = data[(pos + 1)..Math.Min(p, data.Length)];
                newlines += LineBreaks(content);
                if (escaped && _count < 64) escapedFields |= 1UL << _count;
                AddField(pos + 1, content.Length);
                pos = Math.Min(p + 1, data.Length);
                // Anything between the closing quote and the delimiter is tolerated and dropped.
                var rest = pos < data.Length ? data[pos..].IndexOfAny(Delimiters) : -1;
                if (rest < 0) { if (!final) return false; pos = data.Length; }
                else pos += rest;
            }
            else
            {
                var r = pos < data.Length ? data[pos..].IndexOfAny(Delimiters) : -1;
                if (r < 0) { if (!final) return false; r = data.Length - pos; }
                AddField(pos, r);
                pos += r;
            }

            if (pos >= data.Length) { consumed = data.Length; break; }
            if (data[pos] == (byte)',')
            {
                pos++;
                if (pos >= data.Length && final) { AddField(pos, 0); consumed = pos; break; }
                continue;
            }
            if (data[pos] == (byte)'\r')
            {
                if (pos + 1 >= data.Length && !final) return false; // CRLF or a lone CR: the next byte tells
                if (pos + 1 < data.Length && data[pos + 1] == (byte)'\n') pos++;
            }
            newlines++;
            consumed = pos + 1;
            break;
        }
        if (escapedFields != 0) Unescape(data, escapedFields);
        return true;
    }

    /// <summary>
    /// The common record: no quote before its line end, which is in <paramref name="data"/>. Its fields are found by one
    /// pass over its bytes (a vector compare per 32 bytes) instead of a search per field; the same fields as the general
    /// path finds (<see cref="AddField"/> applies the limits). False (nothing added) when the record needs the general path;
    /// <paramref name="complete"/> false when the line end may continue in the next read (a CR at the end of the data).
    /// </summary>
    private bool TryParseUnquoted(ReadOnlySpan<byte> data, bool final, out int consumed, out bool complete)
    {
        consumed = 0;
        complete = true;
        var end = data.IndexOfAny((byte)'\n', (byte)'\r', (byte)'"');
        if (end < 0 || data[end] == (byte)'"') return false;
        var record = data[..end];
        var start = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var comma = Vector256.Create((byte)',');
            ref var first = ref MemoryMarshal.GetReference(record);
            for (; i + Vector256<byte>.Count <= record.Length; i += Vector256<byte>.Count)
            {
                var commas = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), comma).ExtractMostSignificantBits();
                while (commas != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(commas);
                    AddField(start, at - start);
                    start = at + 1;
                    commas &= commas - 1;
                }
            }
        }
        for (; i < record.Length; i++)
        {
            if (record[i] != (byte)',') continue;
            AddField(start, i - start);
            start = i + 1;
        }
        AddField(start, record.Length - start);
        if (data[end] == (byte)'\r')
        {
            if (end + 1 >= data.Length && !final)
            {
                complete = false; // CRLF or a lone CR: the next byte tells
                return true;
            }
            if (end + 1 < data.Length && data[end + 1] == (byte)'\n') end++;
        }
        consumed = end + 1;
        return true;
    }

    /// <summary>Line breaks inside a quoted field: LF, CRLF and lone CR each count one, as they do between records.</summary>
    private static int LineBreaks(ReadOnlySpan<byte> content)
    {
        var lf = content.Count((byte)'\n');
        if (!content.Contains((byte)'\r')) return lf;
        var loneCr = 0;
        for (var i = 0; i < content.Length; i++)
            if (content[i] == (byte)'\r' && (i + 1 == content.Length || content[i + 1] != (byte)'\n')) loneCr++;
        return lf + loneCr;
    }

    private void Unescape(ReadOnlySpan<byte> data, ulong escapedFields)
    {
        var writable = _buffer.AsSpan(_start, data.Length);
        for (var i = 0; i < _count && i < 64; i++)
        {
            if ((escapedFields & (1UL << i)) == 0) continue;
            var field = writable.Slice(_fieldStart[i], _fieldLength[i]);
            var w = 0;
            for (var r = 0; r < field.Length; r++)
            {
                field[w++] = field[r];
                if (field[r] == (byte)'"' && r + 1 < field.Length && field[r + 1] == (byte)'"') r++;
            }
            _fieldLength[i] = w;
        }
    }

    private void AddField(int start, int length)
    {
        if (_count == _limits.MaxColumns) { _extraColumns++; return; }
        if (length > _limits.MaxFieldChars && _longField < 0) _longField = _count;
        if (_count == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, _count * 2);
            Array.Resize(ref _fieldLength, _count * 2);
        }
        _fieldStart[_count] = start;
        _fieldLength[_count] = length;
        _count++;
    }

    public void Dispose()
    {
        if (!ReferenceEquals(_stream, _raw)) _stream.Dispose();
        _raw.Dispose();
    }
}

/// <summary>A CSV record as it sits in the reader's buffer: its bytes and its fields' offsets and lengths within them.</summary>
public readonly ref struct CsvRecord(ReadOnlySpan<byte> bytes, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
{
    public ReadOnlySpan<byte> Bytes { get; } = bytes;
    public ReadOnlySpan<int> Starts { get; } = starts;
    public ReadOnlySpan<int> Lengths { get; } = lengths;
}
