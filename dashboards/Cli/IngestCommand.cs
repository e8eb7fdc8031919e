using DuckDB.NET.Data;
using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Analytics.Ingest;
using Analytics.Ingest.Validation;
using Spectre.Console;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// <c>ingest [--json]</c>: one pass over inbox/ now. Exit 0 when every file was processed (rejected
/// rows are not a failure), 1 when a file failed as a whole (or the pass could not run), 2 on bad arguments.
/// </summary>
public static class IngestCommand
{
    public static readonly Option<bool> JsonOption = new("--json") { Description = "Print the per-file summary as a JSON array on stdout" };
    public static readonly Option<bool> RetryFailedOption = new("--retry-failed") { Description = "Read again files that failed before and have not changed since" };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var command = new Command("ingest", "One pass over inbox/: validate, load into the lake, report per file");
        command.Options.Add(JsonOption);
        command.Options.Add(RetryFailedOption);
        command.SetAction(async (parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var json = parse.GetValue(JsonOption);
            using var host = VerbHost.Build(parse);
            var runner = host.Services.GetRequiredService<IngestRunner>();
            var retryFailed = parse.GetValue(RetryFailedOption);
            IngestPassResult result;
            try
            {
                result = await RunWithProgressAsync(runner, json, retryFailed, error, cancellation);
            }
            catch (Exception e) when (e is TimeoutException or IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException)
            {
                error.WriteLine($"ingest failed: {ResidentIdText.Mask(e.Message)}"); // a path in the message may name a person
                return AnalyticsCommandLine.Failed;
            }
            if (json) output.WriteLine(JsonSerializer.Serialize(result.Files, Json));
            else WriteSummary(result, output);
            if (result.CatalogError is not null) error.WriteLine($"note: {result.CatalogError}");
            return result.AnyFailed ? AnalyticsCommandLine.Failed : AnalyticsCommandLine.Ok;
        });
        return command;
    }

    private static async Task<IngestPassResult> RunWithProgressAsync(IngestRunner runner, bool json, bool retryFailed, TextWriter error, CancellationToken cancellation)
    {
        if (json || Console.IsOutputRedirected || Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            string? current = null;
            var plain = new SynchronousProgress(p =>
            {
                if (p.File == current) return;
                current = p.File;
                error.WriteLine($"[{p.FileIndex + 1}/{p.FileCount}] reading {p.File}");
            });
            return await runner.RunPassAsync(progress: plain, cancellation: cancellation, retryFailed: retryFailed);
        }
        IngestPassResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var bars = new SynchronousProgress(p =>
                {
                    if (!tasks.TryGetValue(p.File, out var task))
                        tasks[p.File] = task = context.AddTask(Markup.Escape(p.File), maxValue: Math.Max(1, p.BytesTotal));
                    task.Value = p.BytesRead;
                    task.Description = Markup.Escape($"{p.File} ({p.Rows:N0} rows)");
                });
                result = await runner.RunPassAsync(progress: bars, cancellation: cancellation, retryFailed: retryFailed);
                foreach (var task in tasks.Values) task.Value = task.MaxValue;
            });
        return result!;
    }

    private static void WriteSummary(IngestPassResult result, TextWriter output)
    {
        if (result.Files.Count == 0) output.WriteLine("inbox is empty: nothing to ingest");
        foreach (var f in result.Files)
        {
            var line = $"{f.Status,-8} {f.File}  in {f.RowsIn}  loaded {f.RowsLoaded}  rejected {f.RowsRejected}";
            if (f.Rejects is not null) line += $"  rejects: {f.Rejects}";
            if (f.Error is not null) line += $"  error: {f.Error}";
            if (f.Encoding is not null) line += $"  encoding: {f.Encoding}";
            output.WriteLine(line);
            if (f.UnknownColumns.Count > 0) output.WriteLine($"         ignored unknown column(s): {string.Join(", ", f.UnknownColumns)}");
        }
        if (result.BatchId is { } batch) output.WriteLine($"batch {batch} committed");
    }

    /// <summary>Reports on the ingest thread, in order (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
