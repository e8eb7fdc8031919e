using System.Text.Json.Serialization;

namespace Analytics.Ingest;

public static class FileStatus
{
    public const string Loaded = "loaded";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    /// <summary>Not settled yet (still being copied, or changed while read): left in the inbox for a later pass.</summary>
    public const string Waiting = "waiting";
}

/// <summary>One inbox file's outcome: the object of the <c>ingest --json</c> array (product.md) and of <c>ingest_files</c>.</summary>
public sealed record FileResult
{
    /// <summary>Path below inbox/, '/'-separated.</summary>
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("dataset")] public string? Dataset { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("rows_in")] public long RowsIn { get; init; }
    [JsonPropertyName("rows_loaded")] public long RowsLoaded { get; init; }
    [JsonPropertyName("rows_rejected")] public long RowsRejected { get; init; }
    /// <summary>The rejects CSV, relative to the data directory, or null.</summary>
    [JsonPropertyName("rejects")] public string? Rejects { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    /// <summary>How a loaded text file was decoded: <c>utf-8</c> or <c>gb18030</c> (CSV: detected, see TextEncodings); null for XLSX and files not read.</summary>
    [JsonPropertyName("encoding")] public string? Encoding { get; init; }

    [JsonIgnore] public string? Sha256 { get; init; }
    [JsonIgnore] public long? Size { get; init; }
    [JsonIgnore] public DateTime? LastWriteUtc { get; init; }
    /// <summary>A failed file left unread because it has not changed since it failed (see <c>FailedFiles</c>).</summary>
    [JsonIgnore] public bool UnchangedSinceFailure { get; init; }
    /// <summary>The error it first failed with (for a file <see cref="UnchangedSinceFailure"/>; <see cref="Error"/> adds a note to it).</summary>
    [JsonIgnore] public string? FirstError { get; init; }
    /// <summary>Header columns that name nothing in the dataset (ignored).</summary>
    [JsonIgnore] public IReadOnlyList<string> UnknownColumns { get; init; } = [];
}
