namespace Analytics.Reports.Model;

/// <summary>How a column's values are typed in machine formats and shown in human ones.</summary>
public enum ColumnKind
{
    Text,
    Integer,
    /// <summary>Yuan with 2 decimals.</summary>
    Money,
    /// <summary>A ratio such as 求人倍率, 2 decimals.</summary>
    Ratio,
    /// <summary>Already multiplied by 100; <see cref="ReportColumn.Decimals"/> says 1 or 2.</summary>
    Percent,
    /// <summary>A wage figure: whole yuan when shown, withheld in suppressed rows (metrics.md §5).</summary>
    Wage,
    Date,
    /// <summary>A DATE holding the first day of its month, shown as yyyy-MM.</summary>
    Month,
    /// <summary>A list of codes: codes in JSON/CSV, names (via <see cref="ReportColumn.Labels"/>) in XLSX/HTML.</summary>
    Codes,
    Boolean,
    /// <summary>
    /// metrics.md §1's rank_change: places moved up (positive) or down, or the text "new". Machine formats
    /// carry it as they did as text (JSON 3 or "new", CSV/Arrow/Parquet "3"); human ones show ↑3, ↓2, 持平, 新进.
    /// </summary>
    RankChange,
}
