using System.Globalization;
using System.Text;
using Analytics.Reports.Formatting;
using Analytics.Reports.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Reports.Writers;

/// <summary>
/// The workbook a statistician opens: sheet 数据 with Chinese headers, number formats, a frozen
/// header row and widths fitted to the content; 合计 when the table has totals (margins' period
/// totals per project); 说明 with the notes and the data-as-of date as a date cell. Numbers are stored
/// exact and rounded only by the format. Every sheet prints on A4 fitted to the page width, landscape
/// when its columns are wider than a portrait page, with the header row repeated on every page
/// (print titles) and page numbers in the footer.
/// </summary>
public sealed class XlsxReportWriter : IReportWriter
{
    public const string DataSheet = "数据", TotalsSheet = "合计", NotesSheet = "说明";

    /// <summary>The 说明 row whose value is the data-as-of day (China Standard Time) as a date cell.</summary>
    public const string DataAsOfDateLabel = "数据日期";
    private const int MinWidth = 6, MaxWidth = 60;

    /// <summary>
    /// Column widths (in characters) that fit across a portrait A4 page at 100 %; a wider sheet prints
    /// landscape (and both are fitted to the page width, so nothing is cut off either way).
    /// </summary>
    public const double PortraitWidth = 90;

    /// <summary>Excel's paper size code for A4.</summary>
    private const uint A4 = 9;
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    public void Write(ReportTable table, Stream output, IProgress<int>? rowsWritten = null) => Write(table, [], output, rowsWritten);

    /// <summary>
    /// The workbook with <paramref name="extraSheets"/> after the table's own sheets (数据, 合计) and before 说明,
    /// each a table sheet like 数据 (headers, formats, frozen header, widths, print setup and print titles).
    /// Only the XLSX carries them (the wage officer's drill-down lists): no other writer has such a parameter.
    /// </summary>
    public void Write(ReportTable table, IReadOnlyList<XlsxSheet> extraSheets, Stream output, IProgress<int>? rowsWritten = null)
    {
        var names = new[] { DataSheet, TotalsSheet, NotesSheet }.Concat(extraSheets.Select(s => s.Name)).ToArray();
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Length)
            throw new ArgumentException($"Sheet names must differ: {string.Join(", ", extraSheets.Select(s => s.Name))}.");
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Build();
        var sheets = workbook.Workbook.AppendChild(new Sheets());

        var tableSheets = new List<string>();
        void AddTable(string name, ReportTable source, IReadOnlyList<ReportRow> rows, IProgress<int>? progress)
        {
            AddSheet(workbook, sheets, name, TableSheet(source, rows, progress, selected: tableSheets.Count == 0));
            tableSheets.Add(name);
        }
        AddTable(DataSheet, table, table.Rows, rowsWritten);
        if (table.Totals.Count > 0) AddTable(TotalsSheet, table, table.Totals, null);
        foreach (var extra in extraSheets) AddTable(extra.Name, extra.Table, extra.Table.Rows, null);
        AddSheet(workbook, sheets, NotesSheet, NotesWorksheet(table));
        // The header row of each table sheet is repeated at the top of every printed page.
        workbook.Workbook.Append(new DefinedNames(tableSheets.Select((name, i) => new DefinedName
        {
            Name = "_xlnm.Print_Titles", LocalSheetId = (uint)i, Text = $"'{name}'!$1:$1",
        })));
        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Worksheet TableSheet(ReportTable table, IReadOnlyList<ReportRow> rows, IProgress<int>? rowsWritten, bool selected)
    {
        var widths = table.Columns.Select(c => DisplayWidth.Of(c.HeaderZh)).ToArray();
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < table.Columns.Count; c++) header.Append(TextCell(Reference(c, 1), table.Columns[c].HeaderZh, XlsxStyles.Header));
        data.Append(header);

