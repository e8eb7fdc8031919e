namespace Analytics.Ingest.Lake;

/// <summary>
/// The lake as the committed manifests describe it: the live Parquet files of each dataset, the
/// content hashes already ingested, and the newest batch. Rebuilt by replaying the manifests.
/// </summary>
public sealed class LakeState
{
    private readonly Dictionary<string, List<LakeFile>> _live = new(StringComparer.Ordinal);
    private readonly HashSet<(string Dataset, string Sha)> _ingested = [];
    private readonly HashSet<(string File, string Sha)> _failed = [];
    private readonly HashSet<(string Dataset, long Size)> _sizes = [];
    private bool _sizesUnknown;

    public long LastBatch { get; private set; }
    public List<BatchManifest> Batches { get; } = [];

    /// <summary>The datasets that have (or had) live files.</summary>
    public IEnumerable<string> Datasets => _live.Keys;

    public IReadOnlyList<LakeFile> LiveFiles(string dataset) => _live.TryGetValue(dataset, out var files) ? files : [];

    public bool WasIngested(string dataset, string sha) => _ingested.Contains((dataset, sha));
    public bool FailedBefore(string file, string? sha) => sha is not null && _failed.Contains((file, sha));

    /// <summary>False when no ingested file of the dataset had this size, so a file of this size cannot be a re-delivery.</summary>
    public bool MayHaveIngested(string dataset, long size) => _sizesUnknown || _sizes.Contains((dataset, size));

    public static LakeState Load(DataPaths paths) => Load(paths, rolledForwardOnly: false);

    /// <summary>
    /// The batches whose files are in the lake (rolled forward: their done marker exists), up to the
    /// first that is not. What a process that does not hold the ingest lock may read: between a
    /// manifest's rename and its done marker the batch's files are still being moved in.
    /// </summary>
    public static LakeState LoadRolledForward(DataPaths paths) => Load(paths, rolledForwardOnly: true);

    private static LakeState Load(DataPaths paths, bool rolledForwardOnly)
    {
        var state = new LakeState();
        if (!Directory.Exists(paths.Manifests)) return state;
        var manifests = Directory.EnumerateFiles(paths.Manifests, "*.json")
            .Select(BatchManifest.Read).OrderBy(m => m.BatchId);
        foreach (var manifest in manifests)
        {
            if (rolledForwardOnly && !File.Exists(Path.Combine(paths.Manifests, BatchManifest.DoneMarker(manifest.BatchId)))) break;
            state.Apply(manifest);
        }
        return state;
    }

    private void Apply(BatchManifest manifest)
    {
        Batches.Add(manifest);
        LastBatch = manifest.BatchId;
        foreach (var removed in manifest.Removed)
            if (_live.TryGetValue(removed.Dataset, out var files)) files.RemoveAll(f => f.Path == removed.Path);
        foreach (var added in manifest.Added)
        {
            if (!_live.TryGetValue(added.Dataset, out var files)) _live[added.Dataset] = files = [];
            files.Add(added);
        }
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var (file, sha) = (manifest.Files[i], manifest.Hashes[i]);
            if (sha is null) continue;
            if (file.Status == FileStatus.Failed) _failed.Add((file.File, sha));
            else if (file.Dataset is not null)
            {
                _ingested.Add((file.Dataset, sha));
                if (manifest.Sizes?[i] is { } size) _sizes.Add((file.Dataset, size));
                else _sizesUnknown = true;
            }
        }
    }
}
