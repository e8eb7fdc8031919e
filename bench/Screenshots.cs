using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Microsoft.Playwright;

namespace Analytics.Bench;

/// <summary>
/// <c>screenshots [--out docs/screenshots] [--scale 1]</c>: a full-page PNG of every page, signed in
/// as the role that uses it, from Debian's headless Chromium (never a downloaded browser) against the
/// real host over the demo data.
/// </summary>
public static class Screenshots
{
    private const int MaxHeight = 1600;

    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--out");
        var output = Path.GetFullPath(at >= 0 && at + 1 < args.Length ? args[at + 1] : Path.Combine("docs", "screenshots"));
        var scaleAt = Array.IndexOf(args, "--scale");
        var scale = scaleAt >= 0 ? double.Parse(args[scaleAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 1;
        return RunAsync(output, scale).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string output, double scale)
    {
        Directory.CreateDirectory(output);
        await using var site = await BenchSite.StartAsync(scale);
        var project = site.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A001")[0].ProjectId;
        (string File, string? User, string Url)[] shots =
        [
            ("login", null, "/login"),
            ("overview", "policy", "/"),
            ("rankings", "stat", "/rankings?period=2026Q3"),
            ("wages", "stat", "/wages?year=2026&region=440000"),
            ("projects", "agency1", "/projects"),
            ("project-detail", "agency1", $"/projects/{project}?from=2026-01&to=2026-06"),
            ("data", "stat", "/data"),
            ("wall", "policy", "/wall"),
            // The wall screen shows one slide at a time; a short cycle brings each chart slide up in turn.
            ("wall-shortage", "policy", "/wall?seconds=2#shortage"),
            ("wall-trend", "policy", "/wall?seconds=2#trend"),
            ("wall-regions", "policy", "/wall?seconds=2#regions"),
            ("admin-users", "admin", "/admin/users"),
        ];

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var failures = 0;
        foreach (var (file, user, url) in shots)
        {
            await using var context = await chromium.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = site.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
                DeviceScaleFactor = 1,
                Locale = "zh-CN",
            });
            var page = await context.NewPageAsync();
            if (user is not null) await SignInAsync(page, user);
            var response = await page.GotoAsync(url);
            var charts = await WaitForChartsAsync(page);
            if (url.Contains('#'))
            {
                await page.WaitForSelectorAsync($".wall-slide.current[data-slide={url.Split('#')[1]}] .main-svg", new() { Timeout = 30000 });
                await page.WaitForTimeoutAsync(500);   // plotly redraws at the new size on the resize event
            }
            await page.EvaluateAsync("() => document.fonts.ready");
            var path = Path.Combine(output, file + ".png");
            // Long tables are cut after MaxHeight pixels so that each PNG stays small enough for the docs.
            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = path,
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
                Clip = height > MaxHeight ? new Clip { X = 0, Y = 0, Width = 1440, Height = MaxHeight } : null,
            });
            var status = response?.Status ?? 0;
            if (status != 200) failures++;
            Console.WriteLine($"{file,-15} {url,-45} as {user ?? "(anonymous)",-8} HTTP {status}, {charts} charts drawn, {new FileInfo(path).Length / 1024.0:N0} KiB{(height > MaxHeight ? $" (page {height} px high, first {MaxHeight} px kept)" : "")}");
        }
        return failures == 0 ? 0 : 1;
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", user + "-demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login"));
    }

    /// <summary>Waits until plotly has drawn every chart on the page; returns how many there are.</summary>
    private static async Task<int> WaitForChartsAsync(IPage page)
    {
        var charts = await page.QuerySelectorAllAsync(".chart");
        foreach (var chart in charts)
            await page.WaitForFunctionAsync("el => el.hasAttribute('data-drawn') && el.querySelector('.main-svg') !== null", chart,
                new PageWaitForFunctionOptions { Timeout = 15000 });
        return charts.Count;
    }
}
