using Analytics.Dashboards.Auth;
using Analytics.Ingest;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Analytics.Dashboards.Host;

/// <summary>
/// What <c>serve</c> tells a newcomer once it listens (on stdout, after the framework's own start-up,
/// which logs only warnings unless asked): where to go, which data folder it serves, and, for the
/// demo data, whom to sign in as, listing only demo users whose demo password still works.
/// </summary>
public static class StartupBanner
{
    /// <param name="demoLoading">the demo data was just generated and is being ingested in the background</param>
    public static void Write(WebApplication app, TextWriter output, bool demoLoading = false)
    {
        var paths = app.Services.GetRequiredService<DataPaths>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(no address)";
        output.WriteLine();
        output.WriteLine($"  Analytics is running: open {url} in a browser");
        output.WriteLine($"  data folder   {paths.Root}");
        output.WriteLine($"  inbox         drop files into {Path.Combine(paths.Inbox, "<dataset>")}/ (files no pass takes are logged below and listed at /data/inbox)");
        if (File.Exists(Path.Combine(paths.Root, DemoBootstrap.MarkerFile)))
        {
            var store = app.Services.GetRequiredService<UserStore>();
            var demo = UserStore.DemoUsers()
                .Where(u => store.Verify(u.UserName, UserStore.DemoPassword(u.UserName)) is not null)
                .Select(u => $"{u.UserName} / {UserStore.DemoPassword(u.UserName)} ({u.DisplayName})")
                .ToList();
            if (demo.Count > 0)
            {
                output.WriteLine($"  demo data     sign in as {demo[0]}");
                foreach (var user in demo.Skip(1)) output.WriteLine($"                or {user}");
            }
            if (demoLoading) output.WriteLine("                (the demo data is being loaded: the pages fill in within a few seconds)");
        }
        output.WriteLine("  logs          warnings and the inbox's changes only; --verbose (or --Logging:LogLevel:Default=Debug) for more");
        output.WriteLine("  Press Ctrl+C to stop.");
        output.WriteLine();
        output.Flush();
    }
}
