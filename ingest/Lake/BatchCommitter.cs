using System.Security.Cryptography;

namespace Analytics.Ingest.Lake;

/// <summary>
/// The commit protocol. Everything of a batch is first written aside (staging/&lt;batch&gt;/, rejects/&lt;batch&gt;/);
/// the commit point is one atomic rename of its manifest into lake/_manifest/. Rolling forward
/// (moving the Parquet files into the lake, archiving the inbox files) is idempotent and is
/// redone by recovery after a crash; uncommitted leftovers are simply deleted and the work redone.
/// </summary>
public sealed class BatchCommitter(DataPaths paths, Action<string>? faultPoint)
{
    /// <param name="inboxPaths">Each file's real path below inbox/ (the manifest holds only the shown, masked one).</param>
    /// <param name="meanwhile">
    /// Work that needs the batch's Parquet files in the lake but not its inbox files archived (the catalog sync): it runs
    /// once they are moved in, while the inbox files are checked (SHA-256 read again) and archived on another thread,
    /// as that check reads every byte of each file once more. Archiving completes before this returns, either way.
    /// </param>
    public void Commit(BatchManifest manifest, IReadOnlyList<string> inboxPaths, Action? meanwhile = null)
    {
        Directory.CreateDirectory(paths.Manifests);
        var temp = Path.Combine(paths.StagingFor(manifest.BatchId), "manifest.json");
        manifest.WriteTo(temp);
        FlushToDisk(temp);
        faultPoint?.Invoke("before-commit");
        File.Move(temp, Path.Combine(paths.Manifests, BatchManifest.FileName(manifest.BatchId)));
        faultPoint?.Invoke("after-commit");
        RollForward(manifest, inboxPaths, meanwhile);
    }

    /// <summary>Completes committed batches a crash interrupted and throws away uncommitted ones.</summary>
    public void Recover(LakeState state)
    {
        foreach (var batch in state.Batches)
            if (!File.Exists(Path.Combine(paths.Manifests, BatchManifest.DoneMarker(batch.BatchId))))
                RollForward(batch, inboxPaths: null);
        if (Directory.Exists(paths.Staging))
            foreach (var dir in Directory.EnumerateDirectories(paths.Staging))
                Directory.Delete(dir, recursive: true);
        if (Directory.Exists(paths.Rejects))
            foreach (var dir in Directory.EnumerateDirectories(paths.Rejects))
                if (long.TryParse(Path.GetFileName(dir), out var id) && id > state.LastBatch)
                    Directory.Delete(dir, recursive: true);
    }

    /// <param name="inboxPaths">The files' real inbox paths, or null after a crash: then each is found by its shown name and content.</param>
    private void RollForward(BatchManifest manifest, IReadOnlyList<string>? inboxPaths, Action? meanwhile = null)
    {
        foreach (var file in manifest.Added)
        {
            var staged = paths.StagedLakeFile(manifest.BatchId, file.Path);
            if (!File.Exists(staged)) continue; // moved before the crash
            var target = paths.LakeFile(file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(staged, target, overwrite: true);
        }
        if (meanwhile is null) Archive(manifest, inboxPaths);
        else
        {
            var archiving = Task.Factory.StartNew(() => Archive(manifest, inboxPaths), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try { meanwhile(); }
            finally
            {
                // Waited for even when the other work failed: nothing of the batch may still move once this returns.
                try { archiving.Wait(); } catch (AggregateException) { }
            }
            archiving.GetAwaiter().GetResult();
        }
        var staging = paths.StagingFor(manifest.BatchId);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        File.WriteAllText(Path.Combine(paths.Manifests, BatchManifest.DoneMarker(manifest.BatchId)), "");
    }

    /// <summary>Moves each loaded or skipped inbox file to the archive, only if its bytes still hash to what the batch read.</summary>
    private void Archive(BatchManifest manifest, IReadOnlyList<string>? inboxPaths)
    {
        List<InboxFile>? inbox = null;
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var file = manifest.Files[i];
            if (file.Status is not (FileStatus.Loaded or FileStatus.Skipped)) continue;
            var relative = inboxPaths?[i] ?? Delivered(inbox ??= InboxFile.Scan(paths), file.File, manifest.Hashes[i]);
            if (relative is null) continue;
            var source = paths.InboxFile(relative);
            // Only a plain inbox file is moved, and only with exactly the content this batch read: a copy that
            // resumed, or a new delivery under the same name after a crash, stays for a later pass.
            if (!File.Exists(source) || PathGuard.ThroughLink(paths.Inbox, source) || Sha256Of(source) != manifest.Hashes[i]) continue;
            // The archive keeps the delivery as it came, name included: it is the raw input, like the inbox.
            var archive = paths.ArchiveFor(manifest.BatchId, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
            File.Move(source, archive, overwrite: true);
        }
    }

    /// <summary>
    /// After a crash: the inbox file this batch took, found by its shown name (or its real one, in a
    /// manifest older than masking) and its content; the inbox may hold a new delivery under the same
    /// name, which is not archived. A file found is taken off the list, as two alike may both be in the batch.
    /// </summary>
    private static string? Delivered(List<InboxFile> inbox, string shownPath, string? sha256)
    {
        var found = inbox.FirstOrDefault(f => f.LinkTarget is null && (f.ShownPath == shownPath || f.RelativePath == shownPath) && Sha256Of(f.FullPath) == sha256);
        if (found is not null) inbox.Remove(found);
        return found?.RelativePath;
    }

    public static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    }
}
