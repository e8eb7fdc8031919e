namespace Analytics.Ingest.Demo;

/// <summary>Progress of the demo generator: rows written so far for the dataset being generated, and the file just completed if any.</summary>
public sealed record DemoProgress(string Dataset, long RowsWritten, long RowsPlanned, string? CompletedFile = null);

/// <summary>A file the generator put into the inbox: its path below <c>inbox/</c> ('/'-separated) and its data rows (bad ones included).</summary>
public sealed record DemoFile(string Dataset, string Path, long Rows);

/// <summary>What the generator wrote.</summary>
public sealed record DemoSummary(IReadOnlyList<DemoFile> Files)
{
    /// <summary>Files and rows per dataset, in the order the datasets were generated.</summary>
    public IEnumerable<(string Dataset, int Files, long Rows)> PerDataset() =>
        Files.GroupBy(f => f.Dataset).Select(g => (g.Key, g.Count(), g.Sum(f => f.Rows)));

    public long TotalRows => Files.Sum(f => f.Rows);
}
