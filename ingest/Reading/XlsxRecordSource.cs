using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Analytics.Ingest.Reading;

/// <summary>
/// The first sheet of an XLSX workbook, streamed from its XML: only the cells the sheet really
/// holds are looked at (its &lt;dimension&gt; claim is never read, empty rows and cells cost nothing
/// but a count), within <see cref="ReadLimits"/>. Excel date cells are written <c>yyyy-MM-dd</c>;
/// numbers in invariant notation without exponent. <see cref="Line"/> is the sheet row.
/// </summary>
public sealed class XlsxRecordSource : IRecordSource
{
    private readonly ZipArchive _zip;
    private readonly XmlReader _sheet;
    private readonly XlsxPackage _package;
    private readonly XlsxSharedStrings _strings;
    private readonly ReadLimits _limits;
    private readonly RowBuffer _row = new();
    private readonly List<string> _headers = [];
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[8192];
    private long _cells;
    private long _lastRow;
    private RowProblem? _problem;
    private RowDefect? _defect;

    public XlsxRecordSource(Stream stream, ReadLimits? limits = null)
    {
        _limits = limits ?? ReadLimits.Default;
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            _package = XlsxPackage.Locate(_zip);
            _strings = _package.SharedStrings is { } part && XlsxXml.Entry(_zip, part) is not null
                ? XlsxSharedStrings.Read(_zip, part, _limits)
                : XlsxSharedStrings.Empty;
            _sheet = XlsxXml.Open(_zip, _package.Sheet);
        }
        catch (XmlException e)
        {
            stream.Dispose();
            throw Damaged(e);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        if (!Read()) throw new InvalidDataException("The first sheet is empty (no header row).");
        // A header over a limit leaves no way to tell which field is which column: the file fails.
        if (_problem is { } problem) throw new InvalidDataException($"header row: {problem.Rule} ({problem.Value})");
        if (_defect is { } defect) throw new InvalidDataException($"the header row's column {defect.Field + 1}: {defect.Rule}");
        for (var i = 0; i < _row.Count; i++) _headers.Add(Encoding.UTF8.GetString(_row.Get(i)));
    }

    public IReadOnlyList<string> Headers => _headers;
    public long Line { get; private set; }
    public int FieldCount => _row.Count;
    public ReadOnlySpan<byte> Field(int index) => _row.Get(index);
    public RowProblem? Problem => _problem;
    /// <summary>A cell that points nowhere (a shared-string index outside the table): its row is rejected, the index never taken as text.</summary>
    public RowDefect? Defect => _defect;

    public bool Read()
    {
        try { return ReadRow(); }
        catch (XmlException e) { throw Damaged(e); }
    }

    private static InvalidDataException Damaged(XmlException e) => new($"damaged workbook (XML of the sheet unreadable: {e.Message})", e);

    private bool ReadRow()
    {
        while (_sheet.Read())
        {
            if (!XlsxXml.IsStart(_sheet, "row")) continue;
            Count();
            var number = long.TryParse(_sheet.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _lastRow + 1;
            _lastRow = number;
            _row.Clear();
            _problem = null;
            _defect = null;
            if (_sheet.IsEmptyElement) continue;
            var depth = _sheet.Depth;
            var blank = true;
            var next = 0;
            while (_sheet.Read() && _sheet.Depth > depth)
            {
                if (_sheet.Depth != depth + 1 || !XlsxXml.IsStart(_sheet, "c")) continue;
                Count();
                var column = ColumnOf(_sheet.GetAttribute("r")) ?? next;
                next = column + 1;
                if (!ReadCell(out var tooLong)) continue;
                blank = false;
                if (column >= _limits.MaxColumns) _problem ??= new RowProblem(-1, _limits.TooManyColumns, $"a value in column {column + 1:N0}");
                else if (tooLong) _problem ??= new RowProblem(column, _limits.FieldTooLong, $"more than {_limits.MaxFieldChars:N0} characters");
                else if (_problem is null) SetValue(column);
            }
            if (blank) continue;
            Line = number;
            return true;
        }
        return false;
    }

    private void Count()
    {
        if (++_cells > _limits.MaxCellsPerSheet)
            throw new InvalidDataException($"the sheet holds more than {_limits.MaxCellsPerSheet:N0} cells (Ingest:MaxCellsPerSheet)");
    }

    private string? _type;
    private int _style;

    /// <summary>Reads the cell the reader is on into <see cref="_text"/> (its raw value); false when it holds nothing.</summary>
    private bool ReadCell(out bool tooLong)
    {
        tooLong = false;
        _type = _sheet.GetAttribute("t");
        _style = int.TryParse(_sheet.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        _text.Clear();
        if (_sheet.IsEmptyElement) return false;
        var depth = _sheet.Depth;
        while (_sheet.Read() && _sheet.Depth > depth)
        {
            if (XlsxXml.IsStart(_sheet, "v")) tooLong |= !XlsxXml.AppendText(_sheet, _text, _limits.MaxFieldChars, _chunk);
            else if (XlsxXml.IsStart(_sheet, "is")) tooLong |= !XlsxXml.AppendItem(_sheet, _text, _limits.MaxFieldChars, _chunk);
            else if (_sheet.NodeType == XmlNodeType.Element && !_sheet.IsEmptyElement) _sheet.Skip(); // a formula and the like
        }
        return tooLong || (_text.Length > 0 && _type != "e"); // an error cell (#N/A, …) holds no value
    }

    private void SetValue(int column)
    {
        var raw = _text.ToString();
        switch (_type)
        {
            case "s":
                if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _strings.Count) _row.Set(column, _strings.Get(index));
                else _defect ??= new RowDefect(column, $"shared string index out of range (the workbook has {_strings.Count})", raw);
                return;
            case "inlineStr" or "str":
                _row.Set(column, XlsxXml.Unescape(raw));
                return;
            case "b":
                _row.Set(column, raw == "1" ? "true" : "false");
                return;
            case "d":
                _row.Set(column, DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw);
                return;
            default:
                _row.Set(column, double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Number(number) : raw);
                return;
        }
    }

    private string Number(double value)
    {
        if (_style < _package.DateStyles.Length && _package.DateStyles[_style])
        {
            var serial = _package.Date1904 ? value + 1462 : value;
            if (serial is > -657435.0 and < 2958466.0) return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return value.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    /// <summary>The 0-based column of a cell reference such as "AB12"; null when there is none.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        long column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
            column = Math.Min(int.MaxValue, column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1));
        return i == 0 ? null : (int)column - 1;
    }

    public void Dispose()
    {
        _sheet.Dispose();
        _zip.Dispose();
    }
}
