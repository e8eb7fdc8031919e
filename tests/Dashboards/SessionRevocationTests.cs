using System.Net;
using Analytics.Dashboards.Host;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// A session ends when the user signs out or the admin changes what it grants (role, agency,
/// password): the cookie is refused on the very next request, not when it expires hours later.
/// </summary>
public class SessionRevocationTests
{
    private const string AuthCookie = "analytics.auth";

    private static async Task<HttpResponseMessage> GetWithCookie(AppServer server, string cookie, string url)
    {
        using var replay = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", $"{AuthCookie}={cookie}");
        return await replay.SendAsync(request);
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        var cookies = new CookieContainer();
        using var client = server.AnonymousClient(cookies: cookies);
        (await AppServer.PostSignInAsync(client, "stat", "stat-demo")).Headers.Location!.ToString().ShouldBe("/");
        var cookie = cookies.GetCookies(server.BaseAddress)[AuthCookie]!.Value;
        (await GetWithCookie(server, cookie, "/api/rankings")).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AppServer.AntiforgeryTokenAsync(client, "/"),
        }));
        signOut.Headers.Location!.ToString().ShouldBe("/login");

        (await GetWithCookie(server, cookie, "/api/rankings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetWithCookie(server, cookie, "/")).Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task An_agency_manager_demoted_by_the_admin_is_refused_on_the_next_request()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var manager = await server.SignedInClientAsync("agency1");
        (await manager.GetAsync("/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await server.SignedInClientAsync("admin");
        await SaveUserAsync(admin, "agency1", "statistician", null, "a-new-password-1");

        var projects = await manager.GetAsync("/projects");
        projects.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        projects.Headers.Location!.ToString().ShouldContain("/login");
        (await manager.GetAsync("/api/margins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // The admin's own session is untouched by a change to someone else.
        (await admin.GetAsync("/admin/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_manager_moved_to_another_agency_is_refused_at_once()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        await using var server = await AppServer.StartAsync(dir.Path);
        using var manager = await server.SignedInClientAsync("agency1");
        using var admin = await server.SignedInClientAsync("admin");
        await SaveUserAsync(admin, "agency1", "agency_manager", "A002", "agency1-demo");
        (await manager.GetAsync("/api/margins")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = await server.SignedInClientAsync("agency1");
        (await again.GetAsync("/projects")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_users_are_created_once_and_admin_changes_survive_a_restart()
    {
        using var dir = new Warehouse.DuckDb.TestDirectory();
        File.WriteAllText(Path.Combine(dir.Path, DemoBootstrap.MarkerFile), "demo data\n");
        await using (var first = await AppServer.StartAsync(dir.Path, asServe: true))
        {
            using var admin = await first.SignedInClientAsync("admin");
            await SaveUserAsync(admin, "agency1", "statistician", null, "agency1-demo");
            await SaveUserAsync(admin, "admin", "admin", null, "a-better-password-1");   // which ends this very session
        }
        File.Exists(Path.Combine(dir.Path, "users.json")).ShouldBeTrue();

        await using var second = await AppServer.StartAsync(dir.Path, asServe: true);
        using var client = second.AnonymousClient();
        (await AppServer.PostSignInAsync(client, "admin", "admin-demo")).Headers.Location!.ToString().ShouldContain("error=invalid");
        using var admin2 = await second.SignedInClientAsync("admin", password: "a-better-password-1");
        using var demoted = await second.SignedInClientAsync("agency1");
        (await demoted.GetAsync("/projects")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>The admin's add-or-change form on /admin/users, posted as a browser would.</summary>
    private static async Task SaveUserAsync(HttpClient admin, string userName, string role, string? agencyId, string password)
    {
        var response = await admin.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["displayName"] = userName, ["role"] = role, ["agencyId"] = agencyId ?? "",
            ["password"] = password, ["__RequestVerificationToken"] = await AppServer.AntiforgeryTokenAsync(admin, "/admin/users"),
        }));
        response.Headers.Location!.ToString().ShouldContain("saved=");
    }
}
