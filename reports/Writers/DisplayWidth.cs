using System.Text;

namespace Analytics.Reports.Writers;

/// <summary>Width of text in Excel column units: wide (CJK, full-width) characters count double.</summary>
internal static class DisplayWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var line in text.Split('\n'))
        {
            var lineWidth = 0;
            var runes = line.EnumerateRunes();
            foreach (var rune in runes) lineWidth += IsWide(rune) ? 2 : 1;
            width = Math.Max(width, lineWidth);
        }
        return width;
    }

    private static bool IsWide(Rune rune) =>
        rune.Value >= 0x1100 && (
            rune.Value <= 0x115F ||
            (rune.Value >= 0x2E80 && rune.Value <= 0xA4CF) ||
            (rune.Value >= 0xAC00 && rune.Value <= 0xD7A3) ||
            (rune.Value >= 0xF900 && rune.Value <= 0xFAFF) ||
            (rune.Value >= 0xFE30 && rune.Value <= 0xFE4F) ||
            (rune.Value >= 0xFF00 && rune.Value <= 0xFF60) ||
            (rune.Value >= 0xFFE0 && rune.Value <= 0xFFE6) ||
            rune.Value >= 0x20000);
}
