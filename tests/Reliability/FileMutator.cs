using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Analytics.Ingest.Reading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tests.Reliability;

/// <summary>One fuzzed inbox file: where it goes, its bytes, and what was done to it (for the failure message).</summary>
public sealed record FuzzedFile(string Dataset, string Name, byte[] Content, string Mutations);

/// <summary>
/// Turns valid samples into damaged files the way real deliveries break: cut short, mis-encoded,
/// stray quotes, huge fields, binary junk, ragged rows, doubled or missing headers, odd Excel cells.
/// Deterministic for a given seed.
/// </summary>
public sealed class FileMutator(int seed)
{
    private readonly Random _random = new(seed);
    private static readonly Encoding Gbk = TextEncodings.Gb18030;

    public FuzzedFile Next(SeedFile seed, int number)
    {
        var roll = _random.Next(100);
        var notes = new List<string>();
        byte[] content;
        string extension;
        if (roll < 55)
        {
            extension = ".csv";
            var table = MutateTable(seed, notes);
            content = roll < 10 && seed.Extension.StartsWith(".csv") ? seed.Raw : RenderCsv(table, notes);
            content = MutateBytes(content, notes, text: true);
        }
        else if (roll < 75)
        {
            extension = ".jsonl";
            content = MutateBytes(RenderJsonLines(MutateTable(seed, notes), notes), notes, text: true);
        }
        else
        {
            extension = ".xlsx";
            content = RenderXlsx(MutateTable(seed, notes), notes);
            if (_random.Next(8) == 0) { content = content[.._random.Next(content.Length)]; notes.Add("truncated zip"); }
            else if (_random.Next(12) == 0) { content = MutateBytes(content, notes, text: false); }
        }
        return new FuzzedFile(seed.Dataset, $"f{number:D5}{extension}", content, $"{seed.Dataset} from {seed.Extension}: {string.Join(", ", notes)}");
    }

    private (string[] Headers, List<string?[]> Rows) MutateTable(SeedFile seed, List<string> notes)
    {
        var headers = seed.Headers.ToList();
        var rows = seed.Rows.Select(r => r.Select(v => (string?)v).Concat(Enumerable.Repeat<string?>("", Math.Max(0, headers.Count - r.Length))).ToArray()).ToList();
        var count = _random.Next(0, 4);
        for (var m = 0; m < count && rows.Count > 0; m++)
        {
            if (headers.Count < 2) break;
            var row = _random.Next(rows.Count);
            var column = _random.Next(headers.Count);
            if (rows[row].Length < headers.Count) rows[row] = [.. rows[row], .. new string?[headers.Count - rows[row].Length]];
            switch (_random.Next(11))
            {
                case 0: rows[row][column] = new string('甲', 350_000); notes.Add($"1 MB field {headers[column]}"); break;
                case 1: rows[row][column] = rows[row][column] + "\"" + rows[row][column]; notes.Add("stray quote in field"); break;
                case 2: rows[row] = rows[row].Take(_random.Next(rows[row].Length)).ToArray(); notes.Add("short row"); break;
                case 3: rows[row] = rows[row].Append("extra").Append("more").ToArray(); notes.Add("long row"); break;
                case 4: rows.Insert(row, headers.ToArray()); notes.Add("header repeated as a row"); break;
                case 5:
                    headers.Add(headers[column]);
                    for (var i = 0; i < rows.Count; i++) rows[i] = [.. rows[i], rows[i].ElementAtOrDefault(column)];
                    notes.Add($"duplicated header {headers[column]}");
                    break;
                case 6:
                    notes.Add($"missing column {headers[column]}");
                    headers.RemoveAt(column);
                    for (var i = 0; i < rows.Count; i++) rows[i] = rows[i].Where((_, c) => c != column).ToArray();
                    break;
                case 7: rows[row][column] = Garbage(_random.Next(1, 40)); notes.Add($"garbage in {headers[column]}"); break;
                case 8: rows[row][column] = "\n" + rows[row][column] + "\r\n,\""; notes.Add("line breaks in field"); break;
                case 9: rows[row][column] = null; notes.Add("null field"); break;
                default: rows[row][column] = new[] { "-1", "1e309", "99999999999999999999.999", "NaN", "2026-02-30", "0000-00-00", " ", "'", "=1+1", "\u0000" }[_random.Next(10)]; notes.Add($"odd value in {headers[column]}"); break;
            }
        }
        return (headers.ToArray(), rows);
    }

