using Spectre.Console;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// Progress of a publication on stderr (stdout may carry the CSV/JSON itself): a Spectre status line
/// on an interactive terminal, plain lines otherwise (pipes, logs, tests).
/// </summary>
internal static class PublishStatus
{
    public static async Task<T> RunAsync<T>(TextWriter error, Func<Action<string>, Task<T>> work)
    {
        var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!terminal) return await work(error.WriteLine);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().StartAsync("publishing", async context => await work(text =>
        {
            // Notes and the final line stay on screen; the rest only updates the spinner.
            if (text.StartsWith("note:", StringComparison.Ordinal) || text.StartsWith("wrote", StringComparison.Ordinal))
                console.MarkupLine(Markup.Escape(text));
            else context.Status(Markup.Escape(text));
        }));
    }
}
