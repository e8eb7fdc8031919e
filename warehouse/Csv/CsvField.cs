using System.Buffers;

namespace Analytics.Warehouse.Csv;

/// <summary>
/// One field of every CSV the product writes (report CSV, rejects CSV): RFC 4180 quoting, and no
/// formula injection. Excel and LibreOffice run a cell that starts with = + - @ (or a tab or CR
/// before one) as a formula, so, as OWASP recommends, such a cell gets a leading single quote,
/// which they show as text. A plain number (-12.50, +3) is left alone: it is no formula, and a
/// money column must stay a number. The full-width ＝＋－＠ and the minus sign − are treated
/// the same, as some spreadsheet imports fold them to their ASCII forms.
/// </summary>
public static class CsvField
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r＝＋－＠−");

    public static string Write(string value) => Quote(Neutralise(value));

    /// <summary>The value a spreadsheet will show as text, never run.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && FormulaStarts.Contains(value[0]) && !IsPlainNumber(value) ? "'" + value : value;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>An optional ASCII sign, digits, and an optional fraction: what the product writes for a number.</summary>
    private static bool IsPlainNumber(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] is '+' or '-') s = s[1..];
        var point = s.IndexOf('.');
        var whole = point < 0 ? s : s[..point];
        var fraction = point < 0 ? "" : s[(point + 1)..];
        return whole.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9')
            && (point < 0 || (fraction.Length > 0 && !fraction.ContainsAnyExceptInRange('0', '9')));
    }
}
