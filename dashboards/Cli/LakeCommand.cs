using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Analytics.Ingest;
using Analytics.Ingest.Lake;

namespace Analytics.Dashboards.Cli;

/// <summary>
/// <c>lake verify [--json]</c>: reads every lake file with Parquet.Net (not DuckDB) and checks it
/// against the committed manifests. Exit 0 when the lake is clean, 1 when a file is missing,
/// damaged, has other rows or columns than its manifest and dataset say, or is an orphan (or the
/// lake cannot be read at all), 2 on bad arguments. One line per bad file on stdout, or with
/// <c>--json</c> a JSON array of {file, problem, detail}.
/// </summary>
public static class LakeCommand
{
    public static readonly Option<bool> JsonOption = new("--json") { Description = "Print the problems as a JSON array of {file, problem, detail} on stdout" };

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var verify = new Command("verify", "Read every lake file with Parquet.Net and check it against its manifest: "
                                           + "present, readable, its rows and every column of its dataset; list missing, damaged and orphan files");
        verify.Options.Add(JsonOption);
        verify.SetAction(async (parse, cancellation) =>
        {
            var (output, error) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            using var host = VerbHost.Build(parse);
            var paths = host.Services.GetRequiredService<DataPaths>();
            if (!Directory.Exists(paths.Lake))
            {
                error.WriteLine($"lake verify failed: there is no lake at {paths.Lake} (is --data right? `analytics ingest` creates it).");
                return AnalyticsCommandLine.Failed;
            }
            LakeVerification result;
            try
            {
                result = await LakeVerifier.VerifyAsync(paths, cancellation);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
            {
                error.WriteLine($"lake verify failed: the manifests in {paths.Manifests} cannot be read: {e.Message}");
                return AnalyticsCommandLine.Failed;
            }
            if (parse.GetValue(JsonOption)) output.WriteLine(JsonSerializer.Serialize(result.Problems, Json));
            else
                foreach (var problem in result.Problems)
                    output.WriteLine($"{problem.Problem,-8} {problem.File}  {problem.Detail}");
            error.WriteLine(result.Clean
                ? $"lake is clean: {result.FilesRead:N0} files, {result.RowsRead:N0} rows read with Parquet.Net"
                : $"lake has {result.Problems.Count:N0} problem(s); {result.FilesRead:N0} files, {result.RowsRead:N0} rows read with Parquet.Net");
            return result.Clean ? AnalyticsCommandLine.Ok : AnalyticsCommandLine.Failed;
        });
        var lake = new Command("lake", "Check the Parquet lake with an engine other than DuckDB");
        lake.Subcommands.Add(verify);
        return lake;
    }
}
