using System.Diagnostics;

namespace Analytics.Warehouse.Marts;

/// <summary>
/// Lowers the OS priority of the calling thread (a Linux nice value). .NET's Thread.Priority is ignored
/// on Linux, but Linux keeps a nice value per thread and lets any thread lower its own, so the
/// gate's query threads yield the CPU to the host's request threads when both want it. Done without a
/// native call of our own: the thread's id is where /proc/thread-self points, and util-linux's
/// <c>renice</c> sets that thread's nice value (once per gate thread, as it starts).
/// </summary>
internal static class BackgroundPriority
{
    public static void LowerCurrentThread(int nice)
    {
        if (!OperatingSystem.IsLinux() || nice <= 0) return;
        try
        {
            // "/proc/thread-self" links to "<pid>/task/<tid>".
            if (new DirectoryInfo("/proc/thread-self").LinkTarget is not { } target || !int.TryParse(Path.GetFileName(target), out var thread)) return;
            using var renice = Process.Start(new ProcessStartInfo("renice", ["-n", Math.Min(nice, 19).ToString(), "-p", thread.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            renice?.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException) { }   // no renice or no /proc: normal priority
    }
}
