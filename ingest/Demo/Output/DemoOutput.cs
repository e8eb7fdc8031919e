namespace Analytics.Ingest.Demo.Output;

/// <summary>
/// Where the generated files go. Each file is written under <c>&lt;data&gt;/.demo-staging/</c> and moved
/// into <c>inbox/&lt;dataset&gt;/</c> only when complete, so a scheduled ingest never sees half a file.
/// </summary>
internal sealed class DemoOutput
{
    private const int ReportEvery = 5000;
    private readonly List<DemoFile> _files = [];
    private readonly IProgress<DemoProgress>? _progress;
    private readonly CancellationToken _cancellation;
    private string _dataset = "";
    private long _datasetRows, _datasetPlanned;

    public DemoOutput(string dataDirectory, IProgress<DemoProgress>? progress, CancellationToken cancellation)
    {
        InboxDirectory = Path.Combine(dataDirectory, "inbox");
        StagingDirectory = Path.Combine(dataDirectory, ".demo-staging");
        _progress = progress;
        _cancellation = cancellation;
    }

    public string InboxDirectory { get; }
    public string StagingDirectory { get; }
    public IReadOnlyList<DemoFile> Files => _files;

    /// <summary>Starts a dataset whose files will hold about <paramref name="plannedRows"/> rows (for progress).</summary>
    public void BeginDataset(string dataset, long plannedRows)
    {
        _dataset = dataset;
        _datasetRows = 0;
        _datasetPlanned = plannedRows;
        _progress?.Report(new DemoProgress(dataset, 0, plannedRows));
    }

    public string StagingPath(string dataset, string fileName)
    {
        var directory = Path.Combine(StagingDirectory, dataset);
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, fileName);
    }

    public void RowWritten()
    {
        if (++_datasetRows % ReportEvery != 0) return;
        _cancellation.ThrowIfCancellationRequested();
        _progress?.Report(new DemoProgress(_dataset, _datasetRows, _datasetPlanned));
    }

    /// <summary>Moves a finished file into the inbox (replacing an earlier demo file of the same name).</summary>
    public void Commit(string dataset, string fileName, long rows)
    {
        var target = Path.Combine(InboxDirectory, dataset);
        Directory.CreateDirectory(target);
        File.Move(StagingPath(dataset, fileName), Path.Combine(target, fileName), overwrite: true);
        _files.Add(new DemoFile(dataset, $"{dataset}/{fileName}", rows));
        _progress?.Report(new DemoProgress(_dataset, _datasetRows, _datasetPlanned, $"{dataset}/{fileName}"));
    }

    public void RemoveStaging()
    {
        if (Directory.Exists(StagingDirectory)) Directory.Delete(StagingDirectory, recursive: true);
    }
}
