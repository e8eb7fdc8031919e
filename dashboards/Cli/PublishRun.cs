using DuckDB.NET.Data;
using System.CommandLine;
using System.Text;
using Analytics.Ingest;
using Analytics.Ingest.Lake;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Cli;

/// <summary>What every <c>publish</c> verb does once its own arguments are read: build the catalog from the lake, query, write, explain.</summary>
internal static class PublishRun
{
    /// <param name="prepare">reads the verb's arguments (throwing <see cref="MartValidationException"/> on bad ones) and returns the query</param>
    public static async Task<int> RunAsync(ParseResult parse, Func<Func<ProductPublication, CancellationToken, PublishableReport>> prepare,
        CancellationToken cancellation)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var outPath = parse.GetValue(PublishCommand.OutOption);
        ReportFormat format;
        Func<ProductPublication, CancellationToken, PublishableReport> query;
        try
        {
            format = Format(parse.GetValue(PublishCommand.FormatOption), outPath);
            if (outPath is null && format is ReportFormat.Xlsx or ReportFormat.Html or ReportFormat.Parquet)
                throw new ArgumentException($"--out is required with --format {Extension(format)} (only csv, json and arrow go to stdout); "
                                            + "give a file, or a folder to write <product>_<period>." + Extension(format) + " into.");
            // An Arrow IPC stream is made for pipes (`… --format arrow | python read_stream.py`), but not for a terminal.
            if (outPath is null && format == ReportFormat.Arrow && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
                throw new ArgumentException("--format arrow writes a binary stream: redirect stdout to a pipe or file, or give --out.");
            query = prepare();
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return AnalyticsCommandLine.BadArguments;
        }

        using var host = VerbHost.Build(parse);
        var paths = host.Services.GetRequiredService<DataPaths>();
        var metrics = host.Services.GetRequiredService<MetricsOptions>();
        if (LakeState.LoadRolledForward(paths).Batches.Count == 0)
        {
            error.WriteLine($"publish failed: the lake at {paths.Lake} has no committed batch yet: run ingest first (e.g. `analytics demo` then `analytics ingest`).");
            return AnalyticsCommandLine.Failed;
        }
        try
        {
            return await PublishStatus.RunAsync(error, async status =>
            {
                var report = Query(paths, metrics, query, status, cancellation);
                if (report.EmptyReason is { } why) status($"note: {why}; the {Extension(format)} holds an empty table");
                var progress = new Relay(p =>
                {
                    if (p.Stage == "writing") status($"writing {Extension(format)}: {p.RowsWritten}/{p.RowsTotal} rows");
                });
                if (outPath is null)
                {
                    await WriteToStdoutAsync(report, format, output, progress, cancellation);
                    status($"wrote {report.Table.Rows.Count} rows to stdout");
                }
                else
                {
                    var target = Directory.Exists(outPath) ? Path.Combine(outPath, report.FileName(format)) : outPath;
                    await report.WriteAsync(format, target, progress, cancellation);
                    status($"wrote {Path.GetFullPath(target)} ({report.Table.Rows.Count} rows)");
                }
                return AnalyticsCommandLine.Ok;
            });
        }
        catch (MartValidationException e)
        {
            error.WriteLine(e.Message);
            return AnalyticsCommandLine.BadArguments;
        }
        catch (DuckDBException e)
        {
            error.WriteLine($"publish failed: {e.Message}");
            return AnalyticsCommandLine.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"publish failed: cannot write {outPath ?? "to stdout"}: {e.Message}");
            return AnalyticsCommandLine.Failed;
        }
    }

    /// <summary>
    /// Builds the catalog from the lake's manifests (the host's tables and views, by the same code) in a
    /// temporary database and queries it. warehouse.duckdb is never opened: a running <c>serve</c> holds it,
    /// and a reader would keep a later ingest from syncing it. A lake file a newer batch replaced can be
    /// deleted by the host while this reads it: then the catalog is rebuilt at the newer batch and asked again.
    /// </summary>
    private static PublishableReport Query(DataPaths paths, MetricsOptions metrics, Func<ProductPublication, CancellationToken, PublishableReport> query,
        Action<string> status, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            status($"building the catalog from {paths.Manifests}");
            var (catalog, state) = Catalog.Snapshot(paths);
            using (catalog)
            {
                status($"querying the warehouse (the lake as of batch {state.LastBatch})");
                try { return query(new ProductPublication(catalog, metrics), cancellation); }
                catch (DuckDBException e) when (attempt < MaxAttempts && LakeFileGone(e)) { status($"the lake changed while it was read: {e.Message}"); }
            }
        }
    }

    private const int MaxAttempts = 3;

    private static bool LakeFileGone(DuckDBException e) =>
        e.Message.Contains("No such file", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("No files found", StringComparison.OrdinalIgnoreCase);

    private static ReportFormat Format(string? format, string? outPath)
    {
        if (format is not null) return ReportFormats.Parse(format);
        var extension = Path.GetExtension(outPath ?? "").TrimStart('.');
        if (ReportFormats.Names.Contains(extension, StringComparer.OrdinalIgnoreCase)) return ReportFormats.Parse(extension);
        throw new ArgumentException($"--format is required (one of {string.Join(", ", ReportFormats.Names)}) unless --out ends in one of them.");
    }

    private static string Extension(ReportFormat format) => PublishableReport.Extension(format);

    /// <summary>The console gets the file's exact bytes (the CSV's BOM included); any other writer (tests) the same text (not Arrow: binary).</summary>
    private static async Task WriteToStdoutAsync(PublishableReport report, ReportFormat format, TextWriter output,
        IProgress<PublishProgress> progress, CancellationToken cancellation)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            await using var stdout = Console.OpenStandardOutput();
            await report.WriteAsync(format, stdout, progress, cancellation);
            return;
        }
        if (format == ReportFormat.Arrow) throw new IOException("a binary Arrow stream can only go to the process's standard output");
        using var buffer = new MemoryStream();
        await report.WriteAsync(format, buffer, progress, cancellation);
        await output.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        await output.FlushAsync(cancellation);
    }

    /// <summary>Reports on the writing thread, in order (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class Relay(Action<PublishProgress> report) : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value) => report(value);
    }
}
