using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// Every page at 1440×900 and 390×844 and each wall slide at 1920×1080, as the role that uses it: each
/// answers 200 and is no wider than its screen. The one shot list of the docs: with
/// ANALYTICS_SCREENSHOTS=dir the PNGs are written there (docs/screenshots), else to a temporary folder.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public class ScreenshotTests(DemoSite site, BrowserFixture chromium, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int MaxHeight = 1500;

    private sealed record Screen(string Name, int Width, int Height);

    private static readonly Screen Desktop = new("desktop", 1440, 900), Phone = new("phone", 390, 844), Wall = new("wall", 1920, 1080);

    [Fact]
    public async Task Every_page_fits_its_screen_on_desktop_phone_and_wall()
    {
        var folder = Environment.GetEnvironmentVariable("ANALYTICS_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir) : Path.Combine(Path.GetTempPath(), $"screenshots-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var project = site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A001")[0].ProjectId;
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
            ("wage-payment", "inspector", "/wage-payment?month=2026-09&as_of=2026-11-30"),
            ("wage-project", "officer1", "/wage-payment/projects/GC-001?month=2026-09&as_of=2026-11-30"),
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
        foreach (var (slide, n) in new[] { ("shortage", 1), ("trend", 2), ("regions", 3), ("arrears", 4) })
            shots.Add(($"wall-{slide}", "policy", $"/wall?seconds=3600&slide={n}", Wall, slide));

        var failures = new List<string>();
        foreach (var (file, user, url, screen, slide) in shots)
        {
            await using var context = await chromium.Browser.Chromium.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = site.Server.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = screen.Width, Height = screen.Height },
                DeviceScaleFactor = 1,
                Locale = "zh-CN",
            });
            var page = await context.NewPageAsync();
            if (user is not null) await SignInAsync(page, user);
            var response = await page.GotoAsync(url);
            if (user is not null) await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 60_000 });
            if (slide is not null)
                await page.WaitForSelectorAsync($".wall-slide.current[data-slide={slide}] {(slide is "indicators" or "arrears" ? ".card" : ".main-svg")}", new() { Timeout = 60_000 });
            var charts = slide is null ? await WaitForChartsAsync(page) : await page.Locator(".chart").CountAsync();
            if (file == "phone-menu") await page.ClickAsync(".topbar label.menu-button");
            await page.WaitForTimeoutAsync(500);   // plotly redraws at its box's final size
            await page.EvaluateAsync("() => document.fonts.ready");
            var path = Path.Combine(folder, file + ".png");
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
            if (status != 200 || width > screen.Width) failures.Add($"{file}: HTTP {status}, {width} px wide");
            output.WriteLine($"{file,-24} {url,-45} as {user ?? "(anonymous)",-8} {screen.Width}x{screen.Height} HTTP {status}, {charts} charts, " +
                $"page {width}x{height} px, {new FileInfo(path).Length / 1024.0:N0} KiB{(slide is null && height > MaxHeight ? $" (first {MaxHeight} px kept)" : "")}");
        }
        failures.ShouldBeEmpty();
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", user + "-demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login"));
    }

    private static async Task<int> WaitForChartsAsync(IPage page)
    {
        var charts = await page.QuerySelectorAllAsync(".chart");
        foreach (var chart in charts)
            await page.WaitForFunctionAsync("el => el.querySelector('.main-svg') !== null", chart, new() { Timeout = 30_000 });
        return charts.Count;
    }
}
