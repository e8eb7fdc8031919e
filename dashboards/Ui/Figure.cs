using Analytics.Reports.Formatting;
using Analytics.Reports.Model;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace Analytics.Dashboards.Ui;

/// <summary>One series of a figure: a name and a value per label (null: no bar, no point).</summary>
public sealed record FigureSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// What a chart of the pages shows, before it becomes Plotly.Blazor traces (<c>Components/Shared/Chart</c>
/// adds the layout). A report's chart comes from its <see cref="ChartSpec"/>, so the page draws what
/// the HTML export draws. Every label and name goes through <see cref="PlotlyText.Plain"/>: a name from
/// the data holding &lt;a href&gt; is drawn as text, never as a link.
/// </summary>
public sealed record Figure(FigureKind Kind, string Title, IReadOnlyList<string> Labels, IReadOnlyList<FigureSeries> Series)
{
    /// <summary>How many values are drawn (a test, or a reader, tells an empty chart from a full one).</summary>
    public int Points => Series.Sum(s => s.Values.Count(v => v is not null));

    /// <summary>A report table's chart, its series named in the reader's language from the table's own headers.</summary>
    public static Figure? Of(ReportTable table, UiContext ui)
    {
        if (table.Chart is not { Labels.Count: > 0 } chart) return null;
        string Header(string zh) => table.Columns.FirstOrDefault(c => c.HeaderZh == zh) is { } c ? ui.T(c.HeaderZh, c.HeaderEn) : zh;
        return new Figure(chart.Kind == ChartKind.Range ? FigureKind.Range : FigureKind.Bars,
            ui.T(chart.TitleZh, table.TitleEn), chart.Labels, chart.Series.Select(s => new FigureSeries(Header(s.Name), s.Values)).ToArray());
    }

    public IList<ITrace> Traces() => Kind switch
    {
        FigureKind.Range => RangeTraces(),
        FigureKind.Lines => Series.Select(s => (ITrace)new Scatter
        {
            Name = PlotlyText.Plain(s.Name), X = Labels.Select(PlotlyText.Plain).Cast<object>().ToList(), Y = Values(s),
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
        }).ToList(),
        _ => Series.Select(s => (ITrace)new Bar { Name = PlotlyText.Plain(s.Name), X = X(), Y = Values(s) }).ToList(),
    };

    /// <summary>A floating bar from the first series (low) to the second (high), the third (mid) marked.</summary>
    private IList<ITrace> RangeTraces()
    {
        var (low, high) = (Series[0], Series[1]);
        var traces = new List<ITrace>
        {
            new Bar
            {
                Name = PlotlyText.Plain($"{low.Name}–{high.Name}"), X = X(),
                BaseArray = low.Values.Cast<object>().ToList(),
                Y = low.Values.Zip(high.Values, (l, h) => (object?)(h - l)).ToList()!,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "rgba(31,119,180,0.35)" },
            },
        };
        if (Series.Count > 2)
            traces.Add(new Scatter
            {
                Name = PlotlyText.Plain(Series[2].Name), X = X(), Y = Values(Series[2]),
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = "#b3261e", Size = 24, Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.LineEwOpen },
            });
        return traces;
    }

    private List<object> X() => Labels.Select(PlotlyText.Plain).Cast<object>().ToList();

    private static List<object> Values(FigureSeries series) => series.Values.Select(v => (object?)v).ToList()!;
}

public enum FigureKind { Bars, Lines, Range }
