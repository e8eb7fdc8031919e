using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Ingest.Lake;

/// <summary>
/// Inbox files that failed as a whole, remembered by size, last-write time and content hash
/// (data/staging/failed-files.json), so a pass does not read or hash an unchanged one again: a
/// broken 1 GB file costs one read, not one per minute. A file whose size or time changed is read
/// again; <c>ingest --retry-failed</c> reads them all again. Only a cache: losing it costs one read.
/// </summary>
public sealed class FailedFiles
{
    public sealed record Entry(
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("last_write_utc")] DateTime LastWriteUtc,
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("error")] string? Error);

    private readonly Dictionary<string, Entry> _entries;

    private FailedFiles(Dictionary<string, Entry> entries) => _entries = entries;

    public static FailedFiles Load(DataPaths paths)
    {
        try
        {
            if (File.Exists(paths.FailedFiles))
                return new(JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(paths.FailedFiles)) ?? []);
        }
        catch (Exception e) when (e is JsonException or IOException) { } // a damaged cache is an empty one
        return new([]);
    }

    /// <summary>The remembered failure of <paramref name="file"/> (path below inbox/) when its size and last-write time are still the same.</summary>
    public Entry? Unchanged(string file, long size, DateTime lastWriteUtc) =>
        _entries.TryGetValue(file, out var e) && e.Size == size && e.LastWriteUtc == lastWriteUtc ? e : null;

    /// <summary>
    /// Keeps this pass's failures; earlier entries stay for files the pass did not look at (another
    /// dataset's folder) that are still in the inbox. Written aside and renamed, so it is never half there.
    /// </summary>
    public void Save(DataPaths paths, IReadOnlyCollection<string> scanned, IEnumerable<FileResult> results)
    {
        var kept = _entries.Where(e => !scanned.Contains(e.Key) && File.Exists(paths.InboxFile(e.Key))).ToDictionary();
        foreach (var r in results)
        {
            if (r.UnchangedSinceFailure) kept[r.File] = _entries[r.File]; // its first error, not the note about it
            else if (r is { Status: FileStatus.Failed, Sha256: { } sha, Size: { } size, LastWriteUtc: { } time })
                kept[r.File] = new Entry(size, time, sha, r.Error);
        }
        if (kept.Count == 0 && _entries.Count == 0) return;
        Directory.CreateDirectory(paths.Staging);
        var temp = paths.FailedFiles + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(kept));
        File.Move(temp, paths.FailedFiles, overwrite: true);
    }
}
