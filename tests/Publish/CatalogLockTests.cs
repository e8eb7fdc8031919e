using Analytics.Tests.Warehouse.DuckDb;
using System.Diagnostics;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Publish;

/// <summary>
/// DuckDB lets one process open a database file read-write, and then no other process may open it
/// at all. The verb never opens warehouse.duckdb: it builds the catalog from the lake's manifests, so a
/// process holding the file read-write (a running serve) does not stop it, and it changes nothing.
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
    public async Task A_catalog_held_read_write_by_another_process_does_not_stop_publish_and_is_left_as_it_was()
    {
        // A private copy: a connection another test left open in this process would share the fixture's file.
        var folder = Path.GetDirectoryName(data.OutputFile("lock/x"))!;
        CopyFolder(Path.Combine(data.Root, "lake"), Path.Combine(folder, "lake"));
        var catalog = Path.Combine(folder, "warehouse.duckdb");
        File.Copy(data.Catalog, catalog, overwrite: true);
        string[] args = ["publish", .. Products.Indicators, "--format", "json", "--data", folder];
        var before = File.GetLastWriteTimeUtc(catalog);
        var free = await RunBinaryAsync(args);
        free.Code.ShouldBe(0, free.Stderr);
        free.Stdout.ShouldStartWith("[");
        File.GetLastWriteTimeUtc(catalog).ShouldBe(before, "publish never writes warehouse.duckdb");

        using (Databases.OpenFile(catalog))
        {
            var held = await RunBinaryAsync(args);
            held.Code.ShouldBe(0, held.Stderr);
            held.Stdout.ShouldBe(free.Stdout, "the same lake gives the same publication");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
