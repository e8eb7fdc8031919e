using System.Reflection;

namespace Analytics.Reports.Writers;

/// <summary>plotly.min.js as embedded at build time (reports/plotly.targets), inlined into every HTML report.</summary>
internal static class PlotlyScript
{
    private const string ResourceName = "Analytics.Reports.plotly.min.js";
    private static readonly Lazy<string> Text = new(Load);

    public static string Source => Text.Value;

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded; the build did not embed Plotly.Blazor's plotly.js (reports/plotly.targets).");
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        // Inlined as-is, a "</script" inside the library would end our <script> element early.
        if (source.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("plotly.min.js contains '</script' and cannot be inlined safely.");
        return source;
    }
}
