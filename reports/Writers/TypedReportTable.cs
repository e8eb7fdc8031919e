using System.Globalization;
using Analytics.Reports.Formatting;
using Analytics.Reports.Model;
using Analytics.Warehouse.DuckDb;
using DuckDB.NET.Data;

namespace Analytics.Reports.Writers;

/// <summary>
/// A <see cref="ReportTable"/>'s published rows as a typed DuckDB table, from which DuckDB's COPY writes
/// the Parquet file; the types come from the columns' one definition, as the Arrow stream's do:
/// text VARCHAR, integers BIGINT, money/ratios/percents/wages DECIMAL(<see cref="ReportColumn.Precision"/>,
/// <see cref="ReportColumn.Scale"/>), dates and months DATE, code lists VARCHAR[], flags BOOLEAN; nulls
/// (withheld cells of suppressed rows included) stay null. Only <see cref="ReportTable.Rows"/>, as in JSON.
/// </summary>
internal static class TypedReportTable
{
    private const string Staging = "report_rows";

    /// <summary>Loads the rows into a private in-memory database and returns the query that reads them typed, in order.</summary>
    public static string Load(DuckDBConnection db, ReportTable table)
    {
        var columns = table.Columns;
        db.ExecuteNonQuery($"CREATE TABLE {Staging} ({string.Join(", ", columns.Select((c, i) => $"c{i} {StagingType(c)}"))})");
        using (var appender = db.CreateAppender(Staging))
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = appender.CreateRow();
                for (var c = 0; c < columns.Count; c++) Append(row, columns[c], table.Rows[r].Published(columns[c], c));
                row.EndRow();
            }
        }
        // No ORDER BY needed: one table is scanned in insertion order (DuckDB's preserve_insertion_order).
        return $"SELECT {string.Join(", ", columns.Select((c, i) => $"{Typed(c, $"c{i}")} AS {Identifier(c.Field)}"))} FROM {Staging}";
    }

    /// <summary>
    /// Decimals travel as their exact invariant text and are cast in SQL: DuckDB.NET appends a .NET
    /// decimal as DECIMAL(38,18), and text → DECIMAL(p,s) is exact once the scale is checked here.
    /// </summary>
    private static string StagingType(ReportColumn column) => column.Kind switch
    {
        ColumnKind.Integer => "BIGINT",
        _ when TypedValues.IsDecimal(column) => "VARCHAR",
        ColumnKind.Date or ColumnKind.Month => "DATE",
        ColumnKind.Codes => "VARCHAR[]",
        ColumnKind.Boolean => "BOOLEAN",
        _ => "VARCHAR",
    };

    private static string Typed(ReportColumn column, string staged) => column.Kind switch
    {
        _ when TypedValues.IsDecimal(column) => $"CAST({staged} AS DECIMAL({column.Precision}, {column.Scale}))",
        _ => staged,
    };

    private static void Append(IDuckDBAppenderRow row, ReportColumn column, object? value)
    {
        if (value is null)
        {
            row.AppendNullValue();
            return;
        }
        switch (column.Kind)
        {
            case ColumnKind.Integer: row.AppendValue((long?)TypedValues.Whole(column, value)); break;
            case ColumnKind.Money or ColumnKind.Ratio or ColumnKind.Percent or ColumnKind.Wage: row.AppendValue(TypedValues.Exact(column, value).ToString(CultureInfo.InvariantCulture)); break;
            case ColumnKind.Date or ColumnKind.Month: row.AppendValue((DateOnly?)(DateOnly)value); break;
            case ColumnKind.Codes: row.AppendValue((IEnumerable<string>)(string[])value); break;
            case ColumnKind.Boolean: row.AppendValue((bool?)(bool)value); break;
            // A text column may hold a number (rank_change: 3 or "new"): its text, as in CSV.
            default: row.AppendValue(MachineText.Format(column, value)); break;
        }
    }

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
