using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Ingest.Demo.Output;

/// <summary>
/// Writes a one-sheet workbook as an agency would keep it in Excel: English headers, text in the
/// shared-string table, money as numbers, dates as real date cells. Rows are held until the end,
/// so use it only for small datasets (the project list).
/// </summary>
internal sealed class XlsxRowWriter : IRowWriter
{
    /// <summary>Every zip entry gets this timestamp: the package would otherwise record "now" and break byte-identical output.</summary>
    private static readonly DateTimeOffset FixedEntryTime = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private const uint DateStyle = 1, MoneyStyle = 2;

    private readonly DemoOutput _output;
    private readonly string _dataset, _fileName, _sheetName;
    private readonly IReadOnlyList<Column> _columns;
    private readonly List<object?[]> _rows = [];

    public XlsxRowWriter(DemoOutput output, string dataset, string fileName, string sheetName, IReadOnlyList<Column> columns)
    {
        _output = output;
        _dataset = dataset;
        _fileName = fileName;
        _sheetName = sheetName;
        _columns = columns;
    }

    public void Write(params object?[] values)
    {
        _rows.Add(values);
        _output.RowWritten();
    }

    public void Dispose()
    {
        using var package = new MemoryStream();
        WritePackage(package);
        package.Position = 0;
        using (var file = File.Create(_output.StagingPath(_dataset, _fileName)))
            CopyWithFixedTimestamps(package, file);
        _output.Commit(_dataset, _fileName, _rows.Count);
    }

    private void WritePackage(Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        // An explicit relationship id: the default one is random and would make every file different.
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        workbookPart.Workbook = new Workbook();
        var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rId3");
        stylesPart.Stylesheet = Styles();
        var strings = new SharedStrings();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>("rId1");
        var data = new SheetData();
        data.Append(Row(1, _columns.Select(c => (object?)c.Name).ToArray(), strings));
        for (int i = 0; i < _rows.Count; i++) data.Append(Row((uint)i + 2, _rows[i], strings));
        sheetPart.Worksheet = new Worksheet(data);
        var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>("rId2");
        stringsPart.SharedStringTable = strings.Table;
        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = _sheetName }));
        workbookPart.Workbook.Save();
    }

    private static Row Row(uint index, object?[] values, SharedStrings strings)
    {
        var row = new Row { RowIndex = index };
        for (int i = 0; i < values.Length; i++)
        {
            var reference = ColumnLetters(i) + index;
            Cell? cell = values[i] switch
            {
                null => null,
                string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.IndexOf(s)) },
                DateOnly d => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) },
                decimal m => new Cell { CellReference = reference, StyleIndex = MoneyStyle, CellValue = new CellValue(m) },
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n) },
                bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
                _ => throw new ArgumentException($"Unexpected value type {values[i]!.GetType()}"),
            };
            if (cell is not null) row.Append(cell);
        }
        return row;
    }

    private static string ColumnLetters(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnLetters(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Style 0 general, 1 a date (built-in format 14, yyyy/m/d in a Chinese Excel), 2 money (#,##0.00).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font()) { Count = 1 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }) { Count = 3 });

    private static void CopyWithFixedTimestamps(Stream source, Stream target)
    {
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        using var output = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedEntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        public SharedStringTable Table { get; } = new();

        public int IndexOf(string text)
        {
            if (_index.TryGetValue(text, out int i)) return i;
            Table.AppendChild(new SharedStringItem(new Text(text)));
            return _index[text] = _index.Count;
        }
    }
}
