using System.Runtime.InteropServices;

namespace Analytics.Warehouse.Marts;

/// <summary>
/// Lowers the OS priority of the calling thread (Linux nice 10). .NET's Thread.Priority is ignored
/// on Linux, but Linux keeps a nice value per thread and lets any thread lower its own, so the
/// gate's query threads yield the CPU to the host's request threads when both want it.
/// </summary>
internal static partial class BackgroundPriority
{
    private const int PrioProcess = 0;   // with a thread id as "who", Linux applies it to that thread alone
    private const int Nice = 10;

    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { _ = setpriority(PrioProcess, gettid(), Nice); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }   // a libc without gettid: normal priority
    }

    [LibraryImport("libc", SetLastError = true)] private static partial int setpriority(int which, int who, int prio);
    [LibraryImport("libc")] private static partial int gettid();
}
