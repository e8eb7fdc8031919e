using Analytics.Warehouse.Marts;
using Analytics.Warehouse.Marts.Margins;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// Every page on a 390×844 phone, per role: the body is never wider than the screen (tables scroll in
/// their own box, filters wrap), and the navigation is folded behind one button.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public class PhoneLayoutTests(DemoSite site, BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    private const int Phone = 390;

    private async Task<IPage> PhoneAsync(string? user)
    {
        var context = await chromium.Browser.Chromium.NewContextAsync(new()
        {
            BaseURL = site.Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Phone, Height = 844 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        if (user is null) return page;
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", user + "-demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    private string Project() =>
        site.Server.Get<ProjectMarginService>().GetMonthly(MonthRange.Parse("2026-01", "2026-06"), "A001")[0].ProjectId;

    [Theory]
    [InlineData(null, "/login")]
    [InlineData("policy", "/")]
    [InlineData("policy", "/rankings?period=2026Q3")]
    [InlineData("policy", "/wall")]
    [InlineData("stat", "/")]
    [InlineData("stat", "/rankings?period=2026Q3")]
    [InlineData("stat", "/groups?period=2026Q3")]
    [InlineData("stat", "/wages?year=2026&region=440000")]
    [InlineData("stat", "/data")]
    [InlineData("agency1", "/projects?from=2026-01&to=2026-06")]
    [InlineData("agency1", "/projects/{project}?from=2026-01&to=2026-06")]
    [InlineData("admin", "/admin/users")]
    [InlineData("admin", "/groups?period=2026Q3")]
    public async Task No_page_is_wider_than_a_phone(string? user, string url)
    {
        var page = await PhoneAsync(user);
        var response = await page.GotoAsync(url.Replace("{project}", Project()));
        response!.Status.ShouldBe(200);
        if (user is not null) await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 30_000 });
        // Charts are sized by plotly after they are drawn; wait for them so the width is the final one.
        foreach (var chart in await page.QuerySelectorAllAsync(".chart"))
            await page.WaitForFunctionAsync("el => el.querySelector('.main-svg') !== null", chart, new() { Timeout = 30_000 });
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var widest = await page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)" +
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')");
        width.ShouldBeLessThanOrEqualTo(Phone, $"{url} as {user}: {widest}");
        // No column squeezed to a character or two: a number or a code in a table stays on one line.
        var broken = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('main td, main th')].filter(c => /^[-+¥%万.,:0-9 ▲▼—]{2,}$/.test(c.innerText.trim()))" +
            ".filter(c => { const r = document.createRange(); r.selectNodeContents(c); return r.getBoundingClientRect().height > 1.8 * parseFloat(getComputedStyle(c).fontSize); }).slice(0, 5).map(c => c.innerText)");
        broken.ShouldBeEmpty($"{url} as {user}: figures broken over lines");
    }

    [Theory]
    [InlineData("stat")]
    [InlineData("admin")]
    public async Task The_navigation_folds_behind_one_button_and_opens_on_a_tap(string user)
    {
        var page = await PhoneAsync(user);
        await page.GotoAsync("/rankings?period=2026Q3");
        await page.WaitForSelectorAsync("main[data-interactive=true]", new() { Timeout = 30_000 });
        (await page.IsVisibleAsync(".topbar nav a[href='/wages']")).ShouldBeFalse("the links are folded on a phone");
        await page.ClickAsync(".topbar label.menu-button");
        (await page.IsVisibleAsync(".topbar nav a[href='/wages']")).ShouldBeTrue("a tap on the menu shows the links");
        // Each link is a readable word, not a column of single characters.
        var heights = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.topbar nav a')].map(a => a.getBoundingClientRect().height)");
        heights.ShouldAllBe(h => h < 40);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(Phone);
    }
}
