using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Analytics.Ingest.Reading;

/// <summary>Reading the XML parts of an XLSX package as streams: no DTDs, text in bounded chunks, names without namespaces (transitional and strict alike).</summary>
internal static class XlsxXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>Bytes of one tag with its attributes; Excel's longest are a few hundred.</summary>
    private const int MaxTagBytes = 1 << 20;

    public static XmlReader Open(ZipArchive zip, string part) => XmlReader.Create(
        new XmlTagGuardStream(Entry(zip, part)?.Open() ?? throw new InvalidDataException($"not an XLSX workbook: part '{part}' is missing"), MaxTagBytes),
        Settings);

    public static ZipArchiveEntry? Entry(ZipArchive zip, string part) =>
        zip.GetEntry(part) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase));

    public static bool IsStart(XmlReader xml, string name) => xml.NodeType == XmlNodeType.Element && xml.LocalName == name;

    /// <summary>
    /// Appends the text of the element the reader is on and leaves the reader on its end tag.
    /// False when the text is longer than <paramref name="limit"/>: what is over is read in chunks and dropped, never held.
    /// </summary>
    public static bool AppendText(XmlReader xml, StringBuilder text, int limit, char[] chunk)
    {
        if (xml.IsEmptyElement) return true;
        var depth = xml.Depth;
        var within = true;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            int read;
            while ((read = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
            {
                if (within && text.Length + read <= limit) text.Append(chunk, 0, read);
                else within = false;
            }
        }
        return within;
    }

    /// <summary>
    /// The text of a rich-text item (a shared string's &lt;si&gt; or a cell's &lt;is&gt;): every &lt;t&gt;
    /// but the phonetic guides (&lt;rPh&gt;). Leaves the reader on the item's end tag; false when over <paramref name="limit"/>.
    /// </summary>
    public static bool AppendItem(XmlReader xml, StringBuilder text, int limit, char[] chunk)
    {
        if (xml.IsEmptyElement) return true;
        var depth = xml.Depth;
        var within = true;
        xml.Read();
        while (!xml.EOF && xml.Depth > depth)
        {
            if (IsStart(xml, "rPh")) { xml.Skip(); continue; }
            if (IsStart(xml, "t")) within &= AppendText(xml, text, within ? limit : 0, chunk);
            xml.Read();
        }
        return within;
    }

    /// <summary>Excel writes control characters as _xHHHH_ in strings.</summary>
    public static string Unescape(string s)
    {
        if (!s.Contains("_x", StringComparison.Ordinal)) return s;
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '_' && i + 6 < s.Length && s[i + 1] == 'x' && s[i + 6] == '_'
                && int.TryParse(s.AsSpan(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
            {
                result.Append((char)code);
                i += 6;
            }
            else result.Append(s[i]);
        }
        return result.ToString();
    }
}
