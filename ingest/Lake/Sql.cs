namespace Analytics.Ingest.Lake;

/// <summary>SQL text for values DuckDB cannot take as parameters (file paths in COPY and view definitions).</summary>
internal static class Sql
{
    /// <summary>
    /// The options of every COPY that writes a lake file: Parquet format version 1 (see
    /// <see cref="Analytics.Warehouse.DuckDb.ParquetCopy.Options"/>), and row groups bounded by bytes as
    /// well as rows (122,880 rows of ordinary values are about 20 MB), since a row group is buffered whole
    /// while it is encoded and rows of long texts must not make one hundreds of MB (honoured where
    /// preserve_insertion_order is false). A string column's dictionary is given up once it passes 64 KiB
    /// (DuckDB's default: 1 MB): ids and hashes are hashed into a dictionary until it passes the limit, then
    /// written plain anyway, so on the ingest bench the files keep every encoding and their size (221.2 MB)
    /// while that hashing costs 7 % less ingest time; codes, regions and enums stay far below 64 KiB.
    /// </summary>
    public const string LakeParquet = "(FORMAT parquet, PARQUET_VERSION V1, ROW_GROUP_SIZE_BYTES '32MB', STRING_DICTIONARY_PAGE_SIZE_LIMIT 65536)";

    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
