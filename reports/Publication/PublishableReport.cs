using Analytics.Reports.Model;
using Analytics.Reports.Publishing;
using Analytics.Reports.Writers;

namespace Analytics.Reports.Publication;

/// <summary>
/// A product ready to write: its table, the file name a download should carry (without extension,
/// e.g. <c>最缺工职业排行_2026Q3</c>), and when the table has no rows, why (for the caller to tell the user;
/// an empty table still writes a valid file).
/// </summary>
public sealed record PublishableReport(ReportTable Table, string FileStem, string? EmptyReason)
{
    public bool IsEmpty => Table.Rows.Count == 0;

    /// <summary>
    /// Sheets the XLSX adds after the table (the bound wage officer's drill-down lists, set only by the dashboards'
    /// export for that officer); writing any other format with some is an error. No <c>publish</c> verb sets them.
    /// </summary>
    public IReadOnlyList<XlsxSheet> ExtraSheets { get; init; } = [];

    public string FileName(ReportFormat format) => $"{FileStem}.{Extension(format)}";

    public static string Extension(ReportFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Json => "application/json; charset=utf-8",
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Arrow => "application/vnd.apache.arrow.stream",
        ReportFormat.Parquet => "application/vnd.apache.parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Replaces the file at <paramref name="path"/> atomically (see <see cref="ReportPublisher"/>).</summary>
    public Task WriteAsync(ReportFormat format, string path, IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReportPublisher.PublishAsync(Table, ExtraSheets, format, path, progress, cancellationToken);

    /// <summary>Writes to any stream, e.g. an HTTP response body (written asynchronously; it need not be seekable).</summary>
    public Task WriteAsync(ReportFormat format, Stream output, IProgress<PublishProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ReportPublisher.PublishAsync(Table, ExtraSheets, format, output, progress, cancellationToken);
}
