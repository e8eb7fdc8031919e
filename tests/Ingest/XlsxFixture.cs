using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tests.Ingest;

/// <summary>
/// Writes a one-sheet workbook; DateOnly cells become real Excel date cells (serial number + date format);
/// a <see cref="SharedString"/> cell points into the workbook's shared-string table, which holds <see cref="SharedStrings"/>.
/// </summary>
public static class XlsxFixture
{
    /// <summary>A cell of type "s" whose value is <paramref name="Index"/>, valid or not.</summary>
    public sealed record SharedString(int Index);

    public static readonly string[] SharedStrings = ["共享文本", "second"];

    public static byte[] Workbook(params object?[][] rows)
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
            if (rows.SelectMany(r => r).OfType<SharedString>().Any())
                workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
                    new SharedStringTable(SharedStrings.Select(t => new SharedStringItem(new Text(t)))) { Count = (uint)SharedStrings.Length, UniqueCount = (uint)SharedStrings.Length };
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                foreach (var value in rows[r])
                {
                    row.Append(value switch
                    {
                        null => new Cell(),
                        SharedString s => new Cell { CellValue = new CellValue(s.Index.ToString()), DataType = CellValues.SharedString },
                        DateOnly d => new Cell { CellValue = new CellValue((d.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString()), DataType = CellValues.Number, StyleIndex = 1 },
                        int or long or decimal or double => new Cell { CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!), DataType = CellValues.Number },
                        _ => new Cell { InlineString = new InlineString(new Text(value.ToString()!)), DataType = CellValues.InlineString },
                    });
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
        }
        return memory.ToArray();
    }
}
