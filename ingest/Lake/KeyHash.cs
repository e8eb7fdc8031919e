using System.Numerics;
using System.Runtime.InteropServices;
using Analytics.Ingest.Schema;

namespace Analytics.Ingest.Lake;

/// <summary>
/// A 96-bit hash of a row's key values (two 64-bit lanes, Murmur3-style mixing, the second lane
/// cut to 32 bits), so repeats of a key within a file are found without keeping the keys. Each
/// value is framed by its length, so ("ab","c") and ("a","bc") differ.
/// </summary>
internal readonly record struct KeyHash(ulong High, uint Low)
{
    private const ulong C1 = 0x87c37b91114253d5, C2 = 0x4cf5ad432745937f;

    /// <param name="heldAsUtf8">Per column: the row holds its value as UTF-8 bytes (free text and codes), not as a number.</param>
    public static KeyHash Of(ParsedRow row, int[] keyColumns, bool[] heldAsUtf8)
    {
        ulong a = 0x9e3779b97f4a7c15, b = 0xc2b2ae3d27d4eb4f;
        foreach (var c in keyColumns)
        {
            if (row.Texts[c] is { } text) Add(ref a, ref b, MemoryMarshal.AsBytes(text.AsSpan()));
            else if (heldAsUtf8[c]) Add(ref a, ref b, row.Utf8(c));
            else Mix(ref a, ref b, (ulong)row.Numbers[c], 8);
        }
        a += b;
        b += a;
        a = Finish(a);
        b = Finish(b);
        a += b;
        b += a;
        return new KeyHash(a, (uint)(b >> 32));
    }

    private static void Add(ref ulong a, ref ulong b, ReadOnlySpan<byte> bytes)
    {
        var length = (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            Mix(ref a, ref b, MemoryMarshal.Read<ulong>(bytes), 0);
            bytes = bytes[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++) tail |= (ulong)bytes[i] << (8 * i);
        Mix(ref a, ref b, tail, length + 1);
    }

    private static void Mix(ref ulong a, ref ulong b, ulong word, ulong frame)
    {
        a ^= BitOperations.RotateLeft(word * C1, 31) * C2;
        a = BitOperations.RotateLeft(a, 27) + b;
        a = a * 5 + 0x52dce729;
        b ^= BitOperations.RotateLeft((word ^ frame) * C2, 33) * C1;
        b = BitOperations.RotateLeft(b, 31) + a;
        b = b * 5 + 0x38495ab5;
    }

    private static ulong Finish(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccd;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53;
        k ^= k >> 33;
        return k;
    }
}
