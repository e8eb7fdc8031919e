using System.Text;
using Analytics.Reports.Formatting;
using Analytics.Warehouse.Csv;
using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>
/// product.md's CSV: UTF-8 with BOM (Excel then reads the Chinese correctly), header = the field
/// names, RFC 4180 quoting and CRLF line ends, invariant numbers, code lists joined with ';';
/// a text cell that a spreadsheet would run as a formula is neutralised (<see cref="CsvField"/>).
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    public void Write(ReportTable table, Stream output, IProgress<int>? rowsWritten = null)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        text.NewLine = "\r\n";
        text.WriteLine(string.Join(",", table.Columns.Select(c => CsvField.Write(c.Field))));
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            text.WriteLine(string.Join(",", table.Columns.Select((c, i) => CsvField.Write(MachineText.Format(c, row.Published(c, i))))));
            RowProgress.Report(rowsWritten, r + 1, table.Rows.Count);
        }
    }
}
