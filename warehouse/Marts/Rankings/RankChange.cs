using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Warehouse.Marts.Rankings;

/// <summary>
/// rank_change of metrics.md §1: <c>new</c> when the occupation was not listed in the previous
/// period, otherwise previous_rank − rank (positive = moved up). Serialises to JSON as the
/// string "new" or a number.
/// </summary>
[JsonConverter(typeof(RankChangeJsonConverter))]
public readonly record struct RankChange(int? Places)
{
    public static readonly RankChange New = new(null);
    public bool IsNew => Places is null;
    public override string ToString() => Places?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new";
}

public sealed class RankChangeJsonConverter : JsonConverter<RankChange>
{
    public override RankChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? new RankChange(reader.GetInt32()) : RankChange.New;

    public override void Write(Utf8JsonWriter writer, RankChange value, JsonSerializerOptions options)
    {
        if (value.Places is { } places) writer.WriteNumberValue(places);
        else writer.WriteStringValue("new");
    }
}
