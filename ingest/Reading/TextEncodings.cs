using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Analytics.Ingest.Reading;

/// <summary>UTF-8 or GB18030 (a superset of GBK), decided per file from its first bytes.</summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 { get; } = InitGb18030();

    /// <summary>Strict UTF-8: invalid bytes throw, so a GBK file mistaken for UTF-8 is noticed, never garbled.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Encoding InitGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    public static bool HasUtf8Bom(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);

    /// <summary>UTF-8 when the file starts with a BOM or its first 64 KiB are valid UTF-8; GB18030 otherwise.</summary>
    public static Encoding Detect(string path)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var stream = File.OpenRead(path);
            var read = stream.ReadAtLeast(buffer.AsSpan(0, 64 * 1024), 64 * 1024, throwOnEndOfStream: false);
            return IsUtf8(buffer.AsSpan(0, read), isWholeFile: read < 64 * 1024) ? Encoding.UTF8 : Gb18030;
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    public static bool IsUtf8(ReadOnlySpan<byte> head, bool isWholeFile)
    {
        if (HasUtf8Bom(head)) return true;
        var chars = ArrayPool<char>.Shared.Rent(head.Length + 1);
        try
        {
            // A sample cut inside a multi-byte character is NeedMoreData, not invalid.
            var status = Utf8.ToUtf16(head, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: isWholeFile);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally { ArrayPool<char>.Shared.Return(chars); }
    }
}
