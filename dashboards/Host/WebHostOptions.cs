namespace Analytics.Dashboards.Host;

public sealed class WebHostOptions
{
    /// <summary>The <c>--data</c> value; null leaves the folder to <see cref="AnalyticsHost.DataDirectory"/>'s rule.</summary>
    public string? DataDirectory { get; init; }
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    /// <summary>Configuration given on the command line (<c>--Section:Key=value</c>).</summary>
    public string[] Args { get; init; } = [];
    /// <summary>Row-count multiplier of the demo data generated into an empty data folder.</summary>
    public double DemoScale { get; init; } = 1;
    /// <summary>Configuration that overrides appsettings (tests switch the scheduler off with Ingest:Enabled=false).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
