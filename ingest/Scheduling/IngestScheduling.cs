using Analytics.Ingest.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Analytics.Ingest.Scheduling;

/// <summary>
/// Adds the scheduled ingest to a host: one Quartz job per dataset, its cron from
/// <c>Ingest:Schedules:&lt;dataset&gt;</c> (else <c>Ingest:Schedules:default</c>, else every minute).
/// A missed fire (host asleep, previous run long) runs once as soon as possible, then the schedule resumes.
/// Registers what <see cref="IngestServices.AddIngest"/> does and <see cref="IngestStatusBoard"/>, as singletons.
/// </summary>
public static class IngestScheduling
{
    public const string EveryMinute = "0 * * * * ?";

    public static IServiceCollection AddIngestScheduling(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection(IngestOptions.SectionName);
        services.AddIngest(configuration, dataDirectory);
        services.AddSingleton<IngestStatusBoard>();
        services.AddSingleton<InboxJournal>();
        // Another process's commits reach the pages within seconds, whether or not this host schedules passes.
        services.AddHostedService<ManifestWatcher>();
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
}
