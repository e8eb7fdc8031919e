using Analytics.Reports.Model;

namespace Analytics.Reports.Publishing;

/// <summary>Where a publication stands: <see cref="Stage"/> is writing, then done; rows count table rows.</summary>
public sealed record PublishProgress(string Stage, int RowsWritten, int RowsTotal);

/// <summary>
/// The entry point the <c>publish</c> verbs call: renders a table in a format and replaces the output
/// file atomically (a temporary file in the same folder, then a rename), so a reader or a crash never
/// leaves a half-written report behind.
/// </summary>
public static class ReportPublisher
{
    public static async Task PublishAsync(ReportTable table, ReportFormat format, string outputPath,
        IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(outputPath);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        var total = table.Rows.Count;
        try
        {
            // Read/write and seekable: the XLSX package (System.IO.Packaging) needs both.
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                await RenderAsync(table, format, file, progress, cancellationToken);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
        progress?.Report(new PublishProgress("done", total, total));
    }

    /// <summary>
    /// Writes to any stream, e.g. an HTTP response body: the writers are synchronous and the XLSX
    /// package needs a seekable stream, so the file is rendered in memory and then copied asynchronously.
    /// </summary>
    public static async Task PublishAsync(ReportTable table, ReportFormat format, Stream output,
        IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await RenderAsync(table, format, buffer, progress, cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
        progress?.Report(new PublishProgress("done", table.Rows.Count, table.Rows.Count));
    }

    private static Task RenderAsync(ReportTable table, ReportFormat format, Stream target,
        IProgress<PublishProgress>? progress, CancellationToken cancellationToken)
    {
        var total = table.Rows.Count;
        progress?.Report(new PublishProgress("writing", 0, total));
        return Task.Run(() =>
        {
            var rows = new Progress(done =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new PublishProgress("writing", done, total));
            });
            ReportFormats.WriterFor(format).Write(table, target, rows);
        }, cancellationToken);
    }

    /// <summary>Synchronous relay: <see cref="System.Progress{T}"/> would post to another thread and reorder reports.</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
