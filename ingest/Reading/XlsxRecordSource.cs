using System.Globalization;
using System.Xml;
using ExcelDataReader;

namespace Analytics.Ingest.Reading;

/// <summary>
/// The first sheet of an XLSX workbook. Excel date cells arrive as dates and are written
/// <c>yyyy-MM-dd</c>; numbers in invariant notation without exponent. <see cref="Line"/> is the sheet row.
/// </summary>
public sealed class XlsxRecordSource : IRecordSource
{
    private readonly Stream _stream;
    private readonly IExcelDataReader _reader;
    private readonly RowBuffer _row = new();
    private readonly List<string> _headers = [];
    private readonly Dictionary<long, RowDefect> _badSharedStrings;

    public XlsxRecordSource(Stream stream)
    {
        _ = TextEncodings.Gb18030; // ExcelDataReader needs the code-page provider registered
        _stream = stream;
        try { _badSharedStrings = XlsxSharedStringCheck.Scan(stream); }
        catch (XmlException e) { throw Damaged(e); }
        catch (InvalidDataException) { _badSharedStrings = []; } // not a zip: ExcelDataReader says why below
        stream.Position = 0;
        try { _reader = ExcelReaderFactory.CreateOpenXmlReader(stream); }
        catch (XmlException e) { throw Damaged(e); }
        if (!Read()) throw new InvalidDataException("The first sheet is empty (no header row).");
        if (Defect is { } header) throw new InvalidDataException($"the header row's column {header.Field + 1}: {header.Rule}");
        for (var i = 0; i < _row.Count; i++) _headers.Add(System.Text.Encoding.UTF8.GetString(_row.Get(i)));
    }

    public IReadOnlyList<string> Headers => _headers;
    public long Line { get; private set; }
    public int FieldCount => _row.Count;
    public ReadOnlySpan<byte> Field(int index) => _row.Get(index);
    public RowDefect? Defect => _badSharedStrings.Count > 0 && _badSharedStrings.TryGetValue(Line, out var defect) ? defect : null;

    public bool Read()
    {
        try { return ReadRow(); }
        catch (XmlException e) { throw Damaged(e); }
    }

    // ExcelDataReader lets the XML parser's exception through when a sheet part is damaged (e.g. a bit flip in a tag).
    private static InvalidDataException Damaged(XmlException e) => new($"damaged workbook (XML of the sheet unreadable: {e.Message})", e);

    private bool ReadRow()
    {
        while (_reader.Read())
        {
            _row.Clear();
            var blank = true;
            for (var i = 0; i < _reader.FieldCount; i++)
            {
                var text = Format(_reader.GetValue(i));
                if (text.Length > 0) blank = false;
                _row.Set(i, text);
            }
            if (blank) continue;
            Line = _reader.Depth + 1;
            return true;
        }
        return false;
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
