using System.Text.Json;
using Analytics.Reports.Building;
using Analytics.Reports.Model;
using Analytics.Reports.Writers;

namespace Analytics.Reports.Publication;

/// <summary>
/// The JSON API's answer for a published product: the same <see cref="PublishableReport"/> the exports
/// write, as one document. <c>rows</c> is written by <see cref="JsonReportWriter.WriteRows"/>, so it is
/// byte for byte the JSON export of the same request; the document adds what a client needs to show it
/// (titles, columns with headers, kind and whether a rise is good news, totals, notes, the file name).
/// <code>
/// { "title_zh", "title_en", "file_name", "empty_reason",
///   "columns": [{ "field", "header_zh", "header_en", "kind", "increase" }],
///   "rows": [...], "totals": [...],
///   "notes": { "method", "thresholds": [{ "name", "value" }], "data_as_of", "data_as_of_date", "suppression_legend", "remarks": [...] } }
/// </code>
/// </summary>
public static class ReportDocument
{
    public static byte[] Write(PublishableReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonReportWriter.WriterOptions))
        {
            var table = report.Table;
            json.WriteStartObject();
            json.WriteString("title_zh", table.TitleZh);
            json.WriteString("title_en", table.TitleEn);
            json.WriteString("file_name", report.FileStem);
            json.WriteString("empty_reason", report.EmptyReason);
            json.WriteStartArray("columns");
            foreach (var column in table.Columns)
            {
                json.WriteStartObject();
                json.WriteString("field", column.Field);
                json.WriteString("header_zh", column.HeaderZh);
                json.WriteString("header_en", column.HeaderEn);
                json.WriteString("kind", Naming.SnakeCase(column.Kind.ToString()));
                json.WriteString("increase", Naming.SnakeCase(column.Increase.ToString()));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WritePropertyName("rows");
            JsonReportWriter.WriteRows(json, table, table.Rows);
            json.WritePropertyName("totals");
            JsonReportWriter.WriteRows(json, table, table.Totals);
            WriteNotes(json, table.Notes);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteNotes(Utf8JsonWriter json, ReportNotes notes)
    {
        json.WriteStartObject("notes");
        json.WriteString("method", notes.Method);
        json.WriteStartArray("thresholds");
        foreach (var threshold in notes.Thresholds)
        {
            json.WriteStartObject();
            json.WriteString("name", threshold.Name);
            json.WriteString("value", threshold.Value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("data_as_of", notes.DataAsOf);
        if (notes.DataAsOfDate is { } date) json.WriteString("data_as_of_date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else json.WriteNull("data_as_of_date");
        json.WriteString("suppression_legend", notes.SuppressionLegend);
        json.WriteStartArray("remarks");
        foreach (var remark in notes.Remarks) json.WriteStringValue(remark);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
