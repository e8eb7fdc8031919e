using Analytics.Ingest.Validation;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Ingest.Scheduling;

/// <summary>A scheduled pass over one dataset's inbox folder; Quartz never runs the same dataset's job twice at once.</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(IngestRunner runner, IngestStatusBoard board, InboxJournal journal, ILogger<IngestJob> logger) : IJob
{
    public const string DatasetKey = "dataset";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellation)
    {
        var dataset = context.MergedJobDataMap.GetString(DatasetKey)!;
        var started = DateTime.UtcNow;
        try
        {
            var result = await runner.RunPassAsync([dataset], cancellation: cancellation);
            var outcome = result.AnyFailed ? "failed files" : result.Files.Count == 0 ? "idle" : "ok";
            board.Record(new IngestRunStatus(dataset, started, DateTime.UtcNow, outcome, result.BatchId, result.Files.Count,
                result.Files.Sum(f => f.RowsLoaded), result.Files.Sum(f => f.RowsRejected),
                string.Join("; ", result.Files.Where(f => f.Error is not null).Select(f => $"{f.File}: {f.Error}")) is { Length: > 0 } e ? e : result.CatalogError));
            journal.Record(result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An exception's message and stack may quote an inbox path named after a person: logged masked, never raw.
            board.Record(new IngestRunStatus(dataset, started, DateTime.UtcNow, "error", null, 0, 0, 0, ResidentIdText.Mask(e.Message)));
            logger.LogError("Ingest pass for {Dataset} failed: {Error}", dataset, ResidentIdText.Mask(e.ToString()));
            throw new JobExecutionException(e) { RefireImmediately = false };
        }
        finally
        {
            // A pass reads only its dataset's folder: the rest of the inbox (a mistyped folder, a link, a stuck file) is looked at here.
            if (!cancellation.IsCancellationRequested)
            {
                try { journal.Review(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning("Could not look through the inbox: {Error}", ResidentIdText.Mask(e.Message));
                }
            }
        }
    }
}
