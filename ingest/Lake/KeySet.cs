namespace Analytics.Ingest.Lake;

/// <summary>
/// The key hashes seen so far in one file: open addressing with linear probing, 12 bytes a key
/// (10 million keys fit in under 200 MB). Not thread-safe: <see cref="ValidatedRows"/> adds
/// keys one block at a time, in file order.
/// </summary>
internal sealed class KeySet
{
    private ulong[] _high;
    private uint[] _low;
    private int _count;

    public KeySet(long expectedKeys)
    {
        var capacity = 1024;
        while (capacity < expectedKeys * 4 / 3 && capacity < 1 << 30) capacity <<= 1;
        _high = new ulong[capacity];
        _low = new uint[capacity];
    }

    /// <summary>False when the key was there already (a repeat).</summary>
    public bool Add(KeyHash key)
    {
        // 0 marks an empty slot, so a real 0 is stored as 1 (one bit of the 96 given up).
        var high = key.High == 0 ? 1 : key.High;
        if (_count >= _high.Length / 4 * 3) Grow();
        if (!Insert(_high, _low, high, key.Low)) return false;
        _count++;
        return true;
    }

    private static bool Insert(ulong[] highs, uint[] lows, ulong high, uint low)
    {
        var mask = highs.Length - 1;
        for (var i = (int)(high >> 34) & mask; ; i = (i + 1) & mask)
        {
            if (highs[i] == 0)
            {
                highs[i] = high;
                lows[i] = low;
                return true;
            }
            if (highs[i] == high && lows[i] == low) return false;
        }
    }

    private void Grow()
    {
        var highs = new ulong[_high.Length * 2];
        var lows = new uint[_high.Length * 2];
        for (var i = 0; i < _high.Length; i++)
            if (_high[i] != 0) Insert(highs, lows, _high[i], _low[i]);
        _high = highs;
        _low = lows;
    }
}
