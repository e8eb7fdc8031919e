using Analytics.Reports.Model;
using Analytics.Reports.Writers;

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
    public static Task PublishAsync(ReportTable table, ReportFormat format, string outputPath,
        IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PublishAsync(table, [], format, outputPath, progress, cancellationToken);

    /// <summary>As above, the XLSX with <paramref name="extraSheets"/> after the table (no other format takes any).</summary>
    public static async Task PublishAsync(ReportTable table, IReadOnlyList<XlsxSheet> extraSheets, ReportFormat format, string outputPath,
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
                await RenderAsync(table, extraSheets, format, file, progress, cancellationToken);
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
    public static Task PublishAsync(ReportTable table, ReportFormat format, Stream output,
        IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PublishAsync(table, [], format, output, progress, cancellationToken);

    /// <summary>As above, the XLSX with <paramref name="extraSheets"/> after the table (no other format takes any).</summary>
    public static async Task PublishAsync(ReportTable table, IReadOnlyList<XlsxSheet> extraSheets, ReportFormat format, Stream output,
        IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await RenderAsync(table, extraSheets, format, buffer, progress, cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
        progress?.Report(new PublishProgress("done", table.Rows.Count, table.Rows.Count));
    }

    private static Task RenderAsync(ReportTable table, IReadOnlyList<XlsxSheet> extraSheets, ReportFormat format, Stream target,
        IProgress<PublishProgress>? progress, CancellationToken cancellationToken)
    {
        // A further sheet is the XLSX's alone (the wage officer's drill-down lists): never dropped silently, never in another format.
        if (extraSheets.Count > 0 && format != ReportFormat.Xlsx)
            throw new InvalidOperationException($"Only the XLSX carries further sheets; {format} was asked with {extraSheets.Count}.");
        var total = table.Rows.Count;
        progress?.Report(new PublishProgress("writing", 0, total));
        return Task.Run(() =>
        {
            var rows = new Progress(done =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new PublishProgress("writing", done, total));
            });
            if (format == ReportFormat.Xlsx) new XlsxReportWriter().Write(table, extraSheets, target, rows);
            else ReportFormats.WriterFor(format).Write(table, target, rows);
        }, cancellationToken);
    }

    /// <summary>Synchronous relay: <see cref="System.Progress{T}"/> would post to another thread and reorder reports.</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
