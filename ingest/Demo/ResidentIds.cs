namespace Analytics.Ingest.Demo;

/// <summary>
/// 18-character resident ID numbers (GB 11643): region code, birth date, a 3-digit sequence whose
/// parity is the gender (odd = male), and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>True when the value is 17 digits plus a digit or X whose check character is right.</summary>
    public static bool IsValid(string value)
    {
        if (value.Length != 18) return false;
        for (int i = 0; i < 17; i++) if (!char.IsAsciiDigit(value[i])) return false;
        return char.ToUpperInvariant(value[17]) == CheckCharacter(value.AsSpan(0, 17));
    }

    /// <summary>True when the value has the shape of a resident ID (the ingest verifies these).</summary>
    public static bool LooksLikeResidentId(string value) =>
        value.Length == 18 && value.AsSpan(0, 17).ContainsAnyExcept("0123456789") == false
        && (char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x');

    /// <summary>The same ID with a check character that is guaranteed wrong (a deliberately bad row).</summary>
    internal static string WithWrongCheck(string id)
    {
        char right = id[17];
        char wrong = CheckCharacters[(CheckCharacters.IndexOf(right) + 1) % 11];
        return string.Concat(id.AsSpan(0, 17), wrong.ToString());
    }
}

/// <summary>
/// Hands out IDs that are unique by construction: a sequence counter per (region, birth date, gender)
/// instead of a set of every ID issued, so memory stays bounded at any scale.
/// </summary>
internal sealed class ResidentIdIssuer
{
    private readonly Dictionary<(string Region, DateOnly Birth, bool Male), int> _next = new();

    public string Issue(string regionCode, DateOnly birthDate, bool male)
    {
        var key = (regionCode, birthDate, male);
        _next.TryGetValue(key, out int n);
        if (n >= 500) return Issue(regionCode, birthDate.AddDays(1), male); // 500 per parity exhausted
        _next[key] = n + 1;
        int sequence = 2 * n + (male ? 1 : 2); // odd = male, even = female, never 000
        var first17 = regionCode + Formats.Compact(birthDate) + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + ResidentIds.CheckCharacter(first17);
    }
}
