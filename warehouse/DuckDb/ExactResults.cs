using System.Data.Common;
using System.Numerics;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// Where DuckDB.NET's values differ from what the warehouse relies on, handled in one place:
/// <list type="bullet">
/// <item>DECIMAL with more than 28 fractional digits: DuckDB.NET truncates the digits .NET's decimal
/// cannot hold. Money must never round silently, so such a result is refused before it is read.
/// (Values whose integer part overflows decimal already throw in DuckDB.NET.)</item>
/// <item>HUGEINT (DuckDB's type for SUM over integers) comes back as <see cref="BigInteger"/>:
/// <see cref="Normalize"/> turns it into a decimal, which <see cref="Convert"/> understands.</item>
/// <item>Elsewhere, by rule rather than code: ExecuteScalar on several statements returns the first
/// statement's value (run them separately), and a .NET decimal passed to a table function or an
/// appender becomes DECIMAL(38,18): pass money as integer cents and scale it in SQL.</item>
/// </list>
/// </summary>
public static class ExactResults
{
    /// <summary>.NET's decimal holds at most 28 digits after the point.</summary>
    public const int MaxDecimalScale = 28;

    /// <summary>Throws when a column of the reader's (first) result cannot be read as an exact .NET value.</summary>
    public static void Check(DbDataReader reader)
    {
        if (reader.FieldCount == 0) return;
        var anyDecimal = false;
        for (var i = 0; i < reader.FieldCount && !anyDecimal; i++)
            anyDecimal = reader.GetFieldType(i) == typeof(decimal);
        if (!anyDecimal) return;
        using var schema = reader.GetSchemaTable();
        if (schema is null) return;
        foreach (System.Data.DataRow row in schema.Rows)
        {
            if (row[SchemaTableColumn.NumericScale] is byte scale && scale > MaxDecimalScale)
                throw new NotSupportedException(
                    $"Column '{row[SchemaTableColumn.ColumnName]}' is DECIMAL({row[SchemaTableColumn.NumericPrecision]},{scale}): " +
                    $".NET's decimal keeps at most {MaxDecimalScale} decimal places and the value would be rounded. Cast it in SQL to a scale of {MaxDecimalScale} or less.");
        }
    }

    /// <summary>A value as the warehouse code expects it: HUGEINT as decimal (exact up to 28 digits), the rest unchanged.</summary>
    public static object Normalize(object value) => value is BigInteger huge ? (decimal)huge : value;
}
