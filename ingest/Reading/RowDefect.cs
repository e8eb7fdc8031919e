using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Why a row cannot be taken as it stands, whatever its column rules say: its field
/// <see cref="Field"/> (the header index) holds bytes that are not text, or a cell that points nowhere.
/// </summary>
public readonly record struct RowDefect(int Field, string Rule, string? Value = null)
{
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string ControlCharacter = "control character";

    /// <summary>The first field of a row that is not valid UTF-8 or holds a NUL or a BOM (U+FEFF), or null.</summary>
    public static RowDefect? InFields(ReadOnlySpan<byte> rowBytes, IRecordSource row)
    {
        // Nearly every row is ASCII without NUL: one vectorised look over the whole row.
        if (rowBytes.IndexOfAnyExceptInRange((byte)1, (byte)0x7F) < 0) return null;
        for (var i = 0; i < row.FieldCount; i++)
            if (Of(row.Field(i)) is { } rule) return new RowDefect(i, rule);
        return null;
    }

    /// <summary>The rule one field breaks as text, or null.</summary>
    public static string? Of(ReadOnlySpan<byte> field)
    {
        if (!Utf8.IsValid(field)) return InvalidUtf8;
        // A NUL ends strings in half the tools downstream, and a BOM inside a value makes two equal-looking keys differ.
        if (field.IndexOf((byte)0) >= 0 || field.IndexOf("\uFEFF"u8) >= 0) return ControlCharacter;
        return null;
    }

    /// <summary>A field as a rejects file shows it: invalid bytes as <c>\xNN</c>, NUL as <c>\0</c>, a BOM as <c>\uFEFF</c>, so nothing is lost or hidden.</summary>
    public static string Show(ReadOnlySpan<byte> field)
    {
        var text = new StringBuilder(field.Length);
        while (!field.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(field, out var rune, out var consumed);
            if (status != OperationStatus.Done)
                foreach (var b in field[..consumed]) text.Append($"\\x{b:X2}");
            else if (rune.Value == 0) text.Append("\\0");
            else if (rune.Value == 0xFEFF) text.Append("\\uFEFF");
            else text.Append(rune.ToString());
            field = field[consumed..];
        }
        return text.ToString();
    }
}
