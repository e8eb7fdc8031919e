using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Reports.Formatting;

namespace Analytics.Dashboards.Ui;

/// <summary>
/// How a page's plotly figure becomes JSON. Every string of a dashboard figure is plain text (labels
/// from the data, our titles and names, plotly's keywords and colours), so every one is written
/// <see cref="PlotlyText.Plain"/>: an occupation or project name holding &lt;a href&gt; is drawn as
/// text, never as a link. (A figure that needs plotly markup of its own, a hovertemplate, would
/// have to be kept out of this converter.)
/// </summary>
public static class ChartJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new PlainTextConverter() },
    };

    private sealed class PlainTextConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(PlotlyText.Plain(value));
    }
}
