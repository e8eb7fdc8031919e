namespace Analytics.Ingest;

/// <summary>What an ingest pass needs; bound from the "Ingest" configuration section in the host.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Set by whoever builds the options (the composition root's data folder rule), never bound from the section.</summary>
    public required string DataDirectory { get; set; }

    /// <summary>HMAC key for person ids (hex or base64). When absent, one is generated and kept in data/secrets/id-hash.key.</summary>
    public string? IdHashKey { get; init; }

    /// <summary>DuckDB memory limit of each of a pass's DuckDB instances (the merge database and one Parquet writer per core).</summary>
    public string StageMemoryLimit { get; init; } = "512MB";

    /// <summary>
    /// Valid rows held in memory (about 150 bytes each) across a file's partitions before the
    /// largest partition is written out as a Parquet file of its own.
    /// </summary>
    public long BufferedRows { get; init; } = 1_000_000;

    /// <summary>A partition is written out once it holds this many rows, so files stay a size readers split well.</summary>
    public long RowsPerFile { get; init; } = 1_000_000;

    /// <summary>How long a pass waits for another process's pass to finish before giving up.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Test hook called at named points of the commit protocol ("before-commit", "after-commit"); throwing simulates a crash.</summary>
    public Action<string>? FaultPoint { get; init; }
}