        for (var r = 0; r < rows.Count; r++)
        {
            var rowIndex = (uint)r + 2;
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                widths[c] = Math.Max(widths[c], DisplayWidth.Of(HumanText.Format(column, rows[r], c)));
                var cell = ValueCell(Reference(c, rowIndex), column, rows[r], c);
                if (cell is not null) row.Append(cell);
            }
            data.Append(row);
            RowProgress.Report(rowsWritten, r + 1, rows.Count);
        }

        var shown = widths.Select(w => (double)Math.Clamp(w + 2, MinWidth, MaxWidth)).ToArray();
        var columns = new Columns(shown.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, CustomWidth = true, Width = w }));
        var landscape = shown.Sum() > PortraitWidth;
        return new Worksheet(FitToPage(), FrozenHeader(selected), columns, data, Margins(), PrintSetup(landscape), Footer());
    }

    private static SheetProperties FitToPage() => new(new PageSetupProperties { FitToPage = true });

    private static PageMargins Margins() => new() { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 };

    /// <summary>A4, fitted to one page wide and as many pages tall as the rows need (FitToHeight 0).</summary>
    private static PageSetup PrintSetup(bool landscape) => new()
    {
        PaperSize = A4, FitToWidth = 1, FitToHeight = 0,
        Orientation = landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
    };

    private static HeaderFooter Footer() => new(new OddFooter("&C第 &P 页，共 &N 页"));

    private static Cell? ValueCell(string reference, ReportColumn column, ReportRow row, int index)
    {
        if (row.Suppressed && column.IsWithheldWhenSuppressed)
            return TextCell(reference, ReportNotes.SuppressionMark, XlsxStyles.Withheld);
        return row.Values[index] switch
        {
            null when column.NullText is { } text => TextCell(reference, text, XlsxStyles.Default),
            null => null,
            long n => NumberCell(reference, n.ToString(CultureInfo.InvariantCulture), XlsxStyles.For(column, n)),
            decimal d => NumberCell(reference, d.ToString(CultureInfo.InvariantCulture), XlsxStyles.For(column, d)),
            DateOnly date => NumberCell(reference, (date.DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture), XlsxStyles.For(column, date)),
            var other => TextCell(reference, HumanText.Format(column, other), XlsxStyles.Default),
        };
    }

    private static Worksheet NotesWorksheet(ReportTable table)
    {
        var notes = table.Notes;
        var lines = new List<(string Label, string Text)>
        {
            ("标题", table.TitleZh),
            ("Title", table.TitleEn),
            ("方法说明", notes.Method),
        };
        lines.AddRange(notes.Thresholds.Select(t => ("阈值", $"{t.Name}：{t.Value}")));
        lines.Add(("数据截至", notes.DataAsOfText));
        lines.Add((ReportNotes.SuppressionMark, notes.SuppressionLegend));
        lines.AddRange(notes.Remarks.Select(remark => ("备注", remark)));

        var data = new SheetData();
        for (var i = 0; i < lines.Count; i++)
        {
            var rowIndex = (uint)i + 1;
            data.Append(new Row(
                TextCell(Reference(0, rowIndex), lines[i].Label, XlsxStyles.Bold),
                TextCell(Reference(1, rowIndex), lines[i].Text, XlsxStyles.Wrapped)) { RowIndex = rowIndex });
        }
        if (notes.DataAsOfDate is { } asOf)
        {
            // The as-of day as a real date (sortable, filterable), not only inside the batch's text.
            var rowIndex = (uint)lines.Count + 1;
            data.Append(new Row(
                TextCell(Reference(0, rowIndex), DataAsOfDateLabel, XlsxStyles.Bold),
                NumberCell(Reference(1, rowIndex), (asOf.DayNumber - ExcelEpoch.DayNumber).ToString(CultureInfo.InvariantCulture), XlsxStyles.DateLeft))
            { RowIndex = rowIndex });
        }
        var columns = new Columns(
            new Column { Min = 1, Max = 1, Width = 12, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 100, CustomWidth = true });
        return new Worksheet(FitToPage(), new SheetViews(new SheetView { WorkbookViewId = 0 }), columns, data, Margins(), PrintSetup(landscape: true), Footer());
    }

    private static SheetViews FrozenHeader(bool selected) =>
        new(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { TabSelected = selected, WorkbookViewId = 0 });

    private static Cell NumberCell(string reference, string value, uint style) =>
        new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    private static Cell TextCell(string reference, string text, uint style) =>
        new(new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }))
        { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };

    /// <summary>Characters XML 1.0 cannot carry would make Excel repair the file; they have no meaning in a report.</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlAllowed)) return text;
        return new string(text.Where(XmlAllowed).ToArray());
    }

    private static bool XmlAllowed(char c) => c is '\t' or '\n' or '\r' || c >= ' ' && c != '\uFFFE' && c != '\uFFFF';

    private static string Reference(int column, uint row)
    {
        var letters = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters.Insert(0, (char)('A' + (n - 1) % 26));
        return letters.Append(row).ToString();
    }
}
