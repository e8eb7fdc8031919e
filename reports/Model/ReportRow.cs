namespace Analytics.Reports.Model;

/// <summary>
/// One row, values in column order, already normalised to string, long, decimal, bool, DateOnly,
/// string[] or null. A suppressed row holds null in every withheld column, so no writer can leak it.
/// </summary>
public sealed record ReportRow(IReadOnlyList<object?> Values, bool Suppressed)
{
    /// <summary>
    /// The value a writer may publish: null for a withheld column of a suppressed row, even when the
    /// row was built by hand rather than by <c>ReportBuilder</c>.
    /// </summary>
    public object? Published(ReportColumn column, int index) =>
        Suppressed && column.IsWithheldWhenSuppressed ? null : Values[index];
}
