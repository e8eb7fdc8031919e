using System.Text.Encodings.Web;
using System.Text.Json;

namespace Analytics.Ingest.Demo.Output;

/// <summary>Writes JSON Lines: one object per line, money and counts as JSON numbers, dates as ISO strings.</summary>
internal sealed class JsonLinesRowWriter : IRowWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly DemoOutput _output;
    private readonly string _dataset, _fileName;
    private readonly IReadOnlyList<Column> _columns;
    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _json;
    private long _rows;

    public JsonLinesRowWriter(DemoOutput output, string dataset, string fileName, IReadOnlyList<Column> columns)
    {
        _output = output;
        _dataset = dataset;
        _fileName = fileName;
        _columns = columns;
        _stream = new FileStream(output.StagingPath(dataset, fileName), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _json = new Utf8JsonWriter(_stream, Options);
    }

    public void Write(params object?[] values)
    {
        _json.WriteStartObject();
        for (int i = 0; i < _columns.Count; i++)
        {
            var name = _columns[i].Name;
            switch (values[i])
            {
                case null: _json.WriteNull(name); break;
                case string s: _json.WriteString(name, s); break;
                case DateOnly d: _json.WriteString(name, Formats.Date(d)); break;
                case decimal m: _json.WriteNumber(name, m); break;
                case int n: _json.WriteNumber(name, n); break;
                case bool b: _json.WriteBoolean(name, b); break;
                default: throw new ArgumentException($"Unexpected value type {values[i]!.GetType()} in column {name}");
            }
        }
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _stream.WriteByte((byte)'\n');
        _rows++;
        _output.RowWritten();
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
        _output.Commit(_dataset, _fileName, _rows);
    }
}
