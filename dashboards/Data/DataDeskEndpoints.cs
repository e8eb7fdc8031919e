using Analytics.Dashboards.Auth;
using Analytics.Ingest;
using Analytics.Ingest.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboards.Data;

/// <summary>The data page's actions: run an ingest pass now, list the inbox files no pass takes, and download a rejects file.</summary>
public static class DataDeskEndpoints
{
    public static void MapDataDeskEndpoints(this IEndpointRouteBuilder app)
    {
        var desk = app.MapGroup("/data").RequireAuthorization(Policies.DataDesk);

        // A form post (antiforgery-checked), so a link on another site cannot start an ingest.
        desk.MapPost("/ingest-now", async ([FromForm] string? confirm, IngestRunner runner, CancellationToken cancellation) =>
        {
            // Someone asked: files that failed before are read again too (the scheduled passes leave unchanged ones alone).
            var result = await runner.RunPassAsync(cancellation: cancellation, retryFailed: true);
            var loaded = result.Files.Count(f => f.Status == FileStatus.Loaded);
            var failed = result.Files.Count(f => f.Status == FileStatus.Failed);
            return Results.Redirect($"/data?ran={result.Files.Count}&loaded={loaded}&failed={failed}");
        });

        // The inbox files no pass takes and why, as JSON: [{file, kind, reason}] (kind: unknown-folder, no-folder, link,
        // ignored-name, failed-unchanged, not-settled).
        desk.MapGet("/inbox", (DataDesk data) => Results.Ok(data.UntakenFiles()));

        // Served through the rejects writer's masking and formula neutralising, so a file written before either existed is safe too.
        desk.MapGet("/rejects", (string path, DataDesk data) =>
        {
            var file = data.RejectsFile(path);
            return file is null
                ? Results.NotFound()
                : Results.Stream(async stream =>
                {
                    await using var text = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    await RejectsWriter.CopySafelyAsync(file, text, CancellationToken.None);
                }, "text/csv; charset=utf-8", ResidentIdText.Mask(Path.GetFileName(file)));
        });
    }
}
