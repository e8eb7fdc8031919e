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

    /// <summary>The same ID with a check character that is guaranteed wrong (a deliberately bad row).</summary>
    internal static string WithWrongCheck(string id)
    {
        char right = id[17];
        char wrong = CheckCharacters[(CheckCharacters.IndexOf(right) + 1) % 11];
        return string.Concat(id.AsSpan(0, 17), wrong.ToString());
    }
}

/// <summary>
/// Hands out IDs that are unique by construction and keeps only a counter per (region, birth year,
/// gender), so its memory does not grow with the scale. The n-th person of a key is born on day
/// (offset + 211·n) mod days-in-year (211 is coprime to 365 and 366, so a year's days are used
/// before any repeats) with sequence number 2·⌊n / days⌋ + 1 for men, + 2 for women.
/// </summary>
internal sealed class ResidentIdIssuer
{
    private const int DayStep = 211, SequencesPerGender = 499;
    private readonly Dictionary<(string Region, int Year, bool Male), int> _next = new();

    public (string Id, DateOnly BirthDate) Issue(string regionCode, int birthYear, bool male)
    {
        var key = (regionCode, birthYear, male);
        _next.TryGetValue(key, out int n);
        int days = DateTime.IsLeapYear(birthYear) ? 366 : 365;
        if (n / days >= SequencesPerGender) return Issue(regionCode, birthYear - 1, male); // this key is full
        _next[key] = n + 1;
        int offset = (int)((long.Parse(regionCode, System.Globalization.CultureInfo.InvariantCulture) * 31 + birthYear) % days);
        var birthDate = new DateOnly(birthYear, 1, 1).AddDays((offset + DayStep * n) % days);
        int sequence = 2 * (n / days) + (male ? 1 : 2);
        var first17 = regionCode + Formats.Compact(birthDate) + sequence.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return (first17 + ResidentIds.CheckCharacter(first17), birthDate);
    }
}
