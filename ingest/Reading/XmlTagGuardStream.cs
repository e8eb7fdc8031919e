using System.Buffers;

namespace Analytics.Ingest.Reading;

/// <summary>
/// Fails an XML part whose tag (from '&lt;' to its '&gt;', quoted attribute values included) runs
/// longer than a limit. XmlReader streams text in chunks but holds a tag's names and attribute
/// values whole, so without this a 400 KB zipped sheet could make it hold 800 MB for one attribute.
/// </summary>
internal sealed class XmlTagGuardStream(Stream inner, int maxTagBytes) : Stream
{
    private static readonly SearchValues<byte> TagSpecials = SearchValues.Create("\"'>"u8);

    private bool _inTag;
    private byte _quote; // the quote an attribute value opened, or 0
    private long _tagBytes;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        var data = buffer[..read];
        while (!data.IsEmpty)
        {
            if (!_inTag)
            {
                var open = data.IndexOf((byte)'<');
                if (open < 0) break;
                (_inTag, _quote, _tagBytes) = (true, 0, 0);
                data = data[(open + 1)..];
                continue;
            }
            var next = _quote != 0 ? data.IndexOf(_quote) : data.IndexOfAny(TagSpecials);
            _tagBytes += next < 0 ? data.Length : next;
            if (_tagBytes > maxTagBytes) throw new InvalidDataException($"damaged workbook: an XML tag longer than {maxTagBytes:N0} bytes");
            if (next < 0) break;
            if (_quote != 0) _quote = 0;
            else if (data[next] == (byte)'>') _inTag = false;
            else _quote = data[next];
            data = data[(next + 1)..];
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
