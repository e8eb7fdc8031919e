using System.Text;

namespace Analytics.Ingest.Reading;

/// <summary>Fields of one row as UTF-8 bytes in one reusable buffer (for sources that produce strings).</summary>
internal sealed class RowBuffer
{
    private byte[] _bytes = new byte[4096];
    private readonly List<(int Start, int Length)> _fields = [];
    private int _used;

    public int Count => _fields.Count;

    public void Clear()
    {
        _fields.Clear();
        _used = 0;
    }

    /// <summary>Sets field <paramref name="index"/> (earlier missing fields become empty).</summary>
    public void Set(int index, ReadOnlySpan<byte> value)
    {
        while (_fields.Count <= index) _fields.Add((0, 0));
        if (_used + value.Length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + value.Length));
        value.CopyTo(_bytes.AsSpan(_used));
        _fields[index] = (_used, value.Length);
        _used += value.Length;
    }

    public void Set(int index, string value) => Set(index, Encoding.UTF8.GetBytes(value));

    public ReadOnlySpan<byte> Get(int index) =>
        index < _fields.Count ? _bytes.AsSpan(_fields[index].Start, _fields[index].Length) : default;
}
