using System.Text;

namespace Analytics.Reports.Building;

internal static class Naming
{
    /// <summary>
    /// The key a property and a metrics.md field are matched on: lower case without underscores, so
    /// <c>Retirees80Plus</c> matches <c>retirees_80_plus</c> however the record's author cased it.
    /// </summary>
    public static string MatchKey(string name) => name.Replace("_", "").ToLowerInvariant();

    /// <summary>snake_case of an enum member name (MinorGroup -> minor_group, NegativeMargin -> negative_margin).</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
