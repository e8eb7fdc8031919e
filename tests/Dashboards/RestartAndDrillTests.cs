using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Analytics.Ingest;
using Analytics.Ingest.Demo;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>An open page across a host restart (the wall screen nobody touches), and the group drill-down by chart clicks.</summary>
[Collection(DemoSiteCollection.Name)]
public class RestartAndDrillTests(DemoSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private readonly Browser _browser = chromium.Browser;

    [Fact]
    public async Task Clicking_bars_drills_from_major_to_medium_to_minor_group_to_occupations()
    {
        var page = await _browser.SignedInPageAsync(site.Server.BaseAddress, "policy");
        await page.GotoAsync("/groups?period=2026Q3");
        await page.WaitForSelectorAsync("main[data-interactive=true]");
        foreach (var (level, codeLength) in new[] { ("major", 1), ("medium", 4), ("minor", 7), ("occupation", 10) })
        {
            await page.WaitForSelectorAsync($"#groups[data-level={level}] #group-table", new() { Timeout = 15_000 });
            var codes = await page.EvalOnSelectorAllAsync<string[]>("#group-table tbody tr", "rows => rows.map(r => r.getAttribute('data-key'))");
            codes.ShouldNotBeEmpty();
            codes.ShouldAllBe(c => c.Length == codeLength);
            if (level == "occupation") break;
            // Plotly has drawn this level (react replaces the previous level's bars in place); bars are labelled by name, as in the exports.
            var name = (await page.TextContentAsync("#group-table tbody tr:first-child td[data-field=name]"))!.Trim();
            await page.WaitForFunctionAsync("name => document.getElementById('group-table-chart-plot')?.data?.[0]?.x?.[0] === name", name, new() { Timeout = 15_000 });
            // The click handler is attached once plotly is ready; a click before that is lost, so click until the page moves.
            var target = "group=" + codes[0];
            var moved = false;
            for (var attempt = 0; attempt < 20 && !moved; attempt++)
            {
                await page.Locator("#group-table-chart .bars .point path").First.ClickAsync(new() { Force = true });
                try
                {
                    await page.WaitForLocationAsync(url => Uri.UnescapeDataString(url).Contains(target), timeoutMs: 1_000);
                    moved = true;
                }
                catch (TimeoutException) { }
            }
            moved.ShouldBeTrue($"a click on the bar of {codes[0]} opens its group");
        }
        // Back goes up one level.
        await page.GoBackAsync();
        await page.WaitForSelectorAsync("#groups[data-level=minor] #group-table", new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task After_the_host_stops_and_starts_again_an_open_page_shows_current_data_by_itself()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        DemoGenerator.Write(dir.Path, 0.05);
        // A demo folder, as serve makes it: its users are kept in users.json, so the restart knows the same users.
        await File.WriteAllTextAsync(Path.Combine(dir.Path, Analytics.Dashboards.Host.DemoBootstrap.MarkerFile), "test\n");
        var urls = $"http://127.0.0.1:{FreePort()}";
        var server = await AppServer.StartAsync(dir.Path, asServe: true, urls: urls);
        await server.Get<IngestRunner>().RunPassAsync();
        var page = await _browser.SignedInPageAsync(server.BaseAddress, "stat");
        await page.GotoAsync("/rankings?period=2026Q3");
        await page.WaitForSelectorAsync("main[data-interactive=true]");
        var code = await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(2)");
        var before = long.Parse((await page.TextContentAsync("#ranking-table tbody tr:first-child td:nth-child(4)"))!.Replace(",", ""));

        await server.DisposeAsync();
        var stopped = Stopwatch.StartNew();
        await page.WaitForSelectorAsync("#components-reconnect-modal.components-reconnect-show, #components-reconnect-modal.components-reconnect-retrying, #components-reconnect-modal.components-reconnect-failed",
            new() { State = WaitForSelectorState.Visible, Timeout = 5_000 });
        stopped.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        var inbox = Directory.CreateDirectory(Path.Combine(dir.Path, "inbox", "vacancies")).FullName;
        await File.WriteAllTextAsync(Path.Combine(inbox, "zz-restart.csv"),
            $"posting_id,registered_on,region_code,employer_id,occupation_code,positions\nRESTART-{Guid.NewGuid():N},2026-08-15,440106,E-R,{code},900\n");
        server = await AppServer.StartAsync(dir.Path, asServe: true, urls: urls);
        await using var _ = server;
        var started = Stopwatch.StartNew();
        await server.Get<IngestRunner>().RunPassAsync();

        // No mouse: the page reconnects (or reloads itself) and shows the figure of the new batch.
        var row = page.Locator("#ranking-table tbody tr", new() { HasText = code! });
        await page.WaitForFunctionAsync(
            "([code, want]) => [...document.querySelectorAll('#ranking-table tbody tr')].some(r => r.children[1]?.textContent === code && r.children[3]?.textContent.replaceAll(',', '') === want)",
            new object[] { code!, (before + 900).ToString() }, new() { Timeout = 10_000, PollingInterval = 100 });
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        long.Parse((await row.Locator("td:nth-child(4)").TextContentAsync())!.Replace(",", "")).ShouldBe(before + 900);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
