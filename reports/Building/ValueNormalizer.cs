using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Analytics.Reports.Building;

/// <summary>
/// Brings a record's property value to the few types the writers know: string, long, decimal, bool,
/// DateOnly, string[] or null. Enums become their snake_case names (level, alerts); any other type
/// is published as its own JSON form (e.g. a rank-change struct whose converter writes 3 or "new").
/// </summary>
internal static class ValueNormalizer
{
    public static object? Normalize(object? value, string field) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        decimal d => d,
        int or long or short or byte or sbyte or uint or ushort => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong u => (decimal)u,
        double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        DateOnly date => date,
        DateTime time => DateOnly.FromDateTime(time),
        Enum e => Naming.SnakeCase(e.ToString()),
        IEnumerable items => items.Cast<object?>().Select(item => ItemText(item, field)).ToArray(),
        _ => FromJson(JsonSerializer.SerializeToElement(value, value.GetType()), field, value.GetType()),
    };

    private static object? FromJson(JsonElement json, string field, Type type) => json.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => json.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when json.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => json.GetDecimal(),
        JsonValueKind.Array => json.EnumerateArray().Select(item => FromJson(item, field, type)?.ToString() ?? "").ToArray(),
        _ => throw new ArgumentException($"Field '{field}' has a value of type {type.Name} that is not a single value; reports cannot publish it."),
    };

    private static string ItemText(object? item, string field) => Normalize(item, field) switch
    {
        string s => s,
        null => throw new ArgumentException($"Field '{field}' holds a null list item."),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString()!,
    };
}
