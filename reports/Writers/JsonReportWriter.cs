using System.Text.Encodings.Web;
using System.Text.Json;
using Analytics.Reports.Formatting;
using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>
/// product.md's JSON: an array of objects keyed by the metrics.md field names; numbers are JSON numbers
/// with the data's exact decimals, nulls are null, code lists are arrays. UTF-8 without BOM.
/// Totals are not part of it (metrics.md §3: JSON holds exactly the rows).
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese names stay readable in the file; JSON is not embedded in HTML from here.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(ReportTable table, Stream output, IProgress<int>? rowsWritten = null)
    {
        using var json = new Utf8JsonWriter(output, Options);
        if (table.Document is { } document)
        {
            document.WriteTo(json);
            return;
        }
        WriteRows(json, table, table.Rows, rowsWritten);
    }

    /// <summary>
    /// <paramref name="rows"/> (the table's rows or its totals) as the JSON array this format holds;
    /// the JSON API's document writes its rows through here, so the API and the export agree byte for byte.
    /// </summary>
    public static void WriteRows(Utf8JsonWriter json, ReportTable table, IReadOnlyList<ReportRow> rows, IProgress<int>? rowsWritten = null)
    {
        json.WriteStartArray();
        for (var r = 0; r < rows.Count; r++)
        {
            json.WriteStartObject();
            for (var c = 0; c < table.Columns.Count; c++)
            {
                json.WritePropertyName(table.Columns[c].Field);
                WriteValue(json, table.Columns[c], rows[r].Published(table.Columns[c], c));
            }
            json.WriteEndObject();
            RowProgress.Report(rowsWritten, r + 1, rows.Count);
        }
        json.WriteEndArray();
    }

    /// <summary>The writer options of this format (indented, Chinese unescaped).</summary>
    public static JsonWriterOptions WriterOptions => Options;

    private static void WriteValue(Utf8JsonWriter json, ReportColumn column, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case long n: json.WriteNumberValue(n); break;
            case decimal d: json.WriteNumberValue(d); break;
            case DateOnly date: json.WriteStringValue(MachineText.Date(column, date)); break;
            case string[] items:
                json.WriteStartArray();
                foreach (var item in items) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"Unexpected {value.GetType().Name} in '{column.Field}'.");
        }
    }
}
