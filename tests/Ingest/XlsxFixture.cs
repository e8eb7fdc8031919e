using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Tests.Ingest;

/// <summary>Writes a one-sheet workbook; DateOnly cells become real Excel date cells (serial number + date format).</summary>
public static class XlsxFixture
{
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
