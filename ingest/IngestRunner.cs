using DuckDB.NET.Data;
using Analytics.Ingest.Lake;
using Analytics.Ingest.Validation;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Ingest;

/// <summary>
/// One ingest pass over inbox/: the entry point for the CLI verb and the scheduled jobs.
/// Passes are serialized (in-process and across processes by a lock file); each starts by
/// finishing or discarding whatever a crashed pass left, and ends by bringing the catalog up to date.
/// </summary>
public sealed class IngestRunner
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);
    /// <summary>
    /// One catalog sync at a time in the process. Not the passes' turn: a sync must not wait behind a
    /// long pass (another process's batch is due on the pages within seconds), and it is safe beside one:
    /// a pass holds the lock file, so every batch committed before it is in the state it loaded.
    /// </summary>
    private static readonly object SyncTurn = new();

    private readonly IngestOptions _options;
    private readonly LakeEvents? _events;
    private readonly DataPaths _paths;
    private readonly DuckDbDataSource? _catalog;

    /// <param name="catalog">The process's data source over warehouse.duckdb (the web host's); without it each sync opens the file itself.</param>
    public IngestRunner(IngestOptions options, LakeEvents? events = null, DuckDbDataSource? catalog = null)
    {
        if (options.MaxFutureDays < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxFutureDays, "Ingest:MaxFutureDays must be 0 or more (days after today an event date may lie).");
        _options = options;
        _events = events;
        _paths = new DataPaths(options.DataDirectory);
        _catalog = catalog;
    }

    public DataPaths Paths => _paths;

    /// <summary>Runs one pass (optionally only the given datasets' folders) and returns what happened to each file.</summary>
    /// <param name="retryFailed">Read files again that failed before and have not changed since (otherwise they are reported failed unread).</param>
    public async Task<IngestPassResult> RunPassAsync(IReadOnlyCollection<string>? datasets = null, IProgress<IngestProgress>? progress = null,
        CancellationToken cancellation = default, bool retryFailed = false)
    {
        if (!await InProcess.WaitAsync(_options.LockTimeout, cancellation))
            throw new TimeoutException("Another ingest pass is still running in this process.");
        try
        {
            using var lockFile = await AcquireLockFileAsync(cancellation);
            return await Task.Run(() => RunLocked(datasets, progress, retryFailed, cancellation), cancellation);
        }
        finally { InProcess.Release(); }
    }

    /// <summary>
    /// Only brings the catalog up to the lake's rolled-forward batches (after another process committed);
    /// raises <see cref="LakeEvents.LakeChanged"/>. Takes no lock file: it only reads the manifests.
    /// </summary>
    public (bool UpToDate, string? Error) SyncCatalog() =>
        // A pass of this process between its commit and its own sync is left to sync (and delete what it replaced) itself.
        Volatile.Read(ref _ownCommitPending) ? (true, null) : TrySync(LakeState.LoadRolledForward(_paths), deletesReplacedFiles: false);

    /// <summary>True from just before this process's pass commits until its sync: <see cref="SyncCatalog"/> leaves that batch to the pass.</summary>
    private bool _ownCommitPending;

    private IngestPassResult RunLocked(IReadOnlyCollection<string>? datasets, IProgress<IngestProgress>? progress, bool retryFailed, CancellationToken cancellation)
    {
        var committer = new BatchCommitter(_paths, _options.FaultPoint);
        var state = LakeState.Load(_paths);
        committer.Recover(state);
        var (files, waiting) = InboxSettling.Settle(InboxFile.Scan(_paths, datasets), TimeSpan.FromSeconds(_options.SettleSeconds), cancellation);
        if (files.Count == 0)
        {
            var (upToDate, error) = TrySync(state);
            return new IngestPassResult(waiting, null, upToDate, error);
        }

        var failed = FailedFiles.Load(_paths);
        var batch = state.LastBatch + 1;
        var hasher = new PersonIdHasher(PersonIdHasher.LoadOrCreateKey(_options.IdHashKey, _paths.KeyFile));
        var writer = new LakeWriter(_paths, _options.BufferedRows, _options.RowsPerFile);
        var ingestor = new FileIngestor(_paths, hasher, writer, _options.Limits, _options.MaxRejectsPerFile, _options.MaxFutureDays);
        var results = new List<FileResult>();
        List<LakeFile> added, removed;
        using (var stage = new StageDatabase(_paths.StagingFor(batch), _options.StageMemoryLimit))
        {
            var seen = new PassFiles();
            var staged = new List<StagedInput>();
            for (var i = 0; i < files.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                results.Add(IngestOne(files[i], i, batch, stage, state, retryFailed ? null : failed, seen, staged, ingestor, progress, files.Count, cancellation));
            }
            _options.FaultPoint?.Invoke("before-merge");
            DropChanged(files, results, staged, batch);
            (added, removed) = writer.Merge(stage.Connection, state, batch, staged);
        }
        failed.Save(_paths, files.Select(f => f.ShownPath).ToHashSet(StringComparer.Ordinal), results);

        var report = results.Concat(waiting).OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        var taken = results.Where(r => r.Status != FileStatus.Waiting).ToList();
        if (taken.All(r => r.Status == FileStatus.Failed && state.FailedBefore(r.File, r.Sha256)))
        {
            // Nothing new: the same broken files as last time, or files still settling. Report them, record nothing.
            committer.Recover(state);
            var (upToDate, error) = TrySync(state);
            return new IngestPassResult(report, null, upToDate, error);
        }

        var manifest = new BatchManifest
        {
            BatchId = batch,
            CommittedAt = DateTime.UtcNow,
            Files = taken,
            Hashes = taken.Select(r => r.Sha256).ToList(),
            Sizes = taken.Select(r => r.Size).ToList(),
            Added = added,
            Removed = removed,
        };
        var (synced, syncError) = CommitAndSync(committer, manifest, files.Where((_, i) => results[i].Status != FileStatus.Waiting).Select(f => f.RelativePath).ToList());
        return new IngestPassResult(report, batch, synced, syncError);
    }

    private (bool, string?) CommitAndSync(BatchCommitter committer, BatchManifest manifest, IReadOnlyList<string> inboxPaths)
    {
        Volatile.Write(ref _ownCommitPending, true);
        try
        {
            (bool UpToDate, string? Error, IReadOnlyList<BatchManifest> Applied) synced = default;
            // The catalog is brought up to date while the inbox files are verified and archived; the pages hear of
            // the batch once both are done (the data page lists what is still in the inbox).
            committer.Commit(manifest, inboxPaths, meanwhile: () => synced = SyncOnly(LakeState.Load(_paths), deletesReplacedFiles: true));
            Announce(synced.Applied);
            return (synced.UpToDate, synced.Error);
        }
        finally { Volatile.Write(ref _ownCommitPending, false); }
    }

    /// <summary>
    /// A file whose size or time changed since it settled (a copy that resumed while it was read) leaves
    /// the batch: its staged rows and rejects are deleted and it waits in the inbox for a later pass.
    /// </summary>
    private void DropChanged(List<InboxFile> files, List<FileResult> results, List<StagedInput> staged, long batch)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (results[i].Status == FileStatus.Failed || InboxSettling.StillAsScanned(files[i])) continue;
            foreach (var input in staged.Where(s => s.Ordinal == i).ToList())
            {
                foreach (var f in input.Files) File.Delete(_paths.StagedLakeFile(batch, f.Path));
                staged.Remove(input);
            }
            if (results[i].Rejects is { } rejects) File.Delete(PathGuard.Inside(_paths.Root, rejects));
            results[i] = InboxSettling.Waiting(files[i], "changed while it was read: left for a later pass");
        }
    }

    private FileResult IngestOne(InboxFile file, int ordinal, long batch, StageDatabase stage, LakeState state, FailedFiles? failed, PassFiles seen,
        List<StagedInput> staged, FileIngestor ingestor, IProgress<IngestProgress>? progress, int fileCount, CancellationToken cancellation)
    {
        if (file.LinkTarget is not null)
            return FileIngestor.Failed(file, LinkIdentity(file.LinkTarget), InboxReview.LinkReason);
        var (size, lastWrite) = (file.Stamp.Length, file.Stamp.LastWriteUtc);
        string? sha = null;
        try
        {
            // Same size and time as when it failed: the same failure, without reading or hashing it again.
            if (failed?.Unchanged(file.ShownPath, size, lastWrite) is { } before)
                return FileIngestor.Failed(file, before.Sha256, $"{before.Error} (unchanged since it failed, not read again: change the file or run `analytics ingest --retry-failed`)")
                    with { Size = size, LastWriteUtc = lastWrite, UnchangedSinceFailure = true, FirstError = before.Error };
            // A file no earlier one matches in size cannot be a re-delivery: hash it while reading instead of beforehand.
            var mayBeSeen = file.Schema is null || state.MayHaveIngested(file.Schema.Name, size) || !seen.AddSize(file.Schema.Name, size);
            if (mayBeSeen || !FileIngestor.CanHashWhileReading(file)) sha = BatchCommitter.Sha256Of(file.FullPath);
        }
        catch (IOException e) { return FileIngestor.Failed(file, null, $"unreadable: {e.Message}"); }
        if (file.Schema is null)
            return FileIngestor.Failed(file, sha, file.FolderName is null
                ? InboxReview.NoFolderReason
                : InboxReview.UnknownFolderReason(file.FolderName)) with { Size = size, LastWriteUtc = lastWrite };
        if (sha is not null && (state.WasIngested(file.Schema.Name, sha) || !seen.AddHash(file.Schema.Name, sha)))
            return new FileResult { File = file.ShownPath, Dataset = file.Schema.Name, Status = FileStatus.Skipped, Sha256 = sha, Size = size };
        var result = ingestor.Ingest(file, sha, ordinal, batch, stage, staged, progress, fileCount, cancellation) with { Size = size, LastWriteUtc = lastWrite };
        if (sha is null && result.Sha256 is { } computed) seen.AddHash(file.Schema.Name, computed);
        return result;
    }

    /// <summary>Stands in for a refused link's content hash, so the same link is reported once, not committed again by every pass.</summary>
    private static string LinkIdentity(string target) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("symbolic link to " + target)));

    /// <summary>What this pass has taken in so far, per dataset: content hashes and sizes.</summary>
    private sealed class PassFiles
    {
        private readonly HashSet<(string, string)> _hashes = [];
        private readonly HashSet<(string, long)> _sizes = [];

        public bool AddHash(string dataset, string sha) => _hashes.Add((dataset, sha));
        public bool AddSize(string dataset, long size) => _sizes.Add((dataset, size));
    }

    private (bool, string?) TrySync(LakeState state, bool deletesReplacedFiles = true)
    {
        var (upToDate, error, applied) = SyncOnly(state, deletesReplacedFiles);
        Announce(applied);
        return (upToDate, error);
    }

    /// <summary>Brings the catalog up to the state; returns the batches it applied, not yet announced.</summary>
    private (bool, string?, IReadOnlyList<BatchManifest>) SyncOnly(LakeState state, bool deletesReplacedFiles)
    {
        try
        {
            lock (SyncTurn) return (true, null, new Catalog(_paths, _catalog) { DeletesReplacedFiles = deletesReplacedFiles }.Sync(state));
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            // Another process (the web host) holds warehouse.duckdb; it watches the manifests and syncs within a second or two.
            return (false, "warehouse.duckdb is held by another process (a running `analytics serve`); it notices the committed batch and shows it within seconds", []);
        }
    }

    /// <summary>Raises <see cref="LakeEvents.LakeChanged"/> for the applied batches that changed the lake.</summary>
    private void Announce(IReadOnlyList<BatchManifest>? applied)
    {
        foreach (var batch in applied ?? [])
            if (batch.Added.Count > 0 || batch.Removed.Count > 0) _events?.Raise(batch.BatchId, batch.Datasets);
    }

    private async Task<FileStream> AcquireLockFileAsync(CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_paths.LockFile)!);
        var deadline = DateTime.UtcNow + _options.LockTimeout;
        while (true)
        {
            try { return new FileStream(_paths.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { await Task.Delay(250, cancellation); }
        }
    }
}
