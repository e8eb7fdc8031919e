namespace Analytics.Ingest.Lake;

/// <summary>SQL text for values DuckDB cannot take as parameters (file paths in COPY and view definitions).</summary>
internal static class Sql
{
    /// <summary>
    /// The options of every COPY that writes a lake file. The format version is pinned to 1 rather
    /// than left to DuckDB's default (1 in DuckDB 1.5): version 2 writes DECIMAL columns
    /// DELTA_BINARY_PACKED, which Parquet.Net 6.1 (<c>lake verify</c>) cannot decode, and many
    /// older readers know none of version 2's encodings; the lake is meant for any engine.
    /// A row group is buffered whole while it is encoded: its bytes are bounded as well as its
    /// rows (122,880 rows of ordinary values are about 20 MB), so rows of long texts cannot make
    /// one row group hundreds of MB (honoured where preserve_insertion_order is false).
    /// </summary>
    public const string LakeParquet = "(FORMAT parquet, PARQUET_VERSION V1, ROW_GROUP_SIZE_BYTES '32MB')";

    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
