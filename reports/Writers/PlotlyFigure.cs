using System.Text.Json;
using Analytics.Reports.Formatting;
using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>
/// A <see cref="ChartSpec"/> as plotly traces and layout, serialised with the default encoder, which
/// escapes &lt; &gt; &amp; and quotes, so the JSON can sit inside a &lt;script&gt; whatever the labels hold;
/// labels and series names are <see cref="PlotlyText.Plain"/>, so plotly draws them as text, never as markup.
/// </summary>
internal static class PlotlyFigure
{
    public static string Json(ChartSpec chart)
    {
        chart = chart with
        {
            Labels = chart.Labels.Select(PlotlyText.Plain).ToArray(),
            Series = chart.Series.Select(s => s with { Name = PlotlyText.Plain(s.Name) }).ToArray(),
        };
        var figure = new Dictionary<string, object>
        {
            ["data"] = chart.Kind == ChartKind.Range ? RangeTraces(chart) : BarTraces(chart),
            ["layout"] = new Dictionary<string, object>
            {
                ["title"] = new Dictionary<string, object> { ["text"] = chart.TitleZh },
                ["barmode"] = chart.Kind == ChartKind.Range ? "overlay" : "group",
                ["font"] = new Dictionary<string, object> { ["family"] = "\"Microsoft YaHei\", \"PingFang SC\", \"Noto Sans CJK SC\", sans-serif" },
                ["xaxis"] = new Dictionary<string, object> { ["type"] = "category", ["automargin"] = true },
                ["yaxis"] = new Dictionary<string, object> { ["automargin"] = true },
                ["legend"] = new Dictionary<string, object> { ["orientation"] = "h" },
            },
        };
        return JsonSerializer.Serialize(figure);
    }

    private static object[] BarTraces(ChartSpec chart) =>
        chart.Series.Select(series => (object)new Dictionary<string, object?>
        {
            ["type"] = "bar", ["name"] = series.Name, ["x"] = chart.Labels, ["y"] = series.Values,
        }).ToArray();

    private static object[] RangeTraces(ChartSpec chart)
    {
        var (low, high) = (chart.Series[0], chart.Series[1]);
        var traces = new List<object>
        {
            new Dictionary<string, object?>
            {
                ["type"] = "bar", ["name"] = $"{low.Name}–{high.Name}", ["x"] = chart.Labels, ["base"] = low.Values,
                ["y"] = low.Values.Zip(high.Values, (l, h) => h - l).ToArray(),
                ["customdata"] = high.Values, ["hovertemplate"] = "%{x}: %{base:,.0f} – %{customdata:,.0f}<extra></extra>",
            },
        };
        if (chart.Series.Count > 2)
            traces.Add(new Dictionary<string, object?>
            {
                ["type"] = "scatter", ["mode"] = "markers", ["name"] = chart.Series[2].Name, ["x"] = chart.Labels,
                ["y"] = chart.Series[2].Values, ["marker"] = new Dictionary<string, object> { ["symbol"] = "line-ew-open", ["size"] = 24 },
            });
        return traces.ToArray();
    }
}
