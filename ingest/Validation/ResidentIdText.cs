using System.Numerics;
using System.Text;

namespace Analytics.Ingest.Validation;

/// <summary>
/// Finds resident-ID-shaped runs inside any text (17 digits and a digit or X, not part of a longer
/// run of digits, check digit valid or not) and masks them. The one place that decides what counts
/// as an id outside the person-id columns: rejects values, free-text columns, file names shown or
/// logged, error messages.
/// </summary>
public static class ResidentIdText
{
    /// <summary>True when the UTF-8 text holds at least one id-shaped run (ingest's hot path: usually one vectorised look).</summary>
    public static bool Contains(ReadOnlySpan<byte> utf8) => utf8.Length >= 18 && Find(utf8, 0).Length > 0;

    /// <summary>The text with every id-shaped run masked like a rejected person id (<c>1101************34</c>).</summary>
    public static string Mask(string text)
    {
        var run = Find(text.AsSpan(), 0);
        if (run.Length == 0) return text;
        var masked = new StringBuilder(text.Length);
        var done = 0;
        while (run.Length > 0)
        {
            masked.Append(text, done, run.Start - done).Append(PersonIdHasher.Mask(text.Substring(run.Start, run.Length)));
            done = run.Start + run.Length;
            run = Find(text.AsSpan(), done);
        }
        return masked.Append(text, done, text.Length - done).ToString();
    }

    /// <summary>The next id-shaped run at or after <paramref name="from"/>; Length 0 when there is none.</summary>
    private static (int Start, int Length) Find<T>(ReadOnlySpan<T> s, int from) where T : unmanaged, IBinaryInteger<T>
    {
        T zero = T.CreateTruncating('0'), nine = T.CreateTruncating('9'), x = T.CreateTruncating('X'), lowerX = T.CreateTruncating('x');
        var i = from;
        while (i <= s.Length - 18)
        {
            var next = s[i..].IndexOfAnyInRange(zero, nine);
            if (next < 0) break;
            var start = i + next;
            var end = start;
            while (end < s.Length && s[end] >= zero && s[end] <= nine) end++;
            var digits = end - start;
            if (digits == 18) return (start, 18);
            if (digits == 17 && end < s.Length && (s[end] == x || s[end] == lowerX)) return (start, 18);
            i = end;
        }
        return (0, 0);
    }
}
