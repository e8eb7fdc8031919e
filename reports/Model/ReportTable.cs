namespace Analytics.Reports.Model;

/// <summary>
/// A format-neutral published table: what every writer renders. <see cref="Totals"/> are rows in the
/// same columns (the ranking's totals, a margins period's per-project totals); machine formats
/// (JSON, CSV) hold only <see cref="Rows"/>, as metrics.md §3 asks.
/// </summary>
public sealed record ReportTable(
    string TitleZh,
    string TitleEn,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportRow> Rows,
    ReportNotes Notes)
{
    public IReadOnlyList<ReportRow> Totals { get; init; } = [];
    public string TotalsTitleZh { get; init; } = "合计";
    public ChartSpec? Chart { get; init; }

    /// <summary>When set, the JSON of the table is this one object instead of the rows (a product of figures, not rows: publish release).</summary>
    public System.Text.Json.Nodes.JsonObject? Document { get; init; }

    public int IndexOf(string field)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Field == field) return i;
        return -1;
    }
}
