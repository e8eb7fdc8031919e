using System.Runtime.InteropServices;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Analytics.Ingest.Lake;

/// <summary>
/// The key hashes seen so far in one file: open addressing with linear probing, 12 bytes a key in
/// one pinned array (10 million keys fit in under 200 MB), so a lookup costs one cache miss, which
/// <see cref="Prefetch"/> can start early. Not thread-safe: <see cref="ValidatedRows"/> adds keys
/// one block at a time, in file order.
/// </summary>
internal sealed unsafe class KeySet
{
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong High;
        public uint Low;
    }

    private Slot[] _slots;
    private int _count;

    public KeySet(long expectedKeys)
    {
        var capacity = 1024;
        while (capacity < expectedKeys * 4 / 3 && capacity < 1 << 30) capacity <<= 1;
        _slots = GC.AllocateArray<Slot>(capacity, pinned: true);
    }

    /// <summary>Asks the CPU to bring the key's first slot into cache ahead of <see cref="Add"/>.</summary>
    public void Prefetch(KeyHash key)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref _slots[Home(HighOf(key), _slots.Length)]));
    }

    /// <summary>False when the key was there already (a repeat).</summary>
    public bool Add(KeyHash key)
    {
        if (_count >= _slots.Length / 4 * 3) Grow();
        if (!Insert(_slots, HighOf(key), key.Low)) return false;
        _count++;
        return true;
    }

    // 0 marks an empty slot, so a real 0 is stored as 1 (one bit of the 96 given up).
    private static ulong HighOf(KeyHash key) => key.High == 0 ? 1 : key.High;

    private static int Home(ulong high, int length) => (int)(high >> 34) & (length - 1);

    private static bool Insert(Slot[] slots, ulong high, uint low)
    {
        var mask = slots.Length - 1;
        for (var i = Home(high, slots.Length); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.High == 0)
            {
                slot.High = high;
                slot.Low = low;
                return true;
            }
            if (slot.High == high && slot.Low == low) return false;
        }
    }

    private void Grow()
    {
        var slots = GC.AllocateArray<Slot>(_slots.Length * 2, pinned: true);
        foreach (var slot in _slots)
            if (slot.High != 0) Insert(slots, slot.High, slot.Low);
        _slots = slots;
    }
}
