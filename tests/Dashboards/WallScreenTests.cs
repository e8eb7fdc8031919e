using Analytics.Dashboards.Data;
using Analytics.Warehouse.Marts.Indicators;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// The wall screen on a 1920×1080 display: each slide fills it with no scrollbar, chart text is at least
/// 28 px (read from plotly's SVG), each tile shows its change against last month with ▲/▼ coloured by
/// whether that change is good news, and the shortage top 10 is large text.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public class WallScreenTests(DemoSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    /// <summary>Good news when it rises (true), bad news (false): the test's own reading, not the app's map.</summary>
    private static readonly Dictionary<string, bool> RiseIsGood = new()
    {
        ["demand"] = true, ["ratio"] = true, ["new_employment"] = true,
        ["new_unemployed"] = false, ["registered_unemployed"] = false,
    };

    private async Task<IPage> ScreenAsync(string user, int width, int height)
    {
        var context = await chromium.Browser.Chromium.NewContextAsync(new()
        {
            BaseURL = site.Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", user + "-demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    private static Task<bool> Scrollbars(IPage page) => page.EvaluateAsync<bool>(
        "() => { const d = document.documentElement; return d.scrollWidth > d.clientWidth || d.scrollHeight > d.clientHeight" +
        " || document.body.scrollHeight > innerHeight || document.body.scrollWidth > innerWidth; }");

    [Fact]
    public async Task Every_slide_fills_the_screen_without_scrollbars_and_its_chart_text_is_at_least_28_px()
    {
        var page = await ScreenAsync("policy", 1920, 1080);
        await page.GotoAsync("/wall?seconds=3600");
        await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-slide=indicators] .card", new() { Timeout = 30_000 });
        (await Scrollbars(page)).ShouldBeFalse("the tiles slide scrolls");
        // Each slide opened by ?slide= and held there (?seconds=3600): a slow machine cannot see it turn away mid-measure.
        foreach (var (slide, index) in new[] { ("shortage", 1), ("trend", 2), ("regions", 3) })
        {
            await page.GotoAsync($"/wall?seconds=3600&slide={index}");
            await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 30_000 });
            await page.WaitForSelectorAsync($"[data-slide={slide}] .chart .main-svg", new() { Timeout = 30_000 });
            // plotly draws its text after the svg appears, and redraws at the slide's size: wait for the labels, then the redraw
            await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('[data-slide={slide}] .main-svg text')].filter(t => t.textContent.trim() !== '').length > 3",
                null, new() { Timeout = 30_000 });
            await page.WaitForTimeoutAsync(300);
            (await Scrollbars(page)).ShouldBeFalse($"the {slide} slide scrolls");
            // Every piece of text plotly drew: tick labels, axis and chart titles, legend entries.
            var sizes = await page.EvaluateAsync<double[]>(
                $"() => [...document.querySelectorAll('[data-slide={slide}] .main-svg text')].filter(t => t.textContent.trim() !== '')" +
                ".map(t => parseFloat(getComputedStyle(t).fontSize))");
            sizes.Length.ShouldBeGreaterThan(3, slide);
            sizes.Min().ShouldBeGreaterThanOrEqualTo(28, $"{slide}: {string.Join(",", sizes)}");
            var ticks = await page.EvaluateAsync<int>($"() => document.querySelectorAll('[data-slide={slide}] .main-svg .xtick text').length");
            ticks.ShouldBeGreaterThan(0, slide);
            if (slide != "shortage") continue;
            // The top 10 as text a room away can read: ten lines of at least 40 px, none cut below the screen.
            var lines = await page.EvaluateAsync<double[][]>(
                "() => [...document.querySelectorAll('.wall-top10 li')].map(li => [parseFloat(getComputedStyle(li).fontSize), li.getBoundingClientRect().bottom])");
            lines.Length.ShouldBe(10);
            lines.ShouldAllBe(l => l[0] >= 40 && l[1] <= 1080);
        }
        // The arrears slide: four counts and sums, each figure whole on one line inside its tile (not cut at its edge).
        await page.GotoAsync("/wall?seconds=3600&slide=4");
        await page.WaitForSelectorAsync("main[data-interactive=true] [data-slide=arrears] .card .value", new() { Timeout = 30_000 });
        (await Scrollbars(page)).ShouldBeFalse("the arrears slide scrolls");
        var figures = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('[data-slide=arrears] .card .value')].map(v => [v.scrollWidth, v.clientWidth, v.getBoundingClientRect().height, parseFloat(getComputedStyle(v).fontSize)])");
        figures.Length.ShouldBe(4);
        figures.ShouldAllBe(f => f[0] <= f[1] && f[2] < f[3] * 1.5);
        (await page.Locator("[data-slide=arrears] .card .label").AllInnerTextsAsync())
            .ShouldAllBe(label => label.Length > 0);
    }

    [Fact]
    public async Task Each_tile_shows_its_change_against_last_month_coloured_by_whether_it_is_good_news()
    {
        var month = site.Server.Get<DataCalendar>().LatestMonth();
        var indicators = site.Server.Get<IndicatorService>();
        var now = indicators.GetMonthly(month).First(r => !r.IsChild);
        var before = indicators.GetMonthly(month.AddMonths(-1)).First(r => !r.IsChild);
        var change = new Dictionary<string, decimal?>
        {
            ["demand"] = now.Demand - before.Demand, ["ratio"] = now.Ratio - before.Ratio, ["new_employment"] = now.NewEmployment - before.NewEmployment,
            ["new_unemployed"] = now.NewUnemployed - before.NewUnemployed, ["registered_unemployed"] = now.RegisteredUnemployed - before.RegisteredUnemployed,
        };

        var page = await ScreenAsync("stat", 1920, 1080);
        await page.GotoAsync("/wall?seconds=3600");
        await page.WaitForSelectorAsync("main[data-interactive=true] [data-slide=indicators] .card", new() { Timeout = 30_000 });
        var tiles = await page.QuerySelectorAllAsync(".wall-tiles .card");
        tiles.Count.ShouldBe(6);
        var checkedSense = 0;
        foreach (var tile in tiles)
        {
            var field = (await tile.GetAttributeAsync("data-indicator"))!;
            var delta = (await tile.QuerySelectorAsync(".delta"))!;
            var text = await delta.InnerTextAsync();
            var classes = (await delta.GetAttributeAsync("class"))!.Split(' ');
            // A number is one line: its box is no taller than one and a half of its font size.
            var box = await (await tile.QuerySelectorAsync(".value"))!.EvaluateAsync<double[]>(
                "v => [v.getBoundingClientRect().height, parseFloat(getComputedStyle(v).fontSize)]");
            box[0].ShouldBeLessThan(box[1] * 1.5, $"{field}: the figure wraps");
            text.ShouldMatch("较上月|与上月持平", field);
            if (!change.TryGetValue(field, out var d) || d is null or 0) continue;
            text[0].ShouldBe(d > 0 ? '▲' : '▼', field);
            var good = RiseIsGood[field] == d > 0;
            classes.ShouldContain(good ? "good" : "bad", $"{field} {text}");
            classes.ShouldNotContain(good ? "bad" : "good", field);
            checkedSense++;
        }
        checkedSense.ShouldBeGreaterThan(2, "the demo data moves most indicators between months");
    }

    [Fact]
    public async Task An_overview_card_that_rises_is_green_only_when_the_rise_is_good_news()
    {
        var page = await ScreenAsync("stat", 1440, 900);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("main[data-interactive=true] #indicator-cards .card", new() { Timeout = 30_000 });
        var seen = 0;
        foreach (var (field, good) in RiseIsGood)
        {
            var delta = (await page.QuerySelectorAsync($"#indicator-cards .card[data-indicator={field}] .delta"))!;
            var text = await delta.InnerTextAsync();
            if (!text.StartsWith('▲') && !text.StartsWith('▼')) continue;
            var expected = (text[0] == '▲') == good ? "good" : "bad";
            (await delta.GetAttributeAsync("class"))!.Split(' ').ShouldContain(expected, $"{field} {text}");
            seen++;
        }
        seen.ShouldBeGreaterThan(2);
    }
}
