using System.CommandLine;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// The command-line contract of product.md: verbs, flags and exit codes that automation relies on.
/// Exit codes: 0 success, 1 the work failed, 2 bad arguments.
/// </summary>
public static class AnalyticsCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public static readonly Option<string> DataOption = new("--data")
    {
        Description = "Data directory (inbox/, lake/, rejects/, warehouse.duckdb)",
        DefaultValueFactory = _ => "./data",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("Labour-market analytics warehouse (劳动力市场分析仓库)");
        root.Options.Add(DataOption);
        var serve = ServeCommand.Create();
        foreach (var option in serve.Options) root.Options.Add(option);
        root.Action = serve.Action;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(PublishCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) (error ?? Console.Error).WriteLine(e.Message);
            return BadArguments;
        }
        // The web host handles SIGTERM/Ctrl+C itself; two handlers racing would crash on shutdown.
        var config = new InvocationConfiguration { ProcessTerminationTimeout = null };
        if (output is not null) config.Output = output;
        if (error is not null) config.Error = error;
        return await parse.InvokeAsync(config);
    }
}
