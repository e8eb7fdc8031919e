using Analytics.Ingest.Lake;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Ingest.Scheduling;

/// <summary>
/// Brings the host's catalog up to a batch another process (a CLI <c>ingest</c>) committed, within
/// a second or two rather than at the next scheduled pass: it watches lake/_manifest for done
/// markers (a batch's files are in the lake only once its marker exists) and, because file-system
/// watchers can miss events, also looks every <see cref="IngestOptions.ManifestPollSeconds"/>.
/// The sync raises <see cref="LakeEvents.LakeChanged"/>, which the open pages follow.
/// </summary>
public sealed class ManifestWatcher(IngestRunner runner, IngestOptions options, ILogger<ManifestWatcher> log) : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (options.ManifestPollSeconds <= 0) return;
        await Task.Yield(); // let the host finish starting
        using var watcher = Watch(runner.Paths.Manifests);
        var synced = -1L;
        string? lastError = null;
        while (!stopping.IsCancellationRequested)
        {
            var head = NewestRolledForward(runner.Paths);
            if (head != synced)
            {
                var (upToDate, error) = runner.SyncCatalog();
                if (upToDate) synced = head;
                else if (error != lastError) log.LogWarning("Could not bring the catalog up to batch {Batch}: {Error}", head, error);
                lastError = error;
            }
            try { await _signal.WaitAsync(TimeSpan.FromSeconds(options.ManifestPollSeconds), stopping); }
            catch (OperationCanceledException) { break; }
        }
    }

    private FileSystemWatcher Watch(string folder)
    {
        Directory.CreateDirectory(folder);
        var watcher = new FileSystemWatcher(folder, "*.done") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Error += (_, _) => Wake(); // events were lost: look now
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>
    /// Called on the watcher's own thread, which can still deliver an event (its Error event above all)
    /// after the service has stopped and been disposed: nothing is left to wake then, and an exception
    /// here would end the whole process (it is thrown on a thread nobody awaits).
    /// </summary>
    private void Wake()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { } // already woken
        catch (ObjectDisposedException) { } // stopped: the event came too late
    }

    /// <summary>The newest batch whose done marker exists (0 without any): cheap enough to ask every second.</summary>
    private static long NewestRolledForward(DataPaths paths)
    {
        if (!Directory.Exists(paths.Manifests)) return 0;
        var newest = 0L;
        foreach (var marker in Directory.EnumerateFiles(paths.Manifests, "*.done"))
            if (long.TryParse(Path.GetFileNameWithoutExtension(marker), out var batch) && batch > newest) newest = batch;
        return newest;
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }
}
