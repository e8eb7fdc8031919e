using Analytics.Ingest.Reading;

namespace Analytics.Ingest;

/// <summary>What an ingest pass needs; bound from the "Ingest" configuration section in the host.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Set by whoever builds the options (the composition root's data folder rule), never bound from the section.</summary>
    public required string DataDirectory { get; set; }

    /// <summary>HMAC key for person ids (hex or base64). When absent, one is generated and kept in data/secrets/id-hash.key.</summary>
    public string? IdHashKey { get; init; }

    /// <summary>
    /// DuckDB memory of a pass, all its DuckDB instances together: the merge database and one
    /// Parquet writer per core each get an equal share as their memory_limit.
    /// </summary>
    public string StageMemoryLimit { get; init; } = "512MB";

    /// <summary>
    /// Valid rows held in memory (about 150 bytes each) across a file's partitions before the
    /// largest partition is written out as a Parquet file of its own.
    /// </summary>
    public long BufferedRows { get; init; } = 1_000_000;

    /// <summary>A partition is written out once it holds this many rows, so files stay a size readers split well.</summary>
    public long RowsPerFile { get; init; } = 1_000_000;

    /// <summary>
    /// A file is taken only once its size and last-write time have stayed the same this long: a pass
    /// waits out the rest of this time for files changed just before it, and leaves any still changing for a later pass.
    /// </summary>
    public double SettleSeconds { get; init; } = 5;

    /// <summary>
    /// How often the web host looks in lake/_manifest for a batch another process (a CLI ingest) committed,
    /// besides watching the folder (watchers can miss events); 0 turns the watching off.
    /// </summary>
    public double ManifestPollSeconds { get; init; } = 1;

    public const int DefaultMaxFutureDays = 366;

    /// <summary>
    /// How many days after today an event date (a registration, a settlement month) may lie; a later one is
    /// rejected as a typo. Planned dates (contract and project ends, due dates) are not bounded.
    /// </summary>
    public int MaxFutureDays { get; init; } = DefaultMaxFutureDays;

    /// <summary>Columns per row; a wider data row is rejected, a wider header fails the file.</summary>
    public int MaxColumns { get; init; } = ReadLimits.Default.MaxColumns;

    /// <summary>Characters per field (Excel's cell limit); a longer field rejects its row (an XLSX shared string fails the file).</summary>
    public int MaxFieldChars { get; init; } = ReadLimits.Default.MaxFieldChars;

    /// <summary>Bytes per CSV record or JSON line; a longer one is skipped without being held and rejected.</summary>
    public int MaxRowBytes { get; init; } = ReadLimits.Default.MaxRowBytes;

    /// <summary>Characters of an XLSX shared-string table (held in memory while the sheet is read); more fails the file.</summary>
    public long MaxSharedStringChars { get; init; } = ReadLimits.Default.MaxSharedStringChars;

    /// <summary>Cells (and row elements) of an XLSX sheet, whatever its dimension claims; more fails the file.</summary>
    public long MaxCellsPerSheet { get; init; } = ReadLimits.Default.MaxCellsPerSheet;

    /// <summary>Lines of one rejects file; a last line counts the violations left out (rows_rejected still counts every row).</summary>
    public int MaxRejectsPerFile { get; init; } = 10_000;

    public ReadLimits Limits => new()
    {
        MaxColumns = MaxColumns,
        MaxFieldChars = MaxFieldChars,
        MaxRowBytes = MaxRowBytes,
        MaxSharedStringChars = MaxSharedStringChars,
        MaxCellsPerSheet = MaxCellsPerSheet,
    };

    /// <summary>How long a pass waits for another process's pass to finish before giving up.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Test hook called at named points of the commit protocol ("before-merge", "before-commit", "after-commit"); throwing simulates a crash.</summary>
    public Action<string>? FaultPoint { get; init; }
}
