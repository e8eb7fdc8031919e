using System.Globalization;
using Analytics.Reports.Model;

namespace Analytics.Reports.Formatting;

/// <summary>
/// Values as JSON/CSV carry them: exact and culture-invariant (decimals keep the data's scale,
/// nothing is rounded), dates ISO, months yyyy-MM, code lists joined with ';' (CSV only).
/// </summary>
public static class MachineText
{
    public const string ListSeparator = ";";

    public static string Format(ReportColumn column, object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => Date(column, d),
        string[] items => string.Join(ListSeparator, items),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Date(ReportColumn column, DateOnly date) =>
        date.ToString(column.Kind == ColumnKind.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
