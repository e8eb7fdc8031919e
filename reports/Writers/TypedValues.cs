using System.Globalization;
using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>A report value as the typed formats (Arrow, Parquet) hold it: integers whole, decimals within their column's scale, never rounded.</summary>
internal static class TypedValues
{
    public static long Whole(ReportColumn column, object value) => value switch
    {
        long n => n,
        decimal d when d == decimal.Truncate(d) => (long)d,
        _ => throw new InvalidOperationException($"'{column.Field}' is an integer column but holds {value}."),
    };

    public static decimal Exact(ReportColumn column, object value)
    {
        var number = value switch
        {
            decimal d => d,
            long n => n,
            _ => throw new InvalidOperationException($"'{column.Field}' is a decimal column but holds {value}."),
        };
        if (decimal.Round(number, column.Scale) != number)
            throw new InvalidOperationException($"'{column.Field}' holds {number.ToString(CultureInfo.InvariantCulture)}, more than its {column.Scale} decimals; "
                                                + "the typed formats never round, so its ReportColumn.Scale must be raised.");
        return number;
    }

    public static bool IsDecimal(ReportColumn column) => column.Kind is ColumnKind.Money or ColumnKind.Ratio or ColumnKind.Percent or ColumnKind.Wage;
}
