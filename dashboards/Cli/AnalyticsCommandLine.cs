using System.CommandLine;
using System.Text.RegularExpressions;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// The command-line contract of product.md: verbs, flags and exit codes that automation relies on.
/// Exit codes: 0 success, 1 the work failed, 2 bad arguments. Besides its flags, every verb takes
/// configuration keys as <c>--Section:Key=value</c> (the host's command-line configuration source),
/// taken out before the verbs' own arguments are parsed.
/// </summary>
public static partial class AnalyticsCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public static readonly Option<string> DataOption = new("--data")
    {
        Description = "Data directory (inbox/, lake/, rejects/, warehouse.duckdb) [default: Analytics:DataDirectory from configuration, else ./data]",
        Recursive = true,
    };

    public static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Log the web framework's and the scheduler's information lines too (by default they log warnings only; "
                      + "finer: --Logging:LogLevel:<category>=<level>)",
        Recursive = true,
    };

    /// <summary>What <c>--verbose</c> adds, ahead of the command line's own keys so that an explicit <c>--Logging:…</c> still wins.</summary>
    private static readonly string[] VerboseLogging =
        ["--Logging:LogLevel:Microsoft=Information", "--Logging:LogLevel:System=Information", "--Logging:LogLevel:Quartz=Information"];

    /// <param name="configurationArgs">the <c>--Section:Key=value</c> tokens taken out of the arguments before parsing</param>
    public static RootCommand Build(string[]? configurationArgs = null)
    {
        var root = new RootCommand("Labour-market analytics warehouse (劳动力市场分析仓库). Configuration: appsettings.json and "
                                   + "appsettings.{Environment}.json beside the binary, environment variables (Ingest__IdHashKey), "
                                   + "then --Section:Key=value arguments.");
        root.Options.Add(DataOption);
        root.Options.Add(VerboseOption);
        var serve = ServeCommand.Create();
        foreach (var option in serve.Options) root.Options.Add(option);
        root.Action = serve.Action;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(PublishCommand.Create());
        root.Subcommands.Add(LakeCommand.Create());
        // They travel with the parse to whichever verb runs (tests run several command lines at once, so nothing static).
        root.Options.Add(new Option<string[]>(ConfigurationArgsName) { Hidden = true, Recursive = true, DefaultValueFactory = _ => configurationArgs ?? [] });
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = Build(args.Where(IsConfigurationToken).ToArray()).Parse(args.Where(a => !IsConfigurationToken(a)).ToArray());
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

    private const string ConfigurationArgsName = "--configuration-args";

    /// <summary>The <c>--Section:Key=value</c> arguments of the command line, for the host's command-line configuration source.</summary>
    public static string[] ConfigurationArguments(ParseResult parse) =>
        [.. parse.GetValue(VerboseOption) ? VerboseLogging : [], .. parse.GetValue<string[]>(ConfigurationArgsName) ?? []];

    // A section path (at least one ':') and a value: `--Ingest:IdHashKey=…`, `--Metrics:MinSample=20`.
    [GeneratedRegex(@"^--[A-Za-z0-9_.\-]+(:[A-Za-z0-9_.\-]+)+=")]
    private static partial Regex ConfigurationToken();

    private static bool IsConfigurationToken(string token) => ConfigurationToken().IsMatch(token);
}
