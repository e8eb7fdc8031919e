using System.Text.RegularExpressions;
using Analytics.Warehouse.Marts;

namespace Analytics.Reports.Publication;

/// <summary>
/// The occupation-group filter of a request (metrics.md §1 "Group level"): a GB/T 6565 major group
/// <c>x</c>, medium <c>x-xx</c> or minor <c>x-xx-xx</c>; an occupation belongs to group g when its code is
/// g or starts with g + "-". Applied to the rows before totals, chart and group counts are computed.
/// </summary>
public static partial class OccupationGroup
{
    [GeneratedRegex(@"^[0-9](-[0-9]{2}){0,2}$")]
    private static partial Regex Shape();

    /// <summary>The group code trimmed, null for all groups; anything not shaped like a group is refused.</summary>
    public static string? Parse(string? group)
    {
        if (string.IsNullOrWhiteSpace(group)) return null;
        var code = group.Trim();
        return Shape().IsMatch(code) ? code
            : throw new MartValidationException("group must be an occupation group code like 2, 2-02 or 2-02-10");
    }

    public static bool Contains(string group, string? occupationCode) =>
        occupationCode is not null && (occupationCode == group || occupationCode.StartsWith(group + "-", StringComparison.Ordinal));

    public static IReadOnlyList<T> Filter<T>(IReadOnlyList<T> rows, string? group, Func<T, string?> code) =>
        Parse(group) is { } g ? rows.Where(r => Contains(g, code(r))).ToList() : rows;
}
