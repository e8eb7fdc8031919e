using DuckDB.NET.Data;
using System.CommandLine;
using System.Text;
using Analytics.Ingest;
using Analytics.Reports.Publication;
using Analytics.Reports.Publishing;
using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Cli;

/// <summary>What every <c>publish</c> verb does once its own arguments are read: open the catalog, query, write, explain.</summary>
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
        var catalog = host.Services.GetRequiredService<DataPaths>().Catalog;
        var metrics = host.Services.GetRequiredService<MetricsOptions>();
        if (!File.Exists(catalog))
        {
            error.WriteLine($"publish failed: there is no catalog at {catalog} yet: run ingest first (e.g. `analytics demo` then `analytics ingest`).");
            return AnalyticsCommandLine.Failed;
        }
        try
        {
            return await PublishStatus.RunAsync(error, async status =>
            {
                status($"opening {catalog} (read-only)");
                // Read-only: a publication never writes the catalog, and it does not stop an ingest pass
                // (or a web host started later) from opening it read-write.
                using var warehouse = DuckDbDataSource.File(catalog, ("access_mode", "READ_ONLY"));
                warehouse.EnsureOpen();
                status("querying the warehouse");
                var report = query(new ProductPublication(warehouse, metrics), cancellation);
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
            error.WriteLine($"publish failed: {CatalogProblem(e)}");
            return AnalyticsCommandLine.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"publish failed: cannot write {outPath ?? "to stdout"}: {e.Message}");
            return AnalyticsCommandLine.Failed;
        }
    }

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

    private static string CatalogProblem(DuckDBException e)
    {
        if (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
            return "warehouse.duckdb is held read-write by another process (a running `analytics serve` or ingest), and DuckDB lets no other "
                   + "process open it then, not even read-only. Download the export from the running web app (/api/export/...), "
                   + $"or stop that process and publish again. DuckDB said: {e.Message}";
        if (e.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase))
            return $"the catalog lacks a dataset view: run ingest first. DuckDB said: {e.Message}";
        return e.Message;
    }

    /// <summary>Reports on the writing thread, in order (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class Relay(Action<PublishProgress> report) : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value) => report(value);
    }
}
