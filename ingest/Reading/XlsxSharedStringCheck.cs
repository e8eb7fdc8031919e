using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Finds the cells of a workbook's first sheet whose shared-string index points outside the workbook's
/// shared-string table. ExcelDataReader hands such a cell's raw index on as if it were its text
/// (<c>99999</c>), so they are looked for here, before it reads, and their rows rejected.
/// </summary>
internal static class XlsxSharedStringCheck
{
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string SharedStringsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The first bad cell of each sheet row (1-based row number), or empty when every index is fine or the parts are not found.</summary>
    public static Dictionary<long, RowDefect> Scan(Stream stream)
    {
        var bad = new Dictionary<long, RowDefect>();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var workbook = Targets(zip, "_rels/.rels", "").FirstOrDefault(r => r.Type == OfficeDocument).Path ?? "xl/workbook.xml";
        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var parts = Targets(zip, $"{folder}_rels/{Path.GetFileName(workbook)}.rels", folder);
        var sheet = FirstSheet(zip, workbook, parts);
        if (sheet is null) return bad;
        var strings = parts.FirstOrDefault(r => r.Type == SharedStringsType).Path ?? $"{folder}sharedStrings.xml";
        var count = CountSharedStrings(zip.GetEntry(strings));
        using var xml = XmlReader.Create(sheet.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        long row = 0;
        var column = -1;
        var sharedCell = false;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "row":
                    row = long.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                    column = -1;
                    break;
                case "c":
                    column = ColumnOf(xml.GetAttribute("r")) ?? column + 1;
                    sharedCell = xml.GetAttribute("t") == "s";
                    break;
                case "v" when sharedCell:
                    sharedCell = false;
                    var raw = xml.ReadElementContentAsString();
                    if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < count) break;
                    bad.TryAdd(row, new RowDefect(column, $"shared string index out of range (the workbook has {count})", raw));
                    break;
            }
        }
        return bad;
    }

    private static ZipArchiveEntry? FirstSheet(ZipArchive zip, string workbook, List<(string? Type, string? Path, string? Id)> parts)
    {
        var entry = zip.GetEntry(workbook);
        if (entry is null) return null;
        using var xml = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "sheet") continue;
            var id = xml.GetAttribute("id", RelationshipsNamespace);
            var path = parts.FirstOrDefault(p => p.Id == id).Path;
            return path is null ? null : zip.GetEntry(path);
        }
        return null;
    }

    private static int CountSharedStrings(ZipArchiveEntry? entry)
    {
        if (entry is null) return 0;
        using var xml = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var count = 0;
        while (xml.Read())
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si" && xml.Depth == 1) count++;
        return count;
    }

    /// <summary>A relationships part's entries, targets resolved against <paramref name="folder"/> (or the package root for "/…").</summary>
    private static List<(string? Type, string? Path, string? Id)> Targets(ZipArchive zip, string relsPath, string folder)
    {
        var list = new List<(string?, string?, string?)>();
        var entry = zip.GetEntry(relsPath);
        if (entry is null) return list;
        using var xml = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship") continue;
            var target = xml.GetAttribute("Target");
            if (target is null) continue;
            list.Add((xml.GetAttribute("Type"), target.StartsWith('/') ? target[1..] : folder + target, xml.GetAttribute("Id")));
        }
        return list;
    }

    /// <summary>The 0-based column of a cell reference such as <c>B3</c>, or null without one.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z') break;
            column = column * 26 + (ch - 'A' + 1);
            letters++;
        }
        return letters == 0 ? null : column - 1;
    }
}
