using System.Diagnostics;
using System.Text;
using Analytics.Dashboards.Cli;
using Analytics.Ingest.Validation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Reliability;

/// <summary>
/// Every verb builds the same configuration (AnalyticsHost): a key set only in an
/// appsettings.{Environment}.json beside the binary reaches both <c>serve</c> and <c>ingest</c>, so
/// the two hash a person alike; and one rule places the data folder, wherever the app is started from.
/// </summary>
public class CompositionRootTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private const string AppsettingsKey = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
    private const string SeekerA = "110105199001011232";
    private const string SeekerB = "110105198803051231";
    private static readonly string Jobseekers =
        $"seeker_id,registered_on,region_code,occupation_code\n{SeekerA},2026-09-01,110105,2-02-01-01\n{SeekerB},2026-09-02,110105,2-02-01-01\n";

    [Fact]
    public async Task A_hash_key_set_only_in_appsettings_hashes_alike_in_serve_and_in_cli_ingest()
    {
        // How a deployment sets it: appsettings.{Environment}.json beside the binary, the environment
        // chosen by DOTNET_ENVIRONMENT. A name of its own keeps the file from every other test's children.
        var environment = "KeyTest" + Guid.NewGuid().ToString("N")[..8];
        var settings = Path.Combine(Path.GetDirectoryName(AnalyticsProcess.Dll)!, $"appsettings.{environment}.json");
        var root = Path.Combine(Path.GetTempPath(), "composition-root", Guid.NewGuid().ToString("N"));
        var (served, cli) = (Path.Combine(root, "served"), Path.Combine(root, "cli"));
        try
        {
            File.WriteAllText(settings, $$"""{ "Ingest": { "IdHashKey": "{{AppsettingsKey}}" } }""");
            foreach (var data in new[] { served, cli }) Drop(data, "jobseekers/a.csv", Jobseekers);
            void OnlyAppsettings(ProcessStartInfo info)
            {
                info.Environment.Remove("Ingest__IdHashKey");
                info.Environment["DOTNET_ENVIRONMENT"] = environment;
                info.WorkingDirectory = root; // not the binary's folder: appsettings must still be found
            }

            var ingest = await AnalyticsProcess.RunAsync(Limit, OnlyAppsettings, "ingest", "--data", cli);
            ingest.ExitCode.ShouldBe(0, ingest.Error);
            await ServeUntilCommittedAsync(served, OnlyAppsettings);

            var cliHashes = await LakeColumns.TextAsync(cli, "jobseekers", "seeker_id");
            var servedHashes = await LakeColumns.TextAsync(served, "jobseekers", "seeker_id");
            var expected = new PersonIdHasher(Convert.FromHexString(AppsettingsKey));
            cliHashes.ShouldBe(new[] { SeekerA, SeekerB }.Select(id => (string?)expected.Hash(Encoding.ASCII.GetBytes(id))).Order(StringComparer.Ordinal).ToList());
            servedHashes.ShouldBe(cliHashes);
            // Neither process fell back to a key of its own.
            File.Exists(Path.Combine(cli, "secrets", "id-hash.key")).ShouldBeFalse();
            File.Exists(Path.Combine(served, "secrets", "id-hash.key")).ShouldBeFalse();
        }
        finally
        {
            File.Delete(settings);
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The real <c>serve</c>, its scheduler firing every second (set on its command line), until its pass has committed and rolled forward.</summary>
    private async Task ServeUntilCommittedAsync(string data, Action<ProcessStartInfo> configure)
    {
        var done = Path.Combine(data, "lake", "_manifest", "00000001.done");
        var errors = new StringBuilder();
        using var serve = AnalyticsProcess.StartConfigured(configure, line => { lock (errors) errors.AppendLine(line); },
            ["serve", "--data", data, "--urls", "http://127.0.0.1:0", "--Ingest:Schedules:default=* * * * * ?"]);
        try
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(done))
            {
                if (serve.HasExited) lock (errors) throw new ShouldAssertException($"serve exited with {serve.ExitCode}: {errors}");
                clock.Elapsed.ShouldBeLessThan(Limit, "serve never committed the inbox");
                await Task.Delay(200);
            }
            log.WriteLine($"serve committed after {clock.Elapsed.TotalSeconds:0.0} s");
            lock (errors) errors.ToString().ShouldStartWith($"data folder: {data}");
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Dotnet_run_from_the_repository_root_and_the_built_binary_there_use_the_same_data_folder()
    {
        var bin = new DirectoryInfo(Path.GetDirectoryName(AnalyticsProcess.Dll)!); // dashboards/bin/<Configuration>/net10.0
        var repo = bin.Parent!.Parent!.Parent!.Parent!.FullName;
        var expected = $"data folder: {Path.Combine(repo, "data")}\n";
        void AtRepositoryRoot(ProcessStartInfo info) => info.WorkingDirectory = repo;

        // `lake verify` only reads: over a repository without data/ it exits 1 and changes nothing.
        var binary = await AnalyticsProcess.RunAsync(Limit, AtRepositoryRoot, "lake", "verify", "--json");
        var run = await AnalyticsProcess.RunAsync(Limit, info =>
        {
            AtRepositoryRoot(info);
            info.ArgumentList.Clear();
            foreach (var a in new[] { "run", "--no-build", "-c", bin.Parent!.Name, "--project", "dashboards", "--", "lake", "verify", "--json" })
                info.ArgumentList.Add(a);
        });

        binary.Error.ShouldStartWith(expected);
        run.Error.ShouldStartWith(expected);
    }

    [Fact]
    public async Task The_data_folder_is_data_option_else_configuration_else_data_in_the_current_directory()
    {
        var (configured, given) = (Path.Combine(Path.GetTempPath(), "configured-data"), Path.Combine(Path.GetTempPath(), "given-data"));

        (await DataFolderOf("lake", "verify")).ShouldBe(Path.GetFullPath("data"));
        (await DataFolderOf("lake", "verify", $"--Analytics:DataDirectory={configured}")).ShouldBe(configured);
        (await DataFolderOf("lake", "verify", "--data", given, $"--Analytics:DataDirectory={configured}")).ShouldBe(given);
    }

    [Fact]
    public async Task Configuration_keys_are_accepted_on_the_command_line_and_any_other_unknown_token_is_a_bad_argument()
    {
        var error = new StringWriter();
        (await AnalyticsCommandLine.RunAsync(["lake", "verify", "--Analytics:DataDirectory"], new StringWriter(), error)).ShouldBe(AnalyticsCommandLine.BadArguments);
        error.ToString().ShouldContain("Unrecognized command or argument '--Analytics:DataDirectory'");
        (await AnalyticsCommandLine.RunAsync(["ingest", "--Ingest=1"], new StringWriter(), new StringWriter())).ShouldBe(AnalyticsCommandLine.BadArguments);
        (await AnalyticsCommandLine.RunAsync(["demo", "stray"], new StringWriter(), new StringWriter())).ShouldBe(AnalyticsCommandLine.BadArguments);
    }

    private static async Task<string> DataFolderOf(params string[] args)
    {
        var error = new StringWriter();
        await AnalyticsCommandLine.RunAsync(args, new StringWriter(), error);
        var line = error.ToString().Split('\n').First();
        line.ShouldStartWith("data folder: ");
        return line["data folder: ".Length..].TrimEnd('\r');
    }

    private static void Drop(string data, string file, string content)
    {
        var path = Path.Combine(data, "inbox", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
