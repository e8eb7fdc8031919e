using Analytics.Ingest;
using Analytics.Ingest.Demo;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// One data folder with a small demo data set ingested, served by the real host, shared by the
/// dashboard tests (building it takes seconds, so it is built once).
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    private readonly Warehouse.DuckDb.TestDirectory _dir = new();
    public AppServer Server { get; private set; } = default!;
    public string DataDirectory => _dir.Path;

    public async Task InitializeAsync()
    {
        DemoGenerator.Write(_dir.Path, 0.2);
        Server = await AppServer.StartAsync(_dir.Path);
        await Server.Get<IngestRunner>().RunPassAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _dir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "demo site";
}
