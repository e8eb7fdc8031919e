using Analytics.Ingest.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Analytics.Ingest.Scheduling;

/// <summary>
/// Adds the scheduled ingest to a host: one Quartz job per dataset, its cron from
/// <c>Ingest:Schedules:&lt;dataset&gt;</c> (else <c>Ingest:Schedules:default</c>, else every minute).
/// A missed fire (host asleep, previous run long) runs once as soon as possible, then the schedule resumes.
/// Registers <see cref="IngestRunner"/>, <see cref="LakeEvents"/> and <see cref="IngestStatusBoard"/> as singletons.
/// </summary>
public static class IngestScheduling
{
    public const string EveryMinute = "0 * * * * ?";

    public static IServiceCollection AddIngestScheduling(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection("Ingest");
        services.AddSingleton(Options(section, dataDirectory));
        services.AddSingleton<LakeEvents>();
        services.AddSingleton<IngestStatusBoard>();
        services.AddSingleton(sp => new IngestRunner(sp.GetRequiredService<IngestOptions>(), sp.GetRequiredService<LakeEvents>()));
        if (!section.GetValue("Enabled", true)) return services;

        services.AddQuartz(quartz =>
        {
            foreach (var dataset in Datasets.All)
            {
                var cron = section[$"Schedules:{dataset.Name}"] ?? section["Schedules:default"] ?? EveryMinute;
                var job = new JobKey($"ingest-{dataset.Name}", "ingest");
                quartz.AddJob<IngestJob>(j => j.WithIdentity(job).UsingJobData(IngestJob.DatasetKey, dataset.Name));
                quartz.AddTrigger(t => t.ForJob(job).WithIdentity($"ingest-{dataset.Name}-cron", "ingest")
                    .WithCronSchedule(cron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>The pass's options from the "Ingest" section (the host's appsettings and environment, or the CLI's).</summary>
    public static IngestOptions Options(IConfiguration section, string dataDirectory)
    {
        var defaults = new IngestOptions { DataDirectory = dataDirectory };
        return new IngestOptions
        {
            DataDirectory = dataDirectory,
            IdHashKey = section["IdHashKey"],
            BufferedRows = section.GetValue("BufferedRows", defaults.BufferedRows),
            RowsPerFile = section.GetValue("RowsPerFile", defaults.RowsPerFile),
            MaxColumns = section.GetValue("MaxColumns", defaults.MaxColumns),
            MaxFieldChars = section.GetValue("MaxFieldChars", defaults.MaxFieldChars),
            MaxRowBytes = section.GetValue("MaxRowBytes", defaults.MaxRowBytes),
            MaxSharedStringChars = section.GetValue("MaxSharedStringChars", defaults.MaxSharedStringChars),
            MaxCellsPerSheet = section.GetValue("MaxCellsPerSheet", defaults.MaxCellsPerSheet),
            MaxRejectsPerFile = section.GetValue("MaxRejectsPerFile", defaults.MaxRejectsPerFile),
        };
    }
}
