using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Analytics.Tests.Reports;

/// <summary>A published workbook opened with OpenXml, with the look-ups the tests need.</summary>
internal sealed class XlsxWorkbook : IDisposable
{
    private readonly SpreadsheetDocument document;

    public XlsxWorkbook(string path) => document = SpreadsheetDocument.Open(path, isEditable: false);

    public IReadOnlyList<string> SheetNames => Sheets.Select(s => s.Name!.Value!).ToArray();

    public IReadOnlyList<ValidationErrorInfo> ValidationErrors() => new OpenXmlValidator().Validate(document).ToArray();

    public Worksheet Sheet(string name)
    {
        var sheet = Sheets.Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart!.GetPartById(sheet.Id!)).Worksheet;
    }

    public static Cell? Cell(Worksheet sheet, string reference) =>
        sheet.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    public string Text(Worksheet sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        if (cell is null) return "";
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString!.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString)
            return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
        return cell.CellValue?.Text ?? "";
    }

    /// <summary>The number format code a cell is displayed with.</summary>
    public string FormatCode(Worksheet sheet, string reference)
    {
        var styles = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(Cell(sheet, reference)!.StyleIndex?.Value ?? 0));
        var id = format.NumberFormatId?.Value ?? 0;
        return styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId! == id)?.FormatCode?.Value
            ?? $"builtin {id}";
    }

    /// <summary>The workbook's print titles: (sheet index, rows repeated at the top of every printed page).</summary>
    public IReadOnlyList<(uint Sheet, string Rows)> PrintTitles() =>
        document.WorkbookPart!.Workbook.DefinedNames?.Elements<DefinedName>()
            .Where(d => d.Name == "_xlnm.Print_Titles").Select(d => (d.LocalSheetId!.Value, d.Text)).ToArray() ?? [];

    public IEnumerable<string> AllTexts() =>
        Sheets.SelectMany(s => Sheet(s.Name!).Descendants<Cell>().Select(c => Text(Sheet(s.Name!), c.CellReference!)));

    private IEnumerable<Sheet> Sheets => document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>();

    public void Dispose() => document.Dispose();
}
