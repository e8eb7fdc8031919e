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
    public void Commit(BatchManifest manifest)
    {
        Directory.CreateDirectory(paths.Manifests);
        var temp = Path.Combine(paths.StagingFor(manifest.BatchId), "manifest.json");
        manifest.WriteTo(temp);
        FlushToDisk(temp);
        faultPoint?.Invoke("before-commit");
        File.Move(temp, Path.Combine(paths.Manifests, BatchManifest.FileName(manifest.BatchId)));
        faultPoint?.Invoke("after-commit");
        RollForward(manifest);
    }

    /// <summary>Completes committed batches a crash interrupted and throws away uncommitted ones.</summary>
    public void Recover(LakeState state)
    {
        foreach (var batch in state.Batches)
            if (!File.Exists(Path.Combine(paths.Manifests, BatchManifest.DoneMarker(batch.BatchId))))
                RollForward(batch);
        if (Directory.Exists(paths.Staging))
            foreach (var dir in Directory.EnumerateDirectories(paths.Staging))
                Directory.Delete(dir, recursive: true);
        if (Directory.Exists(paths.Rejects))
            foreach (var dir in Directory.EnumerateDirectories(paths.Rejects))
                if (long.TryParse(Path.GetFileName(dir), out var id) && id > state.LastBatch)
                    Directory.Delete(dir, recursive: true);
    }

    private void RollForward(BatchManifest manifest)
    {
        foreach (var file in manifest.Added)
        {
            var staged = paths.StagedLakeFile(manifest.BatchId, file.Path);
            if (!File.Exists(staged)) continue; // moved before the crash
            var target = paths.LakeFile(file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(staged, target, overwrite: true);
        }
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var file = manifest.Files[i];
            if (file.Status is not (FileStatus.Loaded or FileStatus.Skipped)) continue;
            var inbox = paths.InboxFile(file.File);
            // Only a plain inbox file is moved, and only with exactly the content this batch read: a copy that
            // resumed, or a new delivery under the same name after a crash, stays for a later pass.
            if (!File.Exists(inbox) || PathGuard.ThroughLink(paths.Inbox, inbox) || Sha256Of(inbox) != manifest.Hashes[i]) continue;
            var archive = paths.ArchiveFor(manifest.BatchId, file.File);
            Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
            File.Move(inbox, archive, overwrite: true);
        }
        var staging = paths.StagingFor(manifest.BatchId);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        File.WriteAllText(Path.Combine(paths.Manifests, BatchManifest.DoneMarker(manifest.BatchId)), "");
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
