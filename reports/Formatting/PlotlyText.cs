namespace Analytics.Reports.Formatting;

/// <summary>
/// Plotly reads every label, name and title as a little HTML (&lt;a href&gt;, &lt;b&gt;, &lt;br&gt;…) and
/// decodes entities only in the text between tags. A name from the data goes through here so that
/// plotly shows it as typed: a name holding &lt;a href=…&gt; is text, not a link.
/// </summary>
public static class PlotlyText
{
    public static string Plain(string text) =>
        text.AsSpan().IndexOfAny('<', '>', '&') < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
