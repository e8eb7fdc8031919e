using Analytics.Dashboards.Cli;
using Analytics.Ingest;
using Analytics.Ingest.Demo;
using Analytics.Warehouse.DuckDb;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// One data folder for all publish tests: the demo inbox at a small scale, loaded by a real ingest
/// pass into the lake and warehouse.duckdb, exactly as `analytics demo` + `analytics ingest` would.
/// </summary>
public sealed class PublishData : IDisposable
{
    public const double Scale = 0.05;

    public PublishData()
    {
        Root = Path.Combine(Path.GetTempPath(), "publish-tests", Guid.NewGuid().ToString("N"));
        DemoGenerator.Write(Root, Scale);
        var pass = new IngestRunner(new IngestOptions
        {
            DataDirectory = Root,
            IdHashKey = "000102030405060708090a0b0c0d0e0f",
            StageMemoryLimit = "256MB",
        }).RunPassAsync().GetAwaiter().GetResult();
        if (pass.AnyFailed || !pass.CatalogUpToDate) throw new InvalidOperationException("the demo data did not ingest cleanly");
        BatchId = pass.BatchId!.Value;
    }

    public string Root { get; }
    public long BatchId { get; }
    public string Catalog => Path.Combine(Root, "warehouse.duckdb");

    /// <summary>The catalog read-only, as the verb opens it.</summary>
    public DuckDbDataSource Open() => DuckDbDataSource.File(Catalog, ("access_mode", "READ_ONLY"));

    /// <summary>Runs the real command line in-process against this folder.</summary>
    public async Task<CliRun> PublishAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await AnalyticsCommandLine.RunAsync(["publish", .. args, "--data", Root], output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string OutputFile(string name)
    {
        var folder = Path.Combine(Root, "out");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

public sealed record CliRun(int ExitCode, string Stdout, string Stderr);

[CollectionDefinition(Name)]
public sealed class PublishDataCollection : ICollectionFixture<PublishData>
{
    public const string Name = "publish data";
}
