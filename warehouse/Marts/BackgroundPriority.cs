using System.Runtime.InteropServices;

namespace Analytics.Warehouse.Marts;

/// <summary>
/// Lowers the OS priority of the calling thread (a Linux nice value). .NET's Thread.Priority is ignored
/// on Linux, but Linux keeps a nice value per thread and lets any thread lower its own, so the
/// gate's query threads yield the CPU to the host's request threads when both want it.
/// </summary>
internal static partial class BackgroundPriority
{
    private const int PrioProcess = 0;   // with a thread id as "who", Linux applies it to that thread alone
    public static void LowerCurrentThread(int nice)
    {
        if (!OperatingSystem.IsLinux() || nice <= 0) return;
        try { _ = setpriority(PrioProcess, gettid(), Math.Min(nice, 19)); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }   // a libc without gettid: normal priority
    }

    [LibraryImport("libc", SetLastError = true)] private static partial int setpriority(int which, int who, int prio);
    [LibraryImport("libc")] private static partial int gettid();
}
