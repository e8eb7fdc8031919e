using Analytics.Dashboards.Auth;
using Analytics.Ingest;
using Analytics.Ingest.Demo;

namespace Analytics.Dashboards.Host;

/// <summary>
/// <c>serve</c> on an empty data folder first generates and ingests the demo data set, so a
/// newcomer sees a populated dashboard. The folder is then marked as demo data, and only then do
/// the demo users (README) exist; real data folders never get them. They are written to
/// data/users.json once, so an admin's later changes to them survive restarts.
/// </summary>
public static class DemoBootstrap
{
    public const string MarkerFile = ".demo-data";

    public static async Task PrepareAsync(WebApplication app, WebHostOptions options, TextWriter log, CancellationToken cancellation)
    {
        var root = app.Services.GetRequiredService<DataPaths>().Root;
        var marker = Path.Combine(root, MarkerFile);
        if (IsEmpty(root))
        {
            log.WriteLine($"{root} is empty: generating and ingesting the demo data set (scale {options.DemoScale}) …");
            Directory.CreateDirectory(root);
            var summary = DemoGenerator.Write(root, options.DemoScale, cancellationToken: cancellation);
            File.WriteAllText(marker, $"generated {DateTime.UtcNow:O}, scale {options.DemoScale}\n");
            var result = await app.Services.GetRequiredService<IngestRunner>().RunPassAsync(cancellation: cancellation);
            log.WriteLine($"demo data: {summary.Files.Count} files, {result.Files.Sum(f => f.RowsLoaded):N0} rows loaded, " +
                          $"{result.Files.Sum(f => f.RowsRejected):N0} rejected (deliberately bad rows)");
        }
        // Once: later restarts find them in data/users.json, with whatever the admin changed since.
        if (File.Exists(marker)) app.Services.GetRequiredService<UserStore>().SeedOnce(UserStore.DemoUsers());
    }

    private static bool IsEmpty(string root) =>
        !Directory.Exists(root) || !Directory.EnumerateFileSystemEntries(root).Any();
}
