using System.Collections;
using System.Globalization;

namespace Analytics.Reports.Building;

/// <summary>
/// Brings a record's property value to the few types the writers know: string, long, decimal, bool,
/// DateOnly, string[] or null. Enums become their snake_case names (level, alerts).
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
        _ => throw new ArgumentException($"Field '{field}' has a value of type {value.GetType().Name} that reports cannot publish."),
    };

    private static string ItemText(object? item, string field) => Normalize(item, field) switch
    {
        string s => s,
        null => throw new ArgumentException($"Field '{field}' holds a null list item."),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString()!,
    };
}
