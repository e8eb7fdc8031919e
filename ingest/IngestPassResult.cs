namespace Analytics.Ingest;

/// <summary>What one pass did: per-file results, the batch it committed (null when nothing changed), and whether the catalog caught up.</summary>
public sealed record IngestPassResult(IReadOnlyList<FileResult> Files, long? BatchId, bool CatalogUpToDate, string? CatalogError)
{
    public bool AnyFailed => Files.Any(f => f.Status == FileStatus.Failed);
}
