using System.IO.Compression;
using System.Text;

namespace Analytics.Ingest.Reading;

/// <summary>
/// A workbook's shared-string table, held as UTF-8 in one buffer. Each string is capped at
/// <see cref="ReadLimits.MaxFieldChars"/> and the table at <see cref="ReadLimits.MaxSharedStringChars"/>:
/// over either the file fails before any row is read, and no over-long string is ever held whole.
/// </summary>
internal sealed class XlsxSharedStrings
{
    private byte[] _bytes = new byte[1 << 16];
    private int _used;
    private int[] _starts = new int[1025];
    private int _count;

    public static XlsxSharedStrings Empty { get; } = new();

    public int Count => _count;

    public ReadOnlySpan<byte> Get(int index) =>
        index >= 0 && index < _count ? _bytes.AsSpan(_starts[index], _starts[index + 1] - _starts[index]) : default;

    public static XlsxSharedStrings Read(ZipArchive zip, string part, ReadLimits limits)
    {
        var table = new XlsxSharedStrings();
        var text = new StringBuilder();
        var chunk = new char[8192];
        long total = 0;
        using var xml = XlsxXml.Open(zip, part);
        while (xml.Read())
        {
            if (!XlsxXml.IsStart(xml, "si")) continue;
            text.Clear();
            if (!XlsxXml.AppendItem(xml, text, limits.MaxFieldChars, chunk))
                throw new InvalidDataException($"shared string {table._count + 1:N0} is longer than {limits.MaxFieldChars:N0} characters (Ingest:MaxFieldChars)");
            // Each string counts one more, so a table of millions of empty strings is bounded too.
            total += text.Length + 1;
            if (total > limits.MaxSharedStringChars)
                throw new InvalidDataException($"the shared-string table holds more than {limits.MaxSharedStringChars:N0} characters (Ingest:MaxSharedStringChars)");
            table.Add(XlsxXml.Unescape(text.ToString()));
        }
        return table;
    }

    private void Add(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (_used + length > _bytes.Length) Array.Resize(ref _bytes, (int)Math.Min(Array.MaxLength, Math.Max(_bytes.Length * 2L, _used + length)));
        if (_count + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
        _starts[_count] = _used;
        _used += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_used));
        _count++;
        _starts[_count] = _used;
    }
}
