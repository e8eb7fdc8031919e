using Analytics.Reports.Model;
using Analytics.Reports.Publishing;

namespace Analytics.Tests.Reports;

internal static class Publish
{
    /// <summary>Publishes through the real entry point, as the publish verbs will.</summary>
    public static string To(TempFolder folder, ReportTable table, ReportFormat format, string name)
    {
        var path = folder.File(name);
        ReportPublisher.PublishAsync(table, format, path).GetAwaiter().GetResult();
        return path;
    }
}
