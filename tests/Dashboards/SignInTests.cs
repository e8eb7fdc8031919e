using System.Net;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

public class SignInTests
{
    [Fact]
    public async Task Pages_redirect_anonymous_users_to_sign_in_and_apis_answer_401()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var anonymous = server.AnonymousClient();
        var page = await anonymous.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/login");
        (await anonymous.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_failures_lock_the_name()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var client = server.AnonymousClient();
        async Task<string> Attempt(string password) =>
            (await AppServer.PostSignInAsync(client, "stat", password)).Headers.Location!.ToString();
        for (var i = 0; i < 5; i++) (await Attempt("wrong")).ShouldContain("error=invalid");
        (await Attempt("stat-demo")).ShouldContain("error=locked");
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_rejected()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "stat", ["password"] = "stat-demo",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_signed_in_user_sees_the_overview_in_a_real_browser_with_security_headers()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.SignedInPageAsync(server.BaseAddress, "policy");
        var response = await page.GotoAsync("/");
        response!.Headers["x-frame-options"].ShouldBe("DENY");
        response.Headers["content-security-policy"].ShouldContain("script-src 'self'");
        (await page.TextContentAsync("h1"))!.ShouldContain("劳动力市场");
        await page.GotoAsync("/?lang=en");
        (await page.TextContentAsync("h1"))!.ShouldContain("Labour-market");
        await page.ClickAsync("form[action='/account/logout'] button");
        await page.WaitForURLAsync(url => url.Contains("/login"));
        (await page.GotoAsync("/"))!.Url.ShouldContain("/login");
    }
}
