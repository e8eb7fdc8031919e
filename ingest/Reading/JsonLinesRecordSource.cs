using System.Text;
using System.Text.Json;

namespace Analytics.Ingest.Reading;

/// <summary>
/// JSON Lines: one object per line; property names are the headers (the first object's names
/// first, others added as they appear). Strings are unescaped, numbers and booleans kept as written.
/// </summary>
public sealed class JsonLinesRecordSource : IRecordSource
{
    private readonly Stream _stream;
    private readonly StreamReader _reader;
    private readonly RowBuffer _row = new();
    private readonly List<string> _headers = [];
    private readonly Dictionary<string, int> _headerIndex = new(StringComparer.Ordinal);
    private long _lineNumber;
    private bool _pending;

    public JsonLinesRecordSource(Stream stream)
    {
        _stream = stream;
        _reader = new StreamReader(stream, TextEncodings.StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        // The first object's names are the header, so a missing required column fails the file up front.
        _pending = Read();
    }

    public IReadOnlyList<string> Headers => _headers;
    public long Line { get; private set; }
    public int FieldCount => _row.Count;
    public ReadOnlySpan<byte> Field(int index) => _row.Get(index);

    public bool Read()
    {
        if (_pending) { _pending = false; return true; }
        string? line;
        while ((line = _reader.ReadLine()) is not null)
        {
            _lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            Line = _lineNumber;
            _row.Clear();
            Parse(Encoding.UTF8.GetBytes(line));
            return true;
        }
        return false;
    }

    private void Parse(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new InvalidDataException($"Line {_lineNumber} is not a JSON object.");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            if (!_headerIndex.TryGetValue(name, out var index))
            {
                index = _headers.Count;
                _headers.Add(name);
                _headerIndex[name] = index;
            }
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String: _row.Set(index, reader.GetString()!); break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False: _row.Set(index, reader.ValueSpan); break;
                case JsonTokenType.Null: _row.Set(index, default(ReadOnlySpan<byte>)); break;
                default:
                    var start = reader.TokenStartIndex;
                    reader.Skip();
                    _row.Set(index, json.AsSpan((int)start, (int)(reader.TokenStartIndex + 1 - start)));
                    break;
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
