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

public static class PageNavigation
{
    /// <summary>
    /// Waits until the page's own location satisfies <paramref name="arrived"/>. It asks the page: a filter or a link
    /// in a circuit navigates by history.pushState, and Playwright's WaitForURL was seen to time out with the page
    /// already at the new address.
    /// </summary>
    public static async Task WaitForLocationAsync(this IPage page, Func<string, bool> arrived, int timeoutMs = 30_000)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var href = "";
        while (clock.ElapsedMilliseconds < timeoutMs)
        {
            try { href = await page.EvaluateAsync<string>("() => location.href"); }
            catch (PlaywrightException) { }   // a full page load replaced the document meanwhile: ask again
            if (arrived(href)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"The page did not arrive within {timeoutMs} ms; it is at {href}.");
    }

    /// <summary>
    /// Clicks the filter form's button until the page's address says the filters applied. A click while the circuit is
    /// briefly cut (a test host starved of CPU by the tests beside it misses the 4 s client timeout) is lost with the
    /// connection, as a reader's would be; the reader clicks again once the reconnect notice is gone, and so does this.
    /// </summary>
    public static async Task ApplyFiltersAsync(this IPage page, Func<string, bool> applied)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync("form.filters button[type=submit]");
            try
            {
                await page.WaitForLocationAsync(applied, timeoutMs: 10_000);
                return;
            }
            catch (TimeoutException) when (attempt < 3) { }
            await page.WaitForSelectorAsync("#components-reconnect-modal.components-reconnect-show, #components-reconnect-modal.components-reconnect-retrying",
                new() { State = WaitForSelectorState.Hidden, Timeout = 30_000 });
        }
    }
}

/// <summary>One Chromium for all the tests of a class (it takes seconds to start).</summary>
public sealed class BrowserFixture : Xunit.IAsyncLifetime
{
    public Browser Browser { get; private set; } = default!;
    public async Task InitializeAsync() => Browser = await Browser.LaunchAsync();
    public async Task DisposeAsync() => await Browser.DisposeAsync();
}