    private string Garbage(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)_random.Next(0, 0xD7FF);
        return new string(chars);
    }

    private byte[] RenderCsv((string[] Headers, List<string?[]> Rows) table, List<string> notes)
    {
        var text = new StringBuilder();
        if (_random.Next(10) == 0) notes.Add("no header"); else text.Append(string.Join(',', table.Headers.Select(Quote))).Append("\r\n");
        foreach (var row in table.Rows) text.Append(string.Join(',', row.Select(Quote))).Append(_random.Next(20) == 0 ? "\r" : "\n");
        return _random.Next(4) switch
        {
            0 => Gbk.GetBytes(text.ToString()).Also(() => notes.Add("GBK")),
            1 => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.ToString())],
            _ => Encoding.UTF8.GetBytes(text.ToString()),
        };
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private byte[] RenderJsonLines((string[] Headers, List<string?[]> Rows) table, List<string> notes)
    {
        var text = new StringBuilder();
        foreach (var row in table.Rows)
        {
            var line = new Dictionary<string, object?>();
            for (var c = 0; c < table.Headers.Length; c++)
                line[table.Headers[c]] = c >= row.Length ? null : _random.Next(40) switch
                {
                    0 => (object?)new[] { row[c] },
                    1 => new Dictionary<string, string?> { ["v"] = row[c] },
                    2 => decimal.TryParse(row[c], out var d) ? d : row[c],
                    3 => true,
                    _ => row[c],
                };
            text.Append(JsonSerializer.Serialize(line)).Append('\n');
        }
        if (_random.Next(15) == 0) { text.Append("[1,2,3]\n"); notes.Add("array line"); }
        if (_random.Next(15) == 0) { text.Append("{\"a\":\n"); notes.Add("broken json line"); }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private byte[] MutateBytes(byte[] content, List<string> notes, bool text)
    {
        var count = _random.Next(0, 3);
        for (var m = 0; m < count; m++)
        {
            var at = content.Length == 0 ? 0 : _random.Next(content.Length);
            switch (_random.Next(text ? 8 : 3))
            {
                case 0: content = content[..at]; notes.Add($"truncated at {at}"); break;
                case 1: content = [.. content[..at], .. RandomBytes(_random.Next(1, 64)), .. content[at..]]; notes.Add($"binary garbage at {at}"); break;
                case 2: if (content.Length > 0) content[at] ^= (byte)(1 << _random.Next(8)); notes.Add($"bit flip at {at}"); break;
                case 3: content = [.. content[..at], 0xD6, 0xD0, 0xB9, 0xFA, .. content[at..]]; notes.Add($"stray GBK bytes at {at}"); break;
                case 4: content = [0xEF, 0xBB, 0xBF, .. Gbk.GetBytes(Encoding.UTF8.GetString(content))]; notes.Add("GBK behind a UTF-8 BOM"); break;
                case 5: content = [0xFF, 0xFE, .. content]; notes.Add("UTF-16 BOM"); break;
                case 6: content = [.. content[..at], (byte)'"', .. content[at..]]; notes.Add($"stray quote at {at}"); break;
                default: content = [.. content[..at], 0, 0, .. content[at..]]; notes.Add($"NUL bytes at {at}"); break;
            }
        }
        if (_random.Next(200) == 0) { content = []; notes.Add("empty file"); }
        return content;
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A one-sheet workbook whose cells are of every kind Excel writes: shared and inline strings, numbers, formulas, errors, dates, booleans.</summary>
    private byte[] RenderXlsx((string[] Headers, List<string?[]> Rows) table, List<string> notes)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellStyleFormats(new CellFormat()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var all = new List<string?[]> { table.Headers }.Concat(table.Rows).ToList();
            for (var r = 0; r < all.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                foreach (var value in all[r]) row.Append(Cell(value, shared.SharedStringTable, notes, header: r == 0));
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }
        return memory.ToArray();
    }

    private Cell Cell(string? value, SharedStringTable shared, List<string> notes, bool header)
    {
        if (value is null) return new Cell();
        value = string.Concat(value.Where(System.Xml.XmlConvert.IsXmlChar)); // a workbook cannot hold what XML cannot
        switch (header ? 9 : _random.Next(30))
        {
            case 0: notes.Add("formula cell"); return new Cell { CellFormula = new CellFormula("1+1"), CellValue = new CellValue("2"), DataType = CellValues.Number };
            case 1: notes.Add("formula without cached value"); return new Cell { CellFormula = new CellFormula("A1&\"x\"") };
            case 2: notes.Add("error cell"); return new Cell { CellValue = new CellValue("#DIV/0!"), DataType = CellValues.Error };
            case 3: notes.Add("date in a text cell"); return new Cell { CellValue = new CellValue("46000"), DataType = CellValues.Number, StyleIndex = 1 };
            case 4: notes.Add("boolean cell"); return new Cell { CellValue = new CellValue("1"), DataType = CellValues.Boolean };
            case 5: notes.Add("bad shared string index"); return new Cell { CellValue = new CellValue("99999"), DataType = CellValues.SharedString };
            case 6: notes.Add("number cell with text"); return new Cell { CellValue = new CellValue(value), DataType = CellValues.Number };
            case 7 or 8:
                shared.Append(new SharedStringItem(new Text(value)));
                return new Cell { CellValue = new CellValue((shared.ChildElements.Count - 1).ToString()), DataType = CellValues.SharedString };
            default:
                return decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _) && _random.Next(2) == 0
                    ? new Cell { CellValue = new CellValue(value), DataType = CellValues.Number }
                    : new Cell { InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }), DataType = CellValues.InlineString };
        }
    }
}

internal static class FluentExtensions
{
    public static T Also<T>(this T value, Action action)
    {
        action();
        return value;
    }
}
