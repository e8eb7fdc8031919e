using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Analytics.Tests.Dashboards;

/// <summary>
/// Table-driven over the app's own route table, so a new page or API cannot slip through
/// without sign-in, without antiforgery, or without its role check.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public class WebSecurityTests(DemoSite site)
{
    // The only routes anyone may reach without signing in.
    private static readonly HashSet<string> Anonymous = ["/health", "/login", "/account/login", "/error/x1", "/not-found"];

    /// <summary>Static files (site.css, blazor.web.js, Plotly.Blazor's plotly.js): public, they hold no data; the sign-in page needs them.</summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private IReadOnlyList<RouteEndpoint> Routes() =>
        site.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null)
            .ToList();

    private static string Concrete(RouteEndpoint endpoint) =>
        "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            _ => "x1",
        }))));

    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    [Fact]
    public void The_route_table_is_what_these_tests_expect()
    {
        var routes = Routes().Select(Concrete).ToHashSet();
        routes.ShouldContain("/api/rankings");
        routes.ShouldContain("/rankings");
        routes.ShouldContain("/data/ingest-now");
        routes.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task Every_route_but_sign_in_and_health_refuses_anonymous_users()
    {
        using var anonymous = site.Server.AnonymousClient();
        var checkedRoutes = 0;
        foreach (var endpoint in Routes())
        {
            var path = Concrete(endpoint);
            if (Anonymous.Contains(path) || IsStaticAsset(endpoint)) continue;
            foreach (var method in Methods(endpoint))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                var response = await anonymous.SendAsync(request);
                var status = response.StatusCode;
                var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
                    || (status == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login"));
                refused.ShouldBeTrue($"{method} {path} answered {(int)status} to an anonymous user");
                checkedRoutes++;
            }
        }
        checkedRoutes.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Every_route_but_the_anonymous_ones_carries_an_authorization_requirement_or_falls_back_to_sign_in()
    {
        foreach (var endpoint in Routes())
        {
            var path = Concrete(endpoint);
            var allowsAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (Anonymous.Contains(path) || IsStaticAsset(endpoint)) continue;
            allowsAnonymous.ShouldBeFalse($"{path} allows anonymous access");
        }
    }

    [Fact]
    public async Task Every_form_post_is_refused_without_its_antiforgery_token()
    {
        using var admin = await site.Server.SignedInClientAsync("admin");
        // (/error/x1: the error page's {Code:int} cannot match x1, so that post is a 404 before any form is read.)
        var posts = Routes().Where(e => Methods(e).Contains("POST") && Concrete(e) != "/error/x1").ToList();
        posts.Count.ShouldBeGreaterThanOrEqualTo(4);   // login, logout, ingest-now, admin users
        foreach (var endpoint in posts)
        {
            var response = await admin.PostAsync(Concrete(endpoint), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = "x", ["password"] = "x", ["displayName"] = "x", ["role"] = "admin", ["confirm"] = "1",
            }));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"POST {Concrete(endpoint)} without an antiforgery token");
        }
    }

    public static TheoryData<string, string> RoleLimitedPages => new()
    {
        // page, a signed-in user who must not see it
        { "/rankings", "agency1" },
        { "/wages", "agency1" },
        { "/wall", "agency2" },
        { "/data", "policy" },
        { "/data", "agency1" },
        { "/projects", "stat" },
        { "/projects", "policy" },
        { "/admin/users", "stat" },
        { "/api/margins", "policy" },
        { "/api/export/margins", "stat" },
        { "/api/export/rankings", "agency1" },
        { "/data/rejects?path=x", "policy" },
    };

    [Theory]
    [MemberData(nameof(RoleLimitedPages))]
    public async Task A_signed_in_user_of_another_role_is_refused(string url, string user)
    {
        using var client = await site.Server.SignedInClientAsync(user);
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{user} on {url}");
    }

    [Theory]
    [InlineData("../warehouse.duckdb")]
    [InlineData("rejects/../secrets/id-hash.key")]
    [InlineData("/etc/passwd")]
    [InlineData("rejects/1/../../../../etc/passwd")]
    [InlineData("rejects/1/vacancies/x.csv")]
    public async Task A_rejects_download_cannot_escape_its_folder(string path)
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var response = await client.GetAsync($"/data/rejects?path={Uri.EscapeDataString(path)}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_real_rejects_file_downloads_with_its_reasons()
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var data = await client.GetStringAsync("/data");
        var link = System.Text.RegularExpressions.Regex.Match(data, "href=\"(/data/rejects\\?path=[^\"]+)\"").Groups[1].Value;
        link.ShouldNotBeEmpty();
        var csv = await client.GetStringAsync(WebUtility.HtmlDecode(link));
        csv.ShouldContain("line");
        csv.ShouldContain("rule");
    }

    [Fact]
    public async Task A_rejects_file_an_earlier_version_wrote_downloads_with_ids_masked_and_formulas_neutralised()
    {
        const string name = "legacy-110105199001011232.csv.rejects.csv";
        var legacy = Path.Combine(site.DataDirectory, "rejects", "1", name);
        Directory.CreateDirectory(Path.GetDirectoryName(legacy)!);
        File.WriteAllText(legacy, "\uFEFFline,column,rule,value\n2,region_code,region code: 6 digits,110105199001011232\n"
            + "3,occupation_code,occupation code: x-xx-xx-xx,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n4,wage_min,>= 0,-12.50\n");
        try
        {
            using var client = await site.Server.SignedInClientAsync("stat");
            var response = await client.GetAsync($"/data/rejects?path={Uri.EscapeDataString($"rejects/1/{name}")}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var csv = await response.Content.ReadAsStringAsync();
            csv.ShouldNotContain("110105199001011232");
            csv.ShouldContain("line,column,rule,value\n2,region_code,region code: 6 digits,1101************32\n");
            csv.ShouldContain("3,occupation_code,occupation code: x-xx-xx-xx,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n");
            csv.ShouldContain("4,wage_min,>= 0,-12.50\n", customMessage: "a negative amount stays a number");
            response.Content.Headers.ContentDisposition!.ToString().ShouldNotContain("110105199001011232");
        }
        finally { File.Delete(legacy); }
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/css/site.css")]
    public async Task Security_headers_are_on_every_response(string url)
    {
        using var client = site.Server.AnonymousClient();
        var response = await client.GetAsync(url);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example/x")]              // browsers drop the tab and read //evil.example
    [InlineData("/%09/evil.example/x")]
    [InlineData("/%2F/evil.example/x")]
    [InlineData("/%5C/evil.example/x")]
    [InlineData(" //evil.example/")]
    [InlineData("/x\r\nSet-Cookie: a=b")]
    [InlineData("/x%0d%0aLocation:%20https://evil.example/")]
    [InlineData("/../..//evil.example/")]
    [InlineData("/区域")]
    public async Task A_sign_in_link_never_redirects_to_another_site(string target)
    {
        // Posted directly, and as it comes back from the sign-in page's hidden field after a link to /login?returnUrl=…
        using var client = site.Server.AnonymousClient();
        var login = await client.GetAsync($"/login?returnUrl={Uri.EscapeDataString(target)}");
        var hidden = login.StatusCode == HttpStatusCode.OK
            ? WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(await login.Content.ReadAsStringAsync(),
                "name=\"returnUrl\" value=\"([^\"]*)\"").Groups[1].Value)
            : null;
        login.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
        foreach (var returnUrl in new[] { target, hidden }.OfType<string>())
        {
            var response = await AppServer.PostSignInAsync(client, "policy", "policy-demo", returnUrl);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, returnUrl);
            var location = response.Headers.Location!.OriginalString;
            location.ShouldStartWith("/");
            location.ShouldNotStartWith("//");
            location.ShouldNotContain("\\");
            location.ShouldAllBe(c => c > ' ' && c < (char)127, location);
            new Uri(site.Server.BaseAddress, location).Authority.ShouldBe(site.Server.BaseAddress.Authority, location);
        }
    }

    [Fact]
    public async Task A_local_return_url_is_kept_in_its_normal_form()
    {
        using var client = site.Server.AnonymousClient();
        var response = await AppServer.PostSignInAsync(client, "policy", "policy-demo", "/wages/../rankings?region=440000#top");
        response.Headers.Location!.OriginalString.ShouldBe("/rankings?region=440000#top");
    }

    [Theory]
    [InlineData("/data/rejects?path=rejects%00x.rejects.csv")]
    [InlineData("/data/rejects?path=%0d%0a")]
    [InlineData("/api/rankings?region=44%000000")]
    [InlineData("/login?returnUrl=/%0d%0aSet-Cookie:%20a=b")]
    public async Task Control_characters_in_a_request_get_400_not_500(string url)
    {
        using var client = await site.Server.SignedInClientAsync("stat");
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
        (await response.Content.ReadAsStringAsync()).ShouldContain("control characters");
    }
}
