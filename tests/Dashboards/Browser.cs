using Microsoft.Playwright;

namespace Analytics.Tests.Dashboards;

/// <summary>Debian's headless Chromium driven by Playwright (its bundled driver; no browser download).</summary>
public sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    public IBrowser Chromium { get; }

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh browser context signed in through the real sign-in form.</summary>
    public async Task<IPage> SignedInPageAsync(Uri baseAddress, string userName)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", userName + "-demo");
        await page.ClickAsync("button[type=submit]");
        // Signed in once the redirect leaves /login; the page behind it may still be loading its charts
        // (a slow machine), which the callers wait for themselves.
        await page.WaitForURLAsync(url => !url.Contains("/login"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>One Chromium for all the tests of a class (it takes seconds to start).</summary>
public sealed class BrowserFixture : Xunit.IAsyncLifetime
{
    public Browser Browser { get; private set; } = default!;
    public async Task InitializeAsync() => Browser = await Browser.LaunchAsync();
    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
