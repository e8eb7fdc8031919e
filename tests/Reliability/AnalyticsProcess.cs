using System.Diagnostics;
using System.Text;

namespace Analytics.Tests.Reliability;

/// <summary>The built <c>analytics</c> command line (dashboards/bin/&lt;Configuration&gt;/net10.0/analytics.dll), run as a child process.</summary>
public static class AnalyticsProcess
{
    /// <summary>The id-hash key every child uses, so two data folders hash the same person alike.</summary>
    public const string IdHashKey = "000102030405060708090a0b0c0d0e0f";

    public static string Dll { get; } = Locate();

    private static string Locate()
    {
        // tests/bin/<Configuration>/net10.0/ -> dashboards/bin/<Configuration>/net10.0/analytics.dll
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var repo = testBin.Parent.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(repo, "dashboards", "bin", configuration, testBin.Name, "analytics.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the dashboards project first", dll);
    }

    public static Process Start(params string[] args) => Start(null, args);

    /// <summary>Starts the child; <paramref name="onErrorLine"/> sees its stderr lines (progress, notes) as they come.</summary>
    public static Process Start(Action<string>? onErrorLine, params string[] args) => Start(Info(args), onErrorLine);

    /// <summary>Starts the child; the callbacks see its stderr and stdout lines as they come.</summary>
    public static Process Start(Action<string>? onErrorLine, Action<string>? onOutputLine, params string[] args) => Start(Info(args), onErrorLine, onOutputLine);

    private static ProcessStartInfo Info(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["Ingest__IdHashKey"] = IdHashKey;
        // Tests deliver whole files before a run starts, so a pass need not wait for them to settle.
        info.Environment["Ingest__SettleSeconds"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        return info;
    }

    private static Process Start(ProcessStartInfo info, Action<string>? onErrorLine, Action<string>? onOutputLine = null)
    {
        var process = Process.Start(info)!;
        // Drain both pipes so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) onOutputLine?.Invoke(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) onErrorLine?.Invoke(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs to the end; returns the exit code and everything it wrote to stdout and stderr.</summary>
    public static async Task<(int Code, string Output, string Error)> RunCapturedAsync(TimeSpan timeout, params string[] args)
    {
        var outcome = await RunAsync(timeout, _ => { }, args);
        return (outcome.ExitCode, outcome.Output, outcome.Error);
    }

    /// <summary>Runs to the end; returns the exit code.</summary>
    public static async Task<int> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        return process.ExitCode;
    }

    /// <summary>Runs to the end with extra environment variables (e.g. <c>Ingest__SettleSeconds</c>); returns the exit code and stdout.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var outcome = await RunAsync(timeout, info => { foreach (var (key, value) in environment) info.Environment[key] = value; }, args);
        return (outcome.ExitCode, outcome.Output);
    }

    /// <summary>
    /// Runs to the end with the start info adjusted by <paramref name="configure"/> (environment,
    /// working directory; it may remove the <c>Ingest__IdHashKey</c> every child otherwise gets).
    /// </summary>
    public static async Task<Outcome> RunAsync(TimeSpan timeout, Action<ProcessStartInfo> configure, params string[] args)
    {
        var (output, error) = (new StringBuilder(), new StringBuilder());
        using var process = StartConfigured(configure, line => { lock (error) error.Append(line).Append('\n'); }, args,
            line => { lock (output) output.Append(line).Append('\n'); });
        using var limit = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(limit.Token);
        process.WaitForExit(); // and the last lines of both pipes are read
        lock (output) lock (error) return new Outcome(process.ExitCode, output.ToString(), error.ToString());
    }

    /// <summary>Starts the child with its start info adjusted by <paramref name="configure"/>; the caller ends it.</summary>
    public static Process StartConfigured(Action<ProcessStartInfo> configure, Action<string>? onErrorLine, string[] args, Action<string>? onOutputLine = null)
    {
        var info = Info(args);
        configure(info);
        return Start(info, onErrorLine, onOutputLine);
    }

    public sealed record Outcome(int ExitCode, string Output, string Error);
}
