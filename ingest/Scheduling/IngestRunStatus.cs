using System.Collections.Concurrent;

namespace Analytics.Ingest.Scheduling;

/// <summary>The last scheduled run of one dataset's job, for the dashboards.</summary>
public sealed record IngestRunStatus(
    string Dataset, DateTime StartedAt, DateTime FinishedAt, string Outcome, long? BatchId,
    int Files, long RowsLoaded, long RowsRejected, string? Error);

/// <summary>Last-run status per dataset (a singleton; the dashboards read it).</summary>
public sealed class IngestStatusBoard
{
    private readonly ConcurrentDictionary<string, IngestRunStatus> _last = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, IngestRunStatus> LastRuns => _last;

    public void Record(IngestRunStatus status) => _last[status.Dataset] = status;
}
