namespace Analytics.Ingest;

/// <summary>
/// The settle rule: a file is taken only once its size and last-write time have stayed the same for
/// the settle time. A pass waits out the rest of that time for files written just before it (so a
/// run right after a copy still takes them) and leaves any file that moved meanwhile for a later pass.
/// </summary>
public static class InboxSettling
{
    public static (List<InboxFile> Settled, List<FileResult> Waiting) Settle(IReadOnlyList<InboxFile> files, TimeSpan settle, CancellationToken cancellation)
    {
        var now = DateTime.UtcNow;
        // A link is refused, not read, so it has nothing to wait for. A last write in the future (another machine's clock) waits the whole time.
        TimeSpan Remaining(InboxFile f) =>
            f.LinkTarget is not null ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Clamp((settle - (now - f.Stamp.LastWriteUtc)).Ticks, 0, settle.Ticks));
        var wait = files.Select(Remaining).DefaultIfEmpty(TimeSpan.Zero).Max();
        if (wait > TimeSpan.Zero && cancellation.WaitHandle.WaitOne(wait)) cancellation.ThrowIfCancellationRequested();

        var settled = new List<InboxFile>();
        var waiting = new List<FileResult>();
        foreach (var file in files)
        {
            if (Remaining(file) == TimeSpan.Zero || StampNow(file) == file.Stamp) settled.Add(file);
            else if (File.Exists(file.FullPath))
                waiting.Add(Waiting(file, $"still being written (size or time changed within {settle.TotalSeconds:0.#} s): left for a later pass"));
        }
        return (settled, waiting);
    }

    /// <summary>
    /// Whether the file's size and time are still those it settled with, i.e. no copy resumed while it was read.
    /// (The content itself is compared by hash right before the file is archived: see BatchCommitter.)
    /// </summary>
    public static bool StillAsScanned(InboxFile file) => StampNow(file) == file.Stamp;

    public static FileResult Waiting(InboxFile file, string reason) => new()
    {
        File = file.ShownPath,
        Dataset = file.Schema?.Name,
        Status = FileStatus.Waiting,
        Error = reason,
    };

    private static FileStamp? StampNow(InboxFile file)
    {
        try { return FileStamp.Of(file.FullPath); }
        catch (IOException) { return null; }
    }
}
