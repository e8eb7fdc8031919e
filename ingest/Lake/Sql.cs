namespace Analytics.Ingest.Lake;

/// <summary>SQL text for values DuckDB cannot take as parameters (file paths in COPY and view definitions).</summary>
internal static class Sql
{
    /// <summary>Parquet format version 1, see <see cref="Analytics.Warehouse.DuckDb.ParquetCopy.Options"/>.</summary>
    public const string LakeParquet = Analytics.Warehouse.DuckDb.ParquetCopy.Options;

    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
