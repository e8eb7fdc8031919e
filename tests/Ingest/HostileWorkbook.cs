using System.IO.Compression;
using System.Text;

namespace Analytics.Tests.Ingest;

/// <summary>
/// A workbook written part by part, so a test can make it say what Excel never would: a lying
/// dimension, a huge shared string, cells far out. Parts are streamed into the zip, so a 50 M-character
/// string never sits in the test's memory either.
/// </summary>
public static class HostileWorkbook
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <param name="sheet">Writes the children of &lt;worksheet&gt; (dimension, sheetData, …).</param>
    /// <param name="sharedStrings">Writes the &lt;si&gt; items of the shared-string table, or null for none.</param>
    public static void Write(string path, Action<TextWriter> sheet, Action<TextWriter>? sharedStrings = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        Part(zip, "[Content_Types].xml", w => w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
        Part(zip, "_rels/.rels", w => w.Write($"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Part(zip, "xl/workbook.xml", w => w.Write($"<workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
            $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + (sharedStrings is null ? "" : $"<Relationship Id=\"rId2\" Type=\"{Rel}/sharedStrings\" Target=\"sharedStrings.xml\"/>") + "</Relationships>"));
        Part(zip, "xl/worksheets/sheet1.xml", w =>
        {
            w.Write($"<worksheet xmlns=\"{Main}\">");
            sheet(w);
            w.Write("</worksheet>");
        });
        if (sharedStrings is not null)
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write($"<sst xmlns=\"{Main}\">");
                sharedStrings(w);
                w.Write("</sst>");
            });
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        write(writer);
    }

    /// <summary>A row of inline-string cells from column A.</summary>
    public static string Row(int number, params string[] values) =>
        $"<row r=\"{number}\">" + string.Concat(values.Select((v, i) => $"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{v}</t></is></c>")) + "</row>";
}
