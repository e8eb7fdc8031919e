namespace Analytics.Warehouse.DuckDb;

/// <summary>How every Parquet file the product writes is written by DuckDB (the lake and the Parquet publications).</summary>
public static class ParquetCopy
{
    /// <summary>
    /// The options of every COPY that writes Parquet. The format version is pinned to 1 rather
    /// than left to DuckDB's default (1 in DuckDB 1.5): version 2 writes DECIMAL columns
    /// DELTA_BINARY_PACKED, which Parquet.Net 6.1 (<c>lake verify</c>) cannot decode, and many
    /// older readers know none of version 2's encodings; the files are meant for any engine.
    /// </summary>
    public const string Options = "(FORMAT parquet, PARQUET_VERSION V1)";

    /// <summary>
    /// <c>COPY (query) TO 'path' (…)</c>: DuckDB takes no parameter for a COPY target, so the path (ours,
    /// never a user's text) is spliced as a quoted literal.
    /// </summary>
    public static string Statement(string query, string path) => $"COPY ({query}) TO '{path.Replace("'", "''")}' {Options}";
}
