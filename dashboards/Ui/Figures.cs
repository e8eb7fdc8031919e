using Analytics.Warehouse.Marts.Indicators;
using Analytics.Warehouse.Marts.Rankings;

namespace Analytics.Dashboards.Ui;

/// <summary>The plotly figures shared by the pages and the wall screen.</summary>
public static class Figures
{
    public static object RankingBars(UiContext ui, IReadOnlyList<RankingRow> rows, string title, int count = 20)
    {
        var top = rows.Take(count).ToList();
        var labels = top.Select(r => r.OccupationName ?? r.OccupationCode).ToArray();
        return new
        {
            data = new object[]
            {
                new { type = "bar", name = ui.T("需求人数", "Demand"), x = labels, y = top.Select(r => r.Demand).ToArray() },
                new { type = "bar", name = ui.T("求职人数", "Supply"), x = labels, y = top.Select(r => r.Supply).ToArray() },
                new { type = "bar", name = ui.T("缺口数", "Gap"), x = labels, y = top.Select(r => r.Gap).ToArray() },
            },
            layout = new { barmode = "group", title = new { text = title }, xaxis = new { automargin = true } },
        };
    }

    public static object Trend(UiContext ui, IReadOnlyList<IndicatorTrendPoint> trend)
    {
        var months = trend.Select(t => t.Month.ToString("yyyy-MM")).ToArray();
        object Line(string zh, string en, Func<IndicatorTrendPoint, long> get) =>
            new { type = "scatter", mode = "lines+markers", name = ui.T(zh, en), x = months, y = trend.Select(get).ToArray() };
        return new
        {
            data = new[] { Line("招聘需求", "Demand", r => r.Demand), Line("求职人数", "Supply", r => r.Supply), Line("新增就业", "New employment", r => r.NewEmployment) },
            layout = new { title = new { text = ui.T("近12个月趋势", "12-month trend") } },
        };
    }

    public static object ChildRegions(UiContext ui, IReadOnlyList<IndicatorRow> children)
    {
        var names = children.Select(r => r.RegionName ?? r.RegionCode ?? "").ToArray();
        return new
        {
            data = new object[]
            {
                new { type = "bar", name = ui.T("招聘需求", "Demand"), x = names, y = children.Select(r => r.Demand).ToArray() },
                new { type = "bar", name = ui.T("求职人数", "Supply"), x = names, y = children.Select(r => r.Supply).ToArray() },
            },
            layout = new { barmode = "group", title = new { text = ui.T("下级地区对比", "Child regions") } },
        };
    }
}
