using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Analytics.Ingest.Reading;

/// <summary>
/// How a CSV file is decoded, and whether that was decided on the whole file's bytes (<see cref="Settled"/>)
/// or only on its first 64 KiB (then an invalid UTF-8 row further on sends the file back for a whole-file look).
/// </summary>
public sealed record TextChoice(Encoding Encoding, bool Settled)
{
    public bool IsUtf8 => Encoding.CodePage == Encoding.UTF8.CodePage;

    /// <summary>The name the per-file summary shows: <c>utf-8</c> or <c>gb18030</c>.</summary>
    public string Name => IsUtf8 ? "utf-8" : "gb18030";
}

/// <summary>
/// UTF-8 or GB18030 (a superset of GBK), decided per file. The rule: UTF-8 when the file starts
/// with a UTF-8 BOM or is valid UTF-8. Otherwise GB18030 only when the whole file decodes as
/// GB18030 without error AND its invalid UTF-8 sequences are at least a quarter of its non-ASCII
/// sequences; a UTF-8 file with a few stray bytes stays UTF-8 and only the rows holding them are
/// rejected (<c>invalid UTF-8</c>).
/// </summary>
public static class TextEncodings
{
    static TextEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 { get; } = InitGb18030();

    /// <summary>GB18030 that throws on bytes it cannot decode, for the whole-file check.</summary>
    private static readonly Encoding StrictGb18030 = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Strict UTF-8: invalid bytes throw, so a GBK file mistaken for UTF-8 is noticed, never garbled.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int HeadLength = 64 * 1024;

    private static Encoding InitGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    public static bool HasUtf8Bom(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);

    public static Encoding Detect(string path) => Choose(path).Encoding;

    /// <summary>
    /// The first look: a BOM or a valid UTF-8 file of at most 64 KiB settles UTF-8; valid UTF-8 in the first
    /// 64 KiB of a longer file is UTF-8 until a row says otherwise; anything else is decided on the whole file.
    /// </summary>
    public static TextChoice Choose(string path)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(HeadLength);
        try
        {
            int read;
            using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(buffer.AsSpan(0, HeadLength), HeadLength, throwOnEndOfStream: false);
            var head = buffer.AsSpan(0, read);
            var wholeFile = read < HeadLength;
            if (HasUtf8Bom(head)) return new TextChoice(Encoding.UTF8, Settled: true);
            if (IsUtf8(head, wholeFile)) return new TextChoice(Encoding.UTF8, Settled: wholeFile);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
        return ChooseOnWholeFile(path);
    }

    /// <summary>The rule of this class applied to every byte of the file (read once, in blocks).</summary>
    public static TextChoice ChooseOnWholeFile(string path)
    {
        using var stream = File.OpenRead(path);
        var evidence = Scan(stream);
        return new TextChoice(evidence.SaysGb18030 ? Gb18030 : Encoding.UTF8, Settled: true);
    }

    /// <summary>What a file's bytes say about their encoding.</summary>
    public readonly record struct Evidence(bool Utf8Bom, long ValidMultiByte, long InvalidUtf8, bool DecodesAsGb18030)
    {
        /// <summary>Invalid sequences of at least a quarter of the non-ASCII ones: not a few stray bytes in UTF-8 text.</summary>
        public bool SaysGb18030 => !Utf8Bom && InvalidUtf8 > 0 && DecodesAsGb18030 && InvalidUtf8 * 4 >= ValidMultiByte + InvalidUtf8;
    }

    public static Evidence Scan(Stream stream)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(1 << 20);
        var chars = ArrayPool<char>.Shared.Rent((1 << 20) + 16); // bytes a block holds, plus what the decoder carried over
        try
        {
            var gb = StrictGb18030.GetDecoder();
            var decodesAsGb = true;
            long valid = 0, invalid = 0;
            var carried = 0;
            var first = true;
            var bom = false;
            while (true)
            {
                var read = stream.Read(bytes, carried, (1 << 20) - carried);
                var final = read == 0;
                var block = bytes.AsSpan(0, carried + read);
                if (first) { bom = HasUtf8Bom(block); first = false; }
                if (decodesAsGb)
                {
                    try { gb.GetChars(block[carried..], chars, flush: final); }
                    catch (DecoderFallbackException) { decodesAsGb = false; }
                }
                carried = CountSequences(block, final, ref valid, ref invalid);
                if (final) break;
                block[^carried..].CopyTo(bytes);
            }
            return new Evidence(bom, valid, invalid, decodesAsGb);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Counts valid multi-byte and invalid UTF-8 sequences; returns how many trailing bytes wait for the next block.</summary>
    private static int CountSequences(ReadOnlySpan<byte> block, bool final, ref long valid, ref long invalid)
    {
        while (true)
        {
            var next = block.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (next < 0) return 0;
            block = block[next..];
            var status = System.Text.Rune.DecodeFromUtf8(block, out _, out var consumed);
            if (status == OperationStatus.NeedMoreData && !final) return block.Length;
            if (status == OperationStatus.Done) valid++;
            else invalid++;
            block = block[consumed..];
        }
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
