using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Analytics.Ingest;

/// <summary>
/// An ingest pass's services, for every host that runs passes (the web host's scheduler and the
/// <c>ingest</c> verb alike): <see cref="IngestOptions"/> bound once from the "Ingest" section (every
/// property, so a new option needs no registration of its own), <see cref="LakeEvents"/> and the
/// <see cref="IngestRunner"/>.
/// </summary>
public static class IngestServices
{
    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.SectionName))
            // The data folder has one rule of its own (the composition root's), not a key of this section.
            .Configure(options => options.DataDirectory = dataDirectory);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IngestOptions>>().Value);
        services.AddSingleton<LakeEvents>();
        // The host's catalog data source when it has one (the web host), so its passes share the open database.
        services.AddSingleton(sp => new IngestRunner(sp.GetRequiredService<IngestOptions>(), sp.GetRequiredService<LakeEvents>(),
            sp.GetService<Analytics.Warehouse.DuckDb.DuckDbDataSource>()));
        return services;
    }
}
