using System.Text;

namespace Analytics.Ingest.Schema;

/// <summary>
/// One row after parsing, in schema column order: numbers (ints, unscaled money, day numbers,
/// bools as 0/1) in <see cref="Numbers"/>; enum codes and hashed ids as strings in <see cref="Texts"/>;
/// free text and codes as their validated UTF-8 bytes (no string is made for them on the hot path),
/// copied or, when they lie in a buffer that outlives the row's use, referred to where they lie.
/// Reused row after row.
/// </summary>
public sealed class ParsedRow
{
    private byte[] _bytes = new byte[128]; // grows on demand; small, because a block keeps 2048 rows
    private int _used;
    private readonly int[] _byteStart;
    private readonly int[] _byteLength;
    // Per column: the buffer its UTF-8 lies in when that is not the row's own (see ReferUtf8).
    private readonly byte[]?[] _byteSource;

    public ParsedRow(int columns)
    {
        Numbers = new long[columns];
        Texts = new string?[columns];
        Null = new bool[columns];
        _byteStart = new int[columns];
        _byteLength = new int[columns];
        _byteSource = new byte[]?[columns];
    }

    public long[] Numbers { get; }
    public string?[] Texts { get; }
    public bool[] Null { get; }

    public bool IsNull(int column) => Null[column];
    public long NumberOrZero(int column) => Null[column] ? 0 : Numbers[column];

    /// <summary>Starts a new row: forgets the previous row's bytes.</summary>
    public void Clear() => _used = 0;

    /// <summary>Keeps a text value as UTF-8; returns the stored copy (writable, e.g. to upper-case a code).</summary>
    public Span<byte> SetUtf8(int column, ReadOnlySpan<byte> value)
    {
        if (_used + value.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + value.Length));
        var target = _bytes.AsSpan(_used, value.Length);
        value.CopyTo(target);
        _byteStart[column] = _used;
        _byteLength[column] = value.Length;
        _byteSource[column] = null;
        _used += value.Length;
        Texts[column] = null;
        return target;
    }

    /// <summary>
    /// Keeps a text value as UTF-8 without copying it: it stays where it lies in <paramref name="buffer"/>, which must
    /// hold it unchanged for as long as the row is used (the record block the row was validated from).
    /// </summary>
    public void ReferUtf8(int column, byte[] buffer, int start, int length)
    {
        _byteSource[column] = buffer;
        _byteStart[column] = start;
        _byteLength[column] = length;
        Texts[column] = null;
    }

    public ReadOnlySpan<byte> Utf8(int column) => (_byteSource[column] ?? _bytes).AsSpan(_byteStart[column], _byteLength[column]);

    /// <summary>The value as text whichever way it is held (for the rare consumers off the hot path).</summary>
    public string? Text(int column) => Null[column] ? null : Texts[column] ?? Encoding.UTF8.GetString(Utf8(column));
}
