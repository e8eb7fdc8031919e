namespace Analytics.Reports.Model;

/// <summary>
/// One row, values in column order, already normalised to string, long, decimal, bool, DateOnly,
/// string[] or null. A suppressed row holds null in every withheld column, so no writer can leak it.
/// </summary>
public sealed record ReportRow(IReadOnlyList<object?> Values, bool Suppressed);
