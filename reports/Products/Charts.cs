using Analytics.Reports.Formatting;
using Analytics.Reports.Model;

namespace Analytics.Reports.Products;

/// <summary>Charts resolved from a table's own cells, so a chart can only show what the table publishes.</summary>
public static class Charts
{
    /// <summary>Grouped bars of <paramref name="seriesFields"/> per row, labelled by <paramref name="labelField"/>.</summary>
    public static ChartSpec Bar(ReportTable table, IReadOnlyList<ReportRow> rows, string titleZh, string labelField, params string[] seriesFields) =>
        Build(ChartKind.Bar, table, rows, titleZh, labelField, seriesFields, _ => true);

    /// <summary>
    /// Floating bars from <paramref name="low"/> to <paramref name="high"/> with <paramref name="mid"/> marked;
    /// rows without both ends (suppressed wage cells) are left out.
    /// </summary>
    public static ChartSpec Range(ReportTable table, string titleZh, string labelField, string low, string high, string mid)
    {
        var (l, h) = (Index(table, low), Index(table, high));
        return Build(ChartKind.Range, table, table.Rows, titleZh, labelField, [low, high, mid],
            row => row.Published(table.Columns[l], l) is not null && row.Published(table.Columns[h], h) is not null);
    }

    /// <summary>The first of <paramref name="candidates"/> the table has: names read better than codes, when the record carries them.</summary>
    public static string LabelField(ReportTable table, params string[] candidates) =>
        candidates.FirstOrDefault(field => table.IndexOf(field) >= 0)
        ?? throw new ArgumentException($"The chart needs one of {string.Join(", ", candidates)} as labels.");

    private static ChartSpec Build(ChartKind kind, ReportTable table, IReadOnlyList<ReportRow> rows, string titleZh,
        string labelField, string[] seriesFields, Func<ReportRow, bool> include)
    {
        var shown = rows.Where(include).ToArray();
        var labelIndex = Index(table, labelField);
        // A row without a name is labelled by its code: two "(未知)" bars would merge on plotly's category axis.
        var codeIndex = new[] { "occupation_code", "code", "project_id", "region_code" }.Select(table.IndexOf).FirstOrDefault(i => i >= 0, -1);
        var labels = shown.Select(row => row.Values[labelIndex] is null && codeIndex >= 0 && row.Values[codeIndex] is string code
            ? code : HumanText.Format(table.Columns[labelIndex], row.Values[labelIndex])).ToArray();
        var series = seriesFields.Select(field =>
        {
            var index = Index(table, field);
            var column = table.Columns[index];
            return new ChartSeries(column.HeaderZh, shown.Select(row => Number(column, row.Published(column, index))).ToArray());
        }).ToArray();
        return new ChartSpec(kind, titleZh, labels, series);
    }

    private static int Index(ReportTable table, string field)
    {
        var index = table.IndexOf(field);
        return index >= 0 ? index : throw new ArgumentException($"The chart needs field '{field}', which the table does not have.");
    }

    /// <summary>A chart is shown, so wages are whole yuan here (half away from zero), like the table.</summary>
    private static decimal? Number(ReportColumn column, object? value) => value switch
    {
        long n => n,
        decimal d when column.Kind == ColumnKind.Wage => decimal.Round(d, 0, MidpointRounding.AwayFromZero),
        decimal d => d,
        _ => null,
    };
}
