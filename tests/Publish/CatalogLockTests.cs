using Analytics.Tests.Warehouse.DuckDb;
using System.Diagnostics;
using Analytics.Warehouse.DuckDb;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// DuckDB lets one process open a database file read-write, and then no other process may open it
/// at all. The verb opens the catalog read-only, so it coexists with other readers; against a
/// process that holds it read-write (a running serve) it fails with exit 1 and says why.
/// Runs the built `analytics` binary as a second process.
/// </summary>
[Collection(PublishDataCollection.Name)]
public sealed class CatalogLockTests(PublishData data)
{
    private static async Task<(int Code, string Stdout, string Stderr)> RunBinaryAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "analytics"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var (stdout, stderr) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task A_catalog_held_read_write_by_another_process_fails_with_a_clear_message_and_a_read_only_one_publishes()
    {
        // A private copy: a connection another test left open in this process would share the fixture's file.
        var folder = Path.GetDirectoryName(data.OutputFile("lock/x"))!;
        Directory.CreateDirectory(folder);
        var catalog = Path.Combine(folder, "warehouse.duckdb");
        File.Copy(data.Catalog, catalog, overwrite: true);
        string[] args = ["publish", .. Products.Indicators, "--format", "json", "--data", folder];
        using (var holder = Databases.OpenFile(catalog))
        {
            var locked = await RunBinaryAsync(args);
            locked.Code.ShouldBe(1, locked.Stderr);
            locked.Stderr.ShouldContain("warehouse.duckdb is held read-write by another process");
            locked.Stdout.ShouldBeEmpty();
        }
        using (var reader = Databases.OpenFile(catalog, ("access_mode", "READ_ONLY")))
        {
            var shared = await RunBinaryAsync(args);
            shared.Code.ShouldBe(0, shared.Stderr + "\nread-only openers share the file");
            shared.Stdout.ShouldStartWith("[");
        }
    }
}
