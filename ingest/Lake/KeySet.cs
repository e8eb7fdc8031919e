using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Analytics.Ingest.Lake;

/// <summary>
/// The key hashes seen so far in one file: open addressing with linear probing, 12 bytes a key in
/// one block of native memory (10 million keys fit in under 200 MB), so a lookup costs one cache miss, which
/// <see cref="Prefetch"/> can start early. On Linux the block is asked for in 2 MiB pages: its lookups land
/// anywhere in it, and with 4 KiB pages nearly each would also miss the TLB (and each page would fault in on
/// its own). Not thread-safe: <see cref="ValidatedRows"/> adds keys one block at a time, in file order.
/// </summary>
internal sealed unsafe class KeySet : IDisposable
{
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Slot
    {
        public ulong High;
        public uint Low;
    }

    private Table _table;
    private int _count;

    public KeySet(long expectedKeys)
    {
        var capacity = 1024;
        while (capacity < expectedKeys * 4 / 3 && capacity < 1 << 30) capacity <<= 1;
        _table = Table.Zeroed(capacity);
    }

    ~KeySet() => _table.Free();

    public void Dispose()
    {
        _table.Free();
        _table = default;
        GC.SuppressFinalize(this);
    }

    /// <summary>Asks the CPU to bring the key's first slot into cache ahead of <see cref="Add"/>.</summary>
    public void Prefetch(KeyHash key)
    {
        if (Sse.IsSupported) Sse.Prefetch0(_table.Slots + Home(HighOf(key), _table.Length));
    }

    /// <summary>False when the key was there already (a repeat).</summary>
    public bool Add(KeyHash key)
    {
        if (_count >= _table.Length / 4 * 3) Grow();
        if (!Insert(_table, HighOf(key), key.Low)) return false;
        _count++;
        return true;
    }

    // 0 marks an empty slot, so a real 0 is stored as 1 (one bit of the 96 given up).
    private static ulong HighOf(KeyHash key) => key.High == 0 ? 1 : key.High;

    private static int Home(ulong high, int length) => (int)(high >> 34) & (length - 1);

    private static bool Insert(Table table, ulong high, uint low)
    {
        var mask = table.Length - 1;
        for (var i = Home(high, table.Length); ; i = (i + 1) & mask)
        {
            ref var slot = ref table.Slots[i];
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
        var bigger = Table.Zeroed(_table.Length * 2);
        for (var i = 0; i < _table.Length; i++)
            if (_table.Slots[i].High != 0) Insert(bigger, _table.Slots[i].High, _table.Slots[i].Low);
        _table.Free();
        _table = bigger;
    }

    /// <summary>The slots, in memory of their own (zeroed, as fresh anonymous memory is, without writing it).</summary>
    private readonly struct Table(Slot* slots, int length, void* mapping, nuint mappedBytes)
    {
        private const nuint HugePage = 2 << 20;

        public Slot* Slots => slots;
        public int Length => length;

        public static Table Zeroed(int length)
        {
            var bytes = (nuint)length * (nuint)sizeof(Slot);
            if (!OperatingSystem.IsLinux())
                return new Table((Slot*)NativeMemory.AllocZeroed(bytes), length, null, 0);
            // One huge page extra, so the slots can start on a huge-page boundary.
            var mapped = bytes + HugePage;
            var mapping = Mmap(null, mapped, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            if (mapping == (void*)-1) throw new OutOfMemoryException($"The key set of {length:N0} slots ({bytes:N0} bytes) could not be mapped (errno {Marshal.GetLastPInvokeError()}).");
            var start = ((nuint)mapping + HugePage - 1) & ~(HugePage - 1);
            _ = Madvise((void*)start, bytes, MadvHugePage);   // a hint: without transparent huge pages it simply has no effect
            return new Table((Slot*)start, length, mapping, mapped);
        }

        public void Free()
        {
            if (slots == null) return;
            if (mapping is null) NativeMemory.Free(slots);
            else _ = Munmap(mapping, mappedBytes);
        }
    }

    private const int ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20, MadvHugePage = 14;

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static extern int Munmap(void* address, nuint length);

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static extern int Madvise(void* address, nuint length, int advice);
}
