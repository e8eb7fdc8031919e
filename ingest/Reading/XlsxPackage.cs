using System.IO.Compression;
using System.Xml;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Where a workbook keeps its first sheet, shared strings and styles (from the package's
/// relationships), which cell styles show dates, and whether its dates count from 1904.
/// </summary>
internal sealed record XlsxPackage(string Sheet, string? SharedStrings, bool[] DateStyles, bool Date1904)
{
    /// <summary>Excel allows about 64,000 cell formats; more is not a workbook Excel wrote.</summary>
    private const int MaxStyles = 1 << 16;

    public static XlsxPackage Locate(ZipArchive zip)
    {
        var workbook = Relationships(zip, "_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target
            ?? "xl/workbook.xml";
        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var related = Relationships(zip, $"{folder}_rels/{workbook[folder.Length..]}.rels", folder);
        string? sheetId = null;
        var date1904 = false;
        using (var xml = XlsxXml.Open(zip, workbook))
        {
            while (xml.Read() && sheetId is null)
            {
                if (XlsxXml.IsStart(xml, "workbookPr")) date1904 = xml.GetAttribute("date1904") is "1" or "true";
                else if (XlsxXml.IsStart(xml, "sheet")) sheetId = RelationshipId(xml);
            }
        }
        var sheet = related.FirstOrDefault(r => r.Id == sheetId).Target ?? throw new InvalidDataException("not an XLSX workbook: it has no sheet");
        var strings = related.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        var styles = related.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;
        return new XlsxPackage(sheet, strings, styles is null || XlsxXml.Entry(zip, styles) is null ? [] : DateStylesOf(zip, styles), date1904);
    }

    private static string? RelationshipId(XmlReader xml)
    {
        // r:id, whatever the relationships namespace's prefix and version (transitional or strict).
        while (xml.MoveToNextAttribute())
            if (xml.LocalName == "id" && xml.NamespaceURI.Contains("relationships", StringComparison.Ordinal)) return xml.Value;
        return null;
    }

    private static List<(string Id, string Type, string Target)> Relationships(ZipArchive zip, string part, string folder)
    {
        var list = new List<(string, string, string)>();
        if (XlsxXml.Entry(zip, part) is null) return list;
        using var xml = XlsxXml.Open(zip, part);
        while (xml.Read())
        {
            if (!XlsxXml.IsStart(xml, "Relationship") || xml.GetAttribute("TargetMode") == "External") continue;
            var target = xml.GetAttribute("Target") ?? "";
            list.Add((xml.GetAttribute("Id") ?? "", xml.GetAttribute("Type") ?? "", Resolve(folder, target)));
        }
        return list;
    }

    private static string Resolve(string folder, string target)
    {
        if (target.StartsWith('/')) return target[1..];
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in target.Split('/'))
        {
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (part is not ("." or "")) parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>For each cell style (cellXfs), whether its number format shows a date or time.</summary>
    private static bool[] DateStylesOf(ZipArchive zip, string part)
    {
        var custom = new Dictionary<int, bool>();
        var styles = new List<bool>();
        using var xml = XlsxXml.Open(zip, part);
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs") inCellXfs = false;
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), out var id):
                    custom[id] = IsDateFormat(xml.GetAttribute("formatCode") ?? "");
                    break;
                case "cellXfs":
                    inCellXfs = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    if (styles.Count == MaxStyles) throw new InvalidDataException($"damaged workbook: more than {MaxStyles:N0} cell styles");
                    var format = int.TryParse(xml.GetAttribute("numFmtId"), out var f) ? f : 0;
                    styles.Add(custom.TryGetValue(format, out var isDate) ? isDate : IsBuiltInDate(format));
                    break;
            }
            if (custom.Count > MaxStyles) throw new InvalidDataException($"damaged workbook: more than {MaxStyles:N0} number formats");
        }
        return [.. styles];
    }

    /// <summary>Excel's built-in date and time formats, the Chinese-locale ones (27–36, 50–58) included.</summary>
    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>A custom format shows a date when, outside quotes, escapes and [colour]/[condition] brackets, it has a date or time letter.</summary>
    private static bool IsDateFormat(string code)
    {
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    var close = code.IndexOf('"', i + 1);
                    i = close < 0 ? code.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    var inside = end < 0 ? "" : code[(i + 1)..end].ToLowerInvariant();
                    if (inside is "h" or "hh" or "m" or "mm" or "s" or "ss") return true; // elapsed time
                    i = end < 0 ? code.Length : end;
                    break;
                default:
                    if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's' or 'e' && !code.StartsWith("General", StringComparison.OrdinalIgnoreCase))
                    {
                        // 'e' is a year only in a date context ("e年"); in "0.00E+00" it is an exponent.
                        if (char.ToLowerInvariant(c) == 'e' && !code.Contains('年')) break;
                        return true;
                    }
                    break;
            }
        }
        return false;
    }
}
