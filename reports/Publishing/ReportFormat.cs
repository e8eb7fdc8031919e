using Analytics.Reports.Writers;

namespace Analytics.Reports.Publishing;

public enum ReportFormat { Csv, Xlsx, Json, Html, Arrow, Parquet }

public static class ReportFormats
{
    public static readonly IReadOnlyList<string> Names = ["csv", "xlsx", "json", "html", "arrow", "parquet"];

    /// <summary>Parses a <c>--format</c> value; the message lists the accepted ones.</summary>
    public static ReportFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "csv" => ReportFormat.Csv,
        "xlsx" => ReportFormat.Xlsx,
        "json" => ReportFormat.Json,
        "html" => ReportFormat.Html,
        "arrow" => ReportFormat.Arrow,
        "parquet" => ReportFormat.Parquet,
        _ => throw new ArgumentException($"Unknown format '{name}': use one of {string.Join(", ", Names)}."),
    };

    public static IReportWriter WriterFor(ReportFormat format) => format switch
    {
        ReportFormat.Csv => new CsvReportWriter(),
        ReportFormat.Xlsx => new XlsxReportWriter(),
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Html => new HtmlReportWriter(),
        ReportFormat.Arrow => new ArrowReportWriter(),
        ReportFormat.Parquet => new ParquetReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
