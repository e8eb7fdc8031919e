using Analytics.Warehouse.DuckDb;

namespace Analytics.Dashboards.Host;

/// <summary>Builds the ASP.NET Core host; tests build the same host on a random loopback port.</summary>
public static class WebHost
{
    public static WebApplication Build(WebHostOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = options.Args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Services.AddSingleton(options);
        Analytics.Ingest.Scheduling.IngestScheduling.AddIngestScheduling(builder.Services, builder.Configuration, options.DataDirectory);

        var app = builder.Build();
        app.MapGet("/health", () =>
        {
            using var connection = new DuckDbConnection("Data Source=:memory:");
            connection.Open();
            return Results.Ok(new { status = "ok", duckdb = connection.ServerVersion });
        });
        return app;
    }
}
