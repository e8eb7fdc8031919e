using Analytics.Dashboards.Auth;
using Analytics.Ingest;
using Analytics.Ingest.Demo;

namespace Analytics.Dashboards.Host;

/// <summary>
/// <c>serve</c> on an empty data folder first generates the demo data set, so a newcomer sees a
/// populated dashboard. The folder is then marked as demo data, and only then do the demo users
/// (README) exist; real data folders never get them. They are written to data/users.json once, so
/// an admin's later changes to them survive restarts. <c>serve</c> ingests the generated files in
/// the background once it listens (the pages fill in as the batch lands, through the hub), so the
/// first page does not wait for the ingest; <see cref="PrepareAsync"/> does all of it before returning.
/// </summary>
public static class DemoBootstrap
{
    public const string MarkerFile = ".demo-data";

    /// <summary>Generates (when the folder is empty), ingests and gives the demo users, all before returning.</summary>
    public static async Task PrepareAsync(WebApplication app, WebHostOptions options, TextWriter log, CancellationToken cancellation)
    {
        if (Generate(app, options, log, cancellation) is { } summary) await IngestAsync(app, summary, log, cancellation);
        SeedUsers(app);
    }

    /// <summary>Writes the demo inbox into an empty data folder and marks it as demo data; null when the folder was not empty.</summary>
    public static DemoSummary? Generate(WebApplication app, WebHostOptions options, TextWriter log, CancellationToken cancellation)
    {
        var root = app.Services.GetRequiredService<DataPaths>().Root;
        if (!IsEmpty(root)) return null;
        log.WriteLine($"{root} is empty: generating the demo data set (scale {options.DemoScale}) …");
        Directory.CreateDirectory(root);
        var summary = DemoGenerator.Write(root, options.DemoScale, cancellationToken: cancellation);
        File.WriteAllText(Path.Combine(root, MarkerFile), $"generated {DateTime.UtcNow:O}, scale {options.DemoScale}\n");
        return summary;
    }

    /// <summary>One ingest pass over the generated inbox, and a line saying what it loaded.</summary>
    public static async Task IngestAsync(WebApplication app, DemoSummary summary, TextWriter log, CancellationToken cancellation)
    {
        var result = await app.Services.GetRequiredService<IngestRunner>().RunPassAsync(cancellation: cancellation);
        log.WriteLine($"demo data: {summary.Files.Count} files, {result.Files.Sum(f => f.RowsLoaded):N0} rows loaded, " +
                      $"{result.Files.Sum(f => f.RowsRejected):N0} rejected (deliberately bad rows)");
    }

    /// <summary>Once: later restarts find them in data/users.json, with whatever the admin changed since.</summary>
    public static void SeedUsers(WebApplication app)
    {
        var root = app.Services.GetRequiredService<DataPaths>().Root;
        if (File.Exists(Path.Combine(root, MarkerFile))) app.Services.GetRequiredService<UserStore>().SeedOnce(UserStore.DemoUsers());
    }

    private static bool IsEmpty(string root) =>
        !Directory.Exists(root) || !Directory.EnumerateFileSystemEntries(root).Any();
}
