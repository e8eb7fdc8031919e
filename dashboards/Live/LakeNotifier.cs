using Microsoft.AspNetCore.SignalR;

namespace Analytics.Dashboards.Live;

/// <summary>Pushes a committed batch to every connected browser.</summary>
public sealed class LakeNotifier(IHubContext<LakeHub> hub, ILogger<LakeNotifier> log)
{
    public DateTimeOffset? LastChange { get; private set; }

    public async Task PublishAsync(LakeChange change)
    {
        LastChange = change.CommittedAt;
        try
        {
            await hub.Clients.All.SendAsync(LakeHub.LakeChanged, new
            {
                datasets = change.Datasets,
                batchId = change.BatchId,
                committedAt = change.CommittedAt,
            });
        }
        catch (Exception e)
        {
            // A failed push must never fail the ingest that raised it; pages still show new data on reload.
            log.LogWarning(e, "Could not push lake change {Batch} to browsers", change.BatchId);
        }
    }
}
