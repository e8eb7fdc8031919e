using System.Text;
using System.Text.Encodings.Web;
using Analytics.Reports.Formatting;
using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>
/// One self-contained page a bureau can put on its website as is: Chinese title, the chart drawn by
/// the inlined plotly.js (no CDN, nothing fetched), the table, totals and notes. Every text from the
/// data is HTML-encoded; chart data is JSON with &lt; &gt; &amp; escaped.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private const string Style = """
        body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
        h1{font-size:1.5rem;margin-bottom:.2rem}.subtitle{color:#666;margin-top:0}
        #chart{width:100%;height:460px}
        table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
        th,td{border:1px solid #ccc;padding:.3rem .5rem}th{background:#ddebf7;position:sticky;top:0}
        td.num{text-align:right;font-variant-numeric:tabular-nums}td.withheld{color:#888;text-align:center}
        .notes{font-size:.85rem;color:#444}
        """;

    public void Write(ReportTable table, Stream output, IProgress<int>? rowsWritten = null)
    {
        using var html = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        html.Write($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(table.TitleZh)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <h1>{E(table.TitleZh)}</h1>
            <p class="subtitle" lang="en">{E(table.TitleEn)}</p>

            """);
        var chart = table.Chart is { Labels.Count: > 0 } ? table.Chart : null;
        if (chart is not null) html.Write("<div id=\"chart\"></div>\n");
        if (table.Rows.Count == 0) html.Write("<p class=\"empty\">本期没有符合条件的数据。</p>\n");
        WriteTable(html, table, table.Rows, "report", null, rowsWritten);
        if (table.Totals.Count > 0) WriteTable(html, table, table.Totals, "report-totals", table.TotalsTitleZh, null);
        WriteNotes(html, table);
        if (chart is not null)
        {
            html.Write("<script>");
            html.Write(PlotlyScript.Source);
            html.Write("</script>\n<script>\nconst figure = ");
            html.Write(PlotlyFigure.Json(chart));
            html.Write(";\nPlotly.newPlot('chart', figure.data, figure.layout, {displaylogo: false, responsive: true});\n</script>\n");
        }
        html.Write("</body>\n</html>\n");
    }

    private static void WriteTable(TextWriter html, ReportTable table, IReadOnlyList<ReportRow> rows, string id, string? totalsCaption, IProgress<int>? rowsWritten)
    {
        html.Write($"<table id=\"{id}\">\n");
        if (totalsCaption is not null) html.Write($"<caption>{E(totalsCaption)}</caption>\n");
        html.Write("<thead><tr>");
        foreach (var column in table.Columns) html.Write($"<th scope=\"col\" title=\"{E(column.HeaderEn)}\">{E(column.HeaderZh)}</th>");
        html.Write("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Write("<tr>");
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var withheld = rows[r].Suppressed && column.IsWithheldWhenSuppressed;
                var css = withheld ? " class=\"withheld\"" : rows[r].Values[c] is long or decimal ? " class=\"num\"" : "";
                var value = rows[r].Published(column, c);
                // A totals row leaves the columns it does not sum empty rather than "—".
                var text = value is null && totalsCaption is not null && !withheld ? "" : Shown(column, value, withheld);
                html.Write($"<td{css}>{E(text)}</td>");
            }
            html.Write("</tr>\n");
            RowProgress.Report(rowsWritten, r + 1, rows.Count);
        }
        html.Write("</tbody>\n</table>\n");
    }

    private static string Shown(ReportColumn column, object? value, bool withheld)
    {
        if (withheld) return ReportNotes.SuppressionMark;
        var text = HumanText.Format(column, value);
        if (value is not decimal || column.Kind is not (ColumnKind.Money or ColumnKind.Wage)) return text;
        return text.StartsWith('-') ? "-¥" + text[1..] : "¥" + text;
    }

    private static void WriteNotes(TextWriter html, ReportTable table)
    {
        var notes = table.Notes;
        html.Write("<section class=\"notes\">\n<h2>说明</h2>\n");
        html.Write($"<p>{E(notes.Method)}</p>\n");
        if (notes.Thresholds.Count > 0)
        {
            html.Write("<ul class=\"thresholds\">");
            foreach (var t in notes.Thresholds) html.Write($"<li>{E(t.Name)}：{E(t.Value)}</li>");
            html.Write("</ul>\n");
        }
        foreach (var remark in notes.Remarks) html.Write($"<p>{E(remark)}</p>\n");
        html.Write($"<p class=\"data-as-of\">{E(notes.DataAsOfText)}</p>\n");
        html.Write($"<p class=\"suppression-legend\">{E(notes.SuppressionLegend)}</p>\n</section>\n");
    }

    private static string E(string text) => Html.Encode(text);
}
