using Microsoft.Extensions.Logging;

namespace Analytics.Ingest.Scheduling;

/// <summary>
/// The scheduled passes' log of inbox files, one line per change of a file's state: loaded or skipped
/// (each an event of its own), failed, or held back for a reason (<see cref="InboxReview"/>). A file
/// that keeps failing unchanged, or keeps sitting in a mistyped folder, is told once, not every minute;
/// it is told again when its cause changes, and once more when it is no longer held back.
/// After every pass the whole inbox is reviewed, because a pass reads only its own dataset's folder.
/// </summary>
public sealed class InboxJournal(IngestOptions options, ILogger<InboxJournal> log)
{
    private readonly object _turn = new();
    /// <summary>The cause last told for each file held back or failed (path below inbox/).</summary>
    private readonly Dictionary<string, string> _told = new(StringComparer.Ordinal);

    public void Record(IngestPassResult pass)
    {
        lock (_turn)
            foreach (var f in pass.Files)
            {
                switch (f.Status)
                {
                    case FileStatus.Loaded:
                        _told.Remove(f.File);
                        log.LogInformation("inbox {File}: loaded {RowsLoaded} of {RowsIn} rows, {RowsRejected} rejected{Rejects}",
                            f.File, f.RowsLoaded, f.RowsIn, f.RowsRejected, f.Rejects is null ? "" : $" (rows and reasons in {f.Rejects})");
                        break;
                    case FileStatus.Skipped:
                        _told.Remove(f.File);
                        log.LogInformation("inbox {File}: skipped, the same content was ingested before", f.File);
                        break;
                    case FileStatus.Failed:
                        if (Changed(f.File, f.FirstError ?? f.Error ?? ""))
                            log.LogWarning("inbox {File}: failed: {Error}; it stays in the inbox until it changes (or `analytics ingest --retry-failed`)",
                                f.File, f.FirstError ?? f.Error);
                        break;
                    case FileStatus.Waiting:
                        if (Changed(f.File, f.Error ?? "")) log.LogInformation("inbox {File}: {Reason}", f.File, f.Error);
                        break;
                }
            }
    }

    /// <summary>Looks at the whole inbox and tells what changed since the last look.</summary>
    public void Review()
    {
        var paths = new DataPaths(options.DataDirectory);
        var untaken = InboxReview.Untaken(paths, TimeSpan.FromSeconds(options.SettleSeconds));
        lock (_turn)
        {
            foreach (var file in untaken)
            {
                if (!Changed(file.File, file.Cause)) continue;
                if (file.Kind == InboxReview.NotSettled) log.LogInformation("inbox {File}: {Reason}", file.File, file.Reason);
                else log.LogWarning("inbox {File} is not taken: {Reason}", file.File, file.Reason);
            }
            var held = untaken.Select(f => f.File).ToHashSet(StringComparer.Ordinal);
            // A file still there but no longer held back (it settled, or changed after failing) is told again by the pass that takes it.
            foreach (var gone in _told.Keys.Where(f => !held.Contains(f) && !File.Exists(Path.Combine(paths.Inbox, f))).ToList())
            {
                _told.Remove(gone);
                log.LogInformation("inbox {File}: no longer in the inbox (moved or removed)", gone);
            }
        }
    }

    private bool Changed(string file, string cause)
    {
        if (_told.TryGetValue(file, out var before) && before == cause) return false;
        _told[file] = cause;
        return true;
    }
}
