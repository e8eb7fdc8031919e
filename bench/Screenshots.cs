using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Microsoft.Playwright;

namespace Analytics.Bench;

/// <summary>
/// <c>screenshots [--out docs/screenshots] [--scale 1]</c>: a PNG of every page on a desktop (1440×900) and on a
/// phone (390×844), and of each wall-screen slide at 1920×1080, signed in as the role that uses it, from
/// Debian's headless Chromium (never a downloaded browser) against the real host over the demo data.
/// Files: <c>{page}-desktop.png</c>, <c>{page}-phone.png</c>, <c>phone-menu.png</c> (the folded navigation
/// opened), <c>wall-{slide}.png</c>.
/// </summary>
public static class Screenshots
{
    /// <summary>Long pages are cut after this many CSS pixels so that each PNG stays small enough for the docs.</summary>
    private const int MaxHeight = 1500;

    private sealed record Screen(string Name, int Width, int Height);

    private static readonly Screen Desktop = new("desktop", 1440, 900), Phone = new("phone", 390, 844), Wall = new("wall", 1920, 1080);

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
        (string File, string? User, string Url)[] pages =
        [
            ("login", null, "/login"),
            ("overview", "policy", "/"),
            ("rankings", "stat", "/rankings?period=2026Q3"),
            ("groups", "stat", "/groups?period=2026Q3"),
            ("wages", "stat", "/wages?year=2026&region=440000"),
            ("projects", "agency1", "/projects?from=2026-01&to=2026-06"),
            ("project-detail", "agency1", $"/projects/{project}?from=2026-01&to=2026-06"),
            ("data", "stat", "/data"),
            ("admin-users", "admin", "/admin/users"),
        ];
        var shots = new List<(string File, string? User, string Url, Screen Screen, string? Slide)>();
        foreach (var (file, user, url) in pages)
        {
            shots.Add(($"{file}-desktop", user, url, Desktop, null));
            shots.Add(($"{file}-phone", user, url, Phone, null));
        }
        shots.Add(("phone-menu", "admin", "/rankings?period=2026Q3", Phone, null));
        // The wall screen shows one slide at a time: ?slide= starts at each one, ?seconds=3600 keeps it up for the shot.
        shots.Add(("wall-indicators", "policy", "/wall?seconds=3600", Wall, "indicators"));
        foreach (var (slide, n) in new[] { ("shortage", 1), ("trend", 2), ("regions", 3) })
            shots.Add(($"wall-{slide}", "policy", $"/wall?seconds=3600&slide={n}", Wall, slide));

        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var failures = 0;
        foreach (var (file, user, url, screen, slide) in shots)
        {
            await using var context = await chromium.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = site.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
                DeviceScaleFactor = 1,
                Locale = "zh-CN",
            });
            var page = await context.NewPageAsync();
            if (user is not null) await SignInAsync(page, user);
            var response = await page.GotoAsync(url);
            if (user is not null) await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 60_000 });
            if (slide is not null)
                await page.WaitForSelectorAsync($".wall-slide.current[data-slide={slide}] {(slide == "indicators" ? ".card" : ".main-svg")}", new() { Timeout = 60_000 });
            var charts = slide is null ? await WaitForChartsAsync(page) : await page.Locator(".chart").CountAsync();
            if (file == "phone-menu") await page.ClickAsync(".topbar label.menu-button");
            await page.WaitForTimeoutAsync(500);   // plotly redraws at its box's final size
            await page.EvaluateAsync("() => document.fonts.ready");
            var path = Path.Combine(output, file + ".png");
            var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = path,
                FullPage = slide is null,
                Animations = ScreenshotAnimations.Disabled,
                Clip = slide is null && height > MaxHeight ? new Clip { X = 0, Y = 0, Width = screen.Width, Height = MaxHeight } : null,
            });
            var status = response?.Status ?? 0;
            if (status != 200 || width > screen.Width) failures++;
            Console.WriteLine($"{file,-24} {url,-45} as {user ?? "(anonymous)",-8} {screen.Width}x{screen.Height} HTTP {status}, {charts} charts, " +
                $"page {width}x{height} px, {new FileInfo(path).Length / 1024.0:N0} KiB{(slide is null && height > MaxHeight ? $" (first {MaxHeight} px kept)" : "")}");
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

    /// <summary>Waits until plotly has drawn every shown chart on the page; returns how many there are.</summary>
    private static async Task<int> WaitForChartsAsync(IPage page)
    {
        var charts = await page.QuerySelectorAllAsync(".chart");
        foreach (var chart in charts)
            await page.WaitForFunctionAsync("el => el.querySelector('.main-svg') !== null", chart,
                new PageWaitForFunctionOptions { Timeout = 30_000 });
        return charts.Count;
    }
}
