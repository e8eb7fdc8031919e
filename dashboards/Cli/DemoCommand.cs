using System.CommandLine;
using System.Globalization;
using Analytics.Ingest;
using Analytics.Ingest.Demo;
using Spectre.Console;

namespace Analytics.Dashboards.Cli;

/// <summary><c>demo [--scale N]</c>: writes the synthetic, seeded inbox for every dataset into <c>&lt;data&gt;/inbox/</c>.</summary>
public static class DemoCommand
{
    /// <summary>Fractions too, as the generator takes them (0.05 is a quick, small inbox).</summary>
    public static readonly Option<double> ScaleOption = CheckedOption.Create("--scale", "数据规模",
        "multiplies the row counts (1 ≈ 100,000 labour-market rows; 0.05 for a quick look)",
        token => CheckedOption.Number(token, 0, DemoGenerator.MaxScale, "0.5 or 2"), fallback: () => 1);

    public static Command Create()
    {
        var command = new Command("demo", "Write a synthetic, seeded inbox for every dataset");
        command.Options.Add(ScaleOption);
        command.SetAction((parse, cancellation) =>
        {
            using var host = VerbHost.Build(parse);
            var data = host.Services.GetRequiredService<DataPaths>().Root;
            var scale = parse.GetValue(ScaleOption);
            var output = parse.InvocationConfiguration.Output;
            bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
            var summary = terminal ? WriteWithProgressBars(data, scale, cancellation) : WriteWithPlainLines(data, scale, output, cancellation);
            PrintSummary(summary, Path.Combine(data, "inbox"), output);
            return Task.FromResult(AnalyticsCommandLine.Ok);
        });
        return command;
    }

    private static DemoSummary WriteWithPlainLines(string data, double scale, TextWriter output, CancellationToken cancellation) =>
        DemoGenerator.Write(data, scale, new Reporter(p =>
        {
            if (p.CompletedFile is not null) output.WriteLine($"wrote {p.CompletedFile}");
        }), cancellation);

    private static DemoSummary WriteWithProgressBars(string data, double scale, CancellationToken cancellation) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                return DemoGenerator.Write(data, scale, new Reporter(p =>
                {
                    if (!tasks.TryGetValue(p.Dataset, out var task))
                    {
                        foreach (var done in tasks.Values) done.Value = done.MaxValue;
                        tasks[p.Dataset] = task = context.AddTask(p.Dataset, maxValue: Math.Max(1, p.RowsPlanned));
                    }
                    task.Value = Math.Min(p.RowsWritten, task.MaxValue);
                }), cancellation);
            });

    private static void PrintSummary(DemoSummary summary, string inbox, TextWriter output)
    {
        string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        output.WriteLine($"Demo inbox written to {inbox}");
        output.WriteLine($"{"dataset",-22}{"files",6}{"rows",12}");
        foreach (var (dataset, files, rows) in summary.PerDataset())
            output.WriteLine($"{dataset,-22}{files,6}{N(rows),12}");
        output.WriteLine($"{"total",-22}{summary.Files.Count,6}{N(summary.TotalRows),12}");
    }

    /// <summary>Reports synchronously on the generating thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Reporter(Action<DemoProgress> report) : IProgress<DemoProgress>
    {
        public void Report(DemoProgress value) => report(value);
    }
}
