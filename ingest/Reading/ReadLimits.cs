namespace Analytics.Ingest.Reading;

/// <summary>
/// What one input file may hold, so a small hostile file cannot take the machine (memory, time).
/// Configured as <c>Ingest:MaxColumns</c> etc. (see <see cref="IngestOptions"/>). Nothing is sized by
/// what a file claims about itself (an XLSX sheet's dimension); only what is really there counts.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>Columns per row. The widest dataset has about 20; the rest is room for unknown columns.</summary>
    public int MaxColumns { get; init; } = 1_000;

    /// <summary>Characters (UTF-16 code units, as Excel counts) per field: Excel's own cell limit.</summary>
    public int MaxFieldChars { get; init; } = 32_767;

    /// <summary>Bytes of one row as read (CSV record, JSON line); a longer row is skipped to its end without being held.</summary>
    public int MaxRowBytes { get; init; } = 4 << 20;

    /// <summary>Characters of an XLSX shared-string table, each string counting one more (the table is held in memory).</summary>
    public long MaxSharedStringChars { get; init; } = 50_000_000;

    /// <summary>Cells of an XLSX sheet (every cell and row element counts, empty or not).</summary>
    public long MaxCellsPerSheet { get; init; } = 50_000_000;

    public static ReadLimits Default { get; } = new();

    public string TooManyColumns => $"more than {MaxColumns:N0} columns (Ingest:MaxColumns)";
    public string FieldTooLong => $"field longer than {MaxFieldChars:N0} characters (Ingest:MaxFieldChars)";
    public string RowTooLong => $"row longer than {MaxRowBytes:N0} bytes (Ingest:MaxRowBytes)";
}
