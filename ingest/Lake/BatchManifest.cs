using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Ingest.Lake;

/// <summary>A Parquet file a batch added to or removed from the lake (path relative to lake/).</summary>
public sealed record LakeFile(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("rows")] long Rows);

/// <summary>
/// The commit record of one batch. Renaming it into lake/_manifest/ is the commit point: before,
/// the batch does not exist; after, every later step (moving files, archiving, catalog) is redone
/// idempotently until done.
/// </summary>
public sealed record BatchManifest
{
    [JsonPropertyName("batch_id")] public required long BatchId { get; init; }
    [JsonPropertyName("committed_at")] public required DateTime CommittedAt { get; init; }
    [JsonPropertyName("files")] public required IReadOnlyList<FileResult> Files { get; init; }
    [JsonPropertyName("sha256")] public required IReadOnlyList<string?> Hashes { get; init; }
    /// <summary>File sizes in bytes (absent in manifests written before sizes were kept).</summary>
    [JsonPropertyName("sizes")] public IReadOnlyList<long?>? Sizes { get; init; }
    [JsonPropertyName("added")] public required IReadOnlyList<LakeFile> Added { get; init; }
    [JsonPropertyName("removed")] public required IReadOnlyList<LakeFile> Removed { get; init; }

    public IReadOnlyList<string> Datasets => Added.Select(f => f.Dataset).Concat(Removed.Select(f => f.Dataset)).Distinct().Order(StringComparer.Ordinal).ToList();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string FileName(long batch) => $"{batch:D8}.json";
    public static string DoneMarker(long batch) => $"{batch:D8}.done";

    public void WriteTo(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static BatchManifest Read(string path) =>
        JsonSerializer.Deserialize<BatchManifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"Empty manifest {path}.");
}
