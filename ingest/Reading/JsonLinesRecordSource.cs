using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Analytics.Ingest.Reading;

/// <summary>
/// JSON Lines: one object per line; property names are the headers (the first object's names
/// first, others added as they appear). Strings are unescaped, numbers and booleans kept as written.
/// Lines are read as bytes and never held beyond <see cref="ReadLimits.MaxRowBytes"/>.
/// </summary>
public sealed class JsonLinesRecordSource : IRecordSource
{
    private readonly Stream _stream;
    private readonly ReadLimits _limits;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof;
    private RowProblem? _problem;
    private readonly RowBuffer _row = new();
    private readonly List<string> _headers = [];
    private readonly Dictionary<string, int> _headerIndex = new(StringComparer.Ordinal);
    private long _lineNumber;
    private bool _pending;

    public JsonLinesRecordSource(Stream stream, ReadLimits? limits = null)
    {
        _stream = stream;
        _limits = limits ?? ReadLimits.Default;
        Fill();
        if (TextEncodings.HasUtf8Bom(_buffer.AsSpan(0, _end))) _start = 3;
        // The first object's names are the header, so a missing required column fails the file up front.
        _pending = Read();
    }

    public IReadOnlyList<string> Headers => _headers;
    public long Line { get; private set; }
    public int FieldCount => _row.Count;
    public ReadOnlySpan<byte> Field(int index) => _row.Get(index);
    public RowProblem? Problem => _problem;

    public bool Read()
    {
        if (_pending) { _pending = false; return true; }
        while (NextLine(out var start, out var length, out var tooLong))
        {
            _lineNumber++;
            var line = _buffer.AsSpan(start, length);
            tooLong |= length > _limits.MaxRowBytes; // one that happened to fit the buffer is judged alike
            if (!tooLong && line.Trim(" \t\r\f\v"u8).IsEmpty) continue;
            Line = _lineNumber;
            _row.Clear();
            _problem = tooLong ? new RowProblem(-1, _limits.RowTooLong, "") : null;
            if (tooLong) return true;
            if (!Utf8.IsValid(line)) throw new DecoderFallbackException($"Line {_lineNumber} is not valid UTF-8.");
            Parse(line);
            return true;
        }
        return false;
    }

    /// <summary>The next line (without its line end) in the buffer; a line over MaxRowBytes is passed over to its end instead and flagged.</summary>
    private bool NextLine(out int start, out int length, out bool tooLong)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                (start, length, tooLong) = (_start, searched + newline, false);
                _start += length + 1;
                return true;
            }
            searched = _end - _start;
            if (_eof)
            {
                (start, length, tooLong) = (_start, searched, false);
                _start = _end;
                return length > 0;
            }
            if (searched >= _limits.MaxRowBytes)
            {
                // JSON strings hold no raw line breaks, so the next '\n' ends the line whatever it contains.
                (start, length, tooLong) = (0, 0, true);
                do
                {
                    _start = _end = 0;
                    Fill();
                    newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
                } while (newline < 0 && !_eof);
                _start = newline < 0 ? _end : newline + 1;
                return true;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (!ReadWindow.Refill(_stream, ref _buffer, ref _start, ref _end)) _eof = true;
    }

    private void Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new InvalidDataException($"Line {_lineNumber} is not a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!_headerIndex.TryGetValue(name, out var index))
            {
                // Names are the file's columns: past the limit the file has no shape a dataset could have.
                if (_headers.Count == _limits.MaxColumns)
                    throw new InvalidDataException($"Line {_lineNumber}: {_limits.TooManyColumns.Replace("columns", "distinct property names")}.");
                index = _headers.Count;
                _headers.Add(name);
                _headerIndex[name] = index;
            }
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    var text = reader.GetString()!;
                    if (text.Length > _limits.MaxFieldChars) _problem ??= new RowProblem(index, _limits.FieldTooLong, $"{text.Length:N0} characters");
                    else _row.Set(index, text);
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False: SetRaw(index, reader.ValueSpan); break;
                case JsonTokenType.Null: _row.Set(index, default(ReadOnlySpan<byte>)); break;
                default:
                    var start = reader.TokenStartIndex;
                    reader.Skip();
                    SetRaw(index, json.Slice((int)start, (int)(reader.TokenStartIndex + 1 - start)));
                    break;
            }
        }
    }

    /// <summary>A value kept as written (number, or a nested object or array as its JSON text).</summary>
    private void SetRaw(int index, ReadOnlySpan<byte> value)
    {
        if (value.Length > _limits.MaxFieldChars) _problem ??= new RowProblem(index, _limits.FieldTooLong, $"{value.Length:N0} characters");
        else _row.Set(index, value);
    }

    public void Dispose()
    {
        _stream.Dispose();
    }
}
