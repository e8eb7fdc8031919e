using System.Buffers;
using System.Text;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>A pooled, NUL-terminated UTF-8 copy of a string, for functions that take const char*.</summary>
internal ref struct Utf8Buffer
{
    private byte[]? _rented;
    public readonly Span<byte> Bytes;
    public readonly int Length;

    public Utf8Buffer(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
        _rented = ArrayPool<byte>.Shared.Rent(max);
        Length = Encoding.UTF8.GetBytes(value, _rented);
        _rented[Length] = 0;
        Bytes = _rented.AsSpan(0, Length + 1);
    }

    public void Dispose()
    {
        if (_rented is not null) ArrayPool<byte>.Shared.Return(_rented);
        _rented = null;
    }
}
