using Analytics.Reports.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Reports.Writers;

/// <summary>
/// The workbook's few cell styles. Every number format is declared as a custom format (ids from 164)
/// so the file states its format codes instead of relying on Excel's built-in table.
/// </summary>
internal static class XlsxStyles
{
    public const uint Default = 0, Header = 1, Integer = 2, Money = 3, Ratio = 4, Percent1 = 5, Wage = 6,
        Date = 7, Month = 8, Wrapped = 9, Fraction = 10, Bold = 11, Withheld = 12, RankChange = 13, DateLeft = 14;

    private const uint FirstCustomFormat = 164;

    /// <summary>Format codes by id; a style's format is <c>FirstCustomFormat + index</c>.</summary>
    private static readonly string[] FormatCodes = ["#,##0", "#,##0.00", "0.00", "0.0", "yyyy-mm-dd", "yyyy-mm", "#,##0.##",
        // rank_change stays a number (3, -2, 0) shown as the page shows it
        "\"↑\"0;\"↓\"0;\"持平\""];

    /// <summary>The style of a numeric or date cell of <paramref name="column"/> holding <paramref name="value"/>.</summary>
    public static uint For(ReportColumn column, object value) => column.Kind switch
    {
        ColumnKind.Money => Money,
        ColumnKind.Ratio => Ratio,
        ColumnKind.Percent => column.Decimals == 1 ? Percent1 : Ratio,
        ColumnKind.Wage => Wage,
        ColumnKind.Month => Month,
        ColumnKind.Date => Date,
        ColumnKind.RankChange => RankChange,
        // An average headcount over a period is not whole; don't let #,##0 hide that.
        _ when value is decimal d && d != decimal.Truncate(d) => Fraction,
        _ when !column.Grouped => Default,
        _ => Integer,
    };

    public static Stylesheet Build()
    {
        var numberingFormats = new NumberingFormats(FormatCodes.Select((code, i) =>
            new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)i, FormatCode = code })) { Count = (uint)FormatCodes.Length };
        // In the order of the constants above: the index is the style id.
        CellFormat[] formats =
        [
            new CellFormat(),
            new CellFormat { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
                Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true } },
            Numbered(0), Numbered(1), Numbered(2), Numbered(3), Numbered(0), Numbered(4), Numbered(5),
            new CellFormat { ApplyAlignment = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top } },
            Numbered(6),
            new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true },
            new CellFormat { FontId = 2, ApplyFont = true, ApplyAlignment = true, Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Center } },
            Numbered(7),
            new CellFormat { NumberFormatId = FirstCustomFormat + 4, ApplyNumberFormat = true, ApplyAlignment = true,
                Alignment = new Alignment { Horizontal = HorizontalAlignmentValues.Left } },
        ];
        var cellFormats = new CellFormats(formats) { Count = (uint)formats.Length };

        return new Stylesheet(
            numberingFormats,
            new Fonts(Font(bold: false), Font(bold: true), Font(bold: false, color: "FF808080")) { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(),
                    new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Auto = true } }, new DiagonalBorder())) { Count = 2 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static CellFormat Numbered(int format) =>
        new() { NumberFormatId = FirstCustomFormat + (uint)format, ApplyNumberFormat = true };

    private static Font Font(bool bold, string? color = null)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = 11 });
        if (color is not null) font.Append(new Color { Rgb = color });
        font.Append(new FontName { Val = "等线" });
        return font;
    }
}
