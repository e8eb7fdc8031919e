using Xunit;
using Microsoft.Playwright;

namespace Analytics.Tests.Reports;

/// <summary>
/// Debian's chromium driven by Playwright; Playwright never downloads a browser here. One browser
/// per test class, a fresh page per test.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>Opens a report file and waits for plotly's drawing; <paramref name="requests"/> collects every URL the page asked for.</summary>
    public async Task<IPage> OpenAsync(string path, List<string> requests)
    {
        var page = await Browser.NewPageAsync();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("#chart .main-svg");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
    }
}
