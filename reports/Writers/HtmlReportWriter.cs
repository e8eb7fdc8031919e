using System.Text;
using System.Text.Encodings.Web;
using Analytics.Reports.Formatting;
using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>
/// One self-contained page a bureau can put on its website as is: Chinese title, the chart drawn by
/// the inlined plotly.js (no CDN, nothing fetched), the table, totals and notes. Every text from the
/// data is HTML-encoded; chart data is JSON with &lt; &gt; &amp; escaped.
/// Fit to publish: on a phone the page is as wide as the screen and a wide table scrolls sideways
/// inside its own box; printed, it is A4 with the header row repeated on every page, a table wider
/// than a portrait page on landscape pages, one wider than a landscape page in column bands that each
/// repeat the product's key columns (<see cref="ReportColumn.Key"/>), and the chart redrawn to the
/// page width and never split.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Printable widths of A4 with the margins below, in millimetres.</summary>
    public const double PortraitMm = 186, LandscapeMm = 273;

    /// <summary>The chart's printed width in CSS pixels (186 mm at 96 px per inch).</summary>
    private const int PrintChartPx = 700;

    private const string Style = """
        *,*::before,*::after{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#222;line-height:1.5;overflow-wrap:break-word}
        h1{font-size:1.5rem;margin:.5rem 0 .2rem}.subtitle{color:#666;margin-top:0}
        #chart{width:100%;height:460px}
        .table-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%;margin:1rem 0}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        caption{text-align:left;font-weight:bold;padding:.3rem 0}
        th,td{border:1px solid #ccc;padding:.3rem .5rem}th{background:#ddebf7;white-space:nowrap}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.withheld{color:#888;text-align:center}
        .notes{font-size:.85rem;color:#444}
        .print-only{display:none}
        @media (max-width:640px){body{padding:.5rem}h1{font-size:1.2rem}#chart{height:360px}table{font-size:.8rem}th,td{padding:.2rem .35rem}}
        @page{size:A4 portrait;margin:12mm}
        @page wide{size:A4 landscape;margin:12mm}
        @media print{
          body{max-width:none;padding:0;font-size:9pt}
          #chart{width:700px;max-width:100%;height:420px;break-inside:avoid;page-break-inside:avoid}
          .table-scroll{overflow:visible;margin:.5rem 0}
          .wide{page:wide}
          table{font-size:8pt}
          thead{display:table-header-group}
          tr{break-inside:avoid;page-break-inside:avoid}
          th{white-space:normal;background:#ddebf7;-webkit-print-color-adjust:exact;print-color-adjust:exact}
          th,td{padding:1px 3px}
          .screen-only{display:none}
          .print-only{display:block}
          .notes{break-inside:avoid-page}
        }
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
        WriteBlock(html, table, table.Rows, "report", null, rowsWritten);
        if (table.Totals.Count > 0) WriteBlock(html, table, table.Totals, "report-totals", table.TotalsTitleZh, null);
        WriteNotes(html, table);
        if (chart is not null)
        {
            html.Write("<script>");
            html.Write(PlotlyScript.Source);
            html.Write("</script>\n<script>\nconst figure = ");
            html.Write(PlotlyFigure.Json(chart));
            // Printing: redraw the chart at the page's width before the print layout is taken, and back after.
            html.Write($$"""
                ;
                Plotly.newPlot('chart', figure.data, figure.layout, {displaylogo: false, responsive: true});
                const chart = document.getElementById('chart');
                window.addEventListener('beforeprint', () => Plotly.relayout(chart, {width: {{PrintChartPx}}, height: 420}));
                window.addEventListener('afterprint', () => Plotly.relayout(chart, {width: null, height: null, autosize: true}));
                </script>

                """);
        }
        html.Write("</body>\n</html>\n");
    }

    /// <summary>
    /// The table in its scroll box; printed on a landscape page when wider than a portrait one, and when
    /// wider than a landscape page too, printed as column bands instead (the full table stays for the screen).
    /// </summary>
    private static void WriteBlock(TextWriter html, ReportTable table, IReadOnlyList<ReportRow> rows, string id, string? totalsCaption, IProgress<int>? rowsWritten)
    {
        var widths = PrintWidthsMm(table, rows);
        var total = widths.Sum();
        var bands = total > LandscapeMm ? Bands(table, widths) : null;
        var all = Enumerable.Range(0, table.Columns.Count).ToArray();
        var classes = "table-scroll" + (total > PortraitMm ? " wide" : "") + (bands is not null ? " screen-only" : "");
        html.Write($"<div class=\"{classes}\">\n");
        WriteTable(html, table, rows, all, $" id=\"{id}\"", totalsCaption, totalsCaption is not null, rowsWritten);
        html.Write("</div>\n");
        if (bands is null) return;
        html.Write($"<div class=\"print-only wide\" aria-hidden=\"true\">\n");
        for (var b = 0; b < bands.Count; b++)
        {
            var caption = $"{totalsCaption ?? "数据"}（{b + 1}/{bands.Count}）";
            WriteTable(html, table, rows, bands[b], " class=\"print-band\"", caption, totalsCaption is not null, null);
        }
        html.Write("</div>\n");
    }

    private static void WriteTable(TextWriter html, ReportTable table, IReadOnlyList<ReportRow> rows, IReadOnlyList<int> columns, string attributes,
        string? caption, bool totals, IProgress<int>? rowsWritten)
    {
        html.Write($"<table{attributes}>\n");
        if (caption is not null) html.Write($"<caption>{E(caption)}</caption>\n");
        html.Write("<thead><tr>");
        foreach (var c in columns) html.Write($"<th scope=\"col\" title=\"{E(table.Columns[c].HeaderEn)}\">{E(table.Columns[c].HeaderZh)}</th>");
        html.Write("</tr></thead>\n<tbody>\n");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Write("<tr>");
            foreach (var c in columns)
            {
                var column = table.Columns[c];
                var withheld = rows[r].Suppressed && column.IsWithheldWhenSuppressed;
                var css = withheld ? " class=\"withheld\"" : rows[r].Values[c] is long or decimal ? " class=\"num\"" : "";
                var value = rows[r].Published(column, c);
                // A totals row leaves the columns it does not sum empty rather than "—".
                var text = value is null && totals && !withheld ? "" : Shown(column, value, withheld);
                html.Write($"<td{css}>{E(text)}</td>");
            }
            html.Write("</tr>\n");
            RowProgress.Report(rowsWritten, r + 1, rows.Count);
        }
        html.Write("</tbody>\n</table>\n");
    }

    /// <summary>
    /// Each column's printed width in millimetres at 8 pt: its widest cell (CJK characters count double,
    /// about 1.5 mm per half-width character) or its header (which wraps in print, so at most 8 wide), plus padding.
    /// </summary>
    private static double[] PrintWidthsMm(ReportTable table, IReadOnlyList<ReportRow> rows) =>
        table.Columns.Select((column, c) =>
        {
            var widest = rows.Count == 0 ? 0 : rows.Max(row => DisplayWidth.Of(Shown(column, row.Published(column, c), row.Suppressed && column.IsWithheldWhenSuppressed)));
            return Math.Max(widest, Math.Min(DisplayWidth.Of(column.HeaderZh), 8)) * 1.5 + 2.5;
        }).ToArray();

    /// <summary>
    /// Column bands that each fit a landscape page: every band starts with the key columns (the
    /// product's <see cref="ReportColumn.Key"/> ones, else the first), then as many others, in order, as fit.
    /// </summary>
    private static List<int[]> Bands(ReportTable table, double[] widths)
    {
        var keys = Enumerable.Range(0, table.Columns.Count).Where(c => table.Columns[c].Key).ToArray();
        if (keys.Length == 0) keys = [0];
        var room = LandscapeMm - keys.Sum(c => widths[c]);
        var bands = new List<int[]>();
        var band = new List<int>();
        var used = 0.0;
        foreach (var c in Enumerable.Range(0, table.Columns.Count).Except(keys))
        {
            if (band.Count > 0 && used + widths[c] > room)
            {
                bands.Add([.. keys, .. band]);
                (band, used) = ([], 0);
            }
            band.Add(c);
            used += widths[c];
        }
        if (band.Count > 0) bands.Add([.. keys, .. band]);
        return bands;
    }

    private static string Shown(ReportColumn column, object? value, bool withheld)
    {
        return withheld ? ReportNotes.SuppressionMark : HumanText.Shown(column, value);
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
        var date = notes.DataAsOfDate is { } day ? $"（数据日期 {day:yyyy-MM-dd}）" : "";
        html.Write($"<p class=\"data-as-of\">{E(notes.DataAsOfText + date)}</p>\n");
        html.Write($"<p class=\"suppression-legend\">{E(notes.SuppressionLegend)}</p>\n</section>\n");
    }

    private static string E(string text) => Html.Encode(text);
}
