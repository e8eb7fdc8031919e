using Analytics.Reports.Model;

namespace Analytics.Reports.Writers;

/// <summary>Renders a <see cref="ReportTable"/> in one format; <paramref name="rowsWritten"/> counts table rows done.</summary>
public interface IReportWriter
{
    void Write(ReportTable table, Stream output, IProgress<int>? rowsWritten = null);
}

internal static class RowProgress
{
    private const int Every = 500;

    /// <summary>Reports every few hundred rows and at the last one, so long tables show movement without flooding.</summary>
    public static void Report(IProgress<int>? progress, int done, int total)
    {
        if (progress is not null && (done % Every == 0 || done == total)) progress.Report(done);
    }
}
