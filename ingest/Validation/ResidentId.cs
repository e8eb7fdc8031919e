namespace Analytics.Ingest.Validation;

/// <summary>18-character PRC resident identity numbers (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character.</summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>True when the value has the shape of a resident ID (17 digits + digit or X).</summary>
    public static bool LooksLikeOne(ReadOnlySpan<byte> s) =>
        s.Length == 18 && FieldParsers.AllDigits(s[..17]) && (s[17] is >= (byte)'0' and <= (byte)'9' or (byte)'X' or (byte)'x');

    public static bool HasValidCheckDigit(ReadOnlySpan<byte> s)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (s[i] - '0') * Weights[i];
        var check = s[17] == (byte)'x' ? 'X' : (char)s[17];
        return CheckCharacters[sum % 11] == check;
    }
}
