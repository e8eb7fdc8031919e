using DuckDB.NET.Data;
using Analytics.Dashboards.Api;
using Analytics.Dashboards.Auth;
using Analytics.Ingest.Scheduling;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Data;
using Analytics.Dashboards.Ui;
using Analytics.Warehouse.DuckDb;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;

namespace Analytics.Dashboards.Host;

/// <summary>Builds the ASP.NET Core host on the composition root (<see cref="AnalyticsHost"/>); tests build the same host on a random loopback port.</summary>
public static class WebHost
{
    public static WebApplication Build(WebHostOptions options)
    {
        var builder = AnalyticsHost.CreateWebBuilder(options.Args);
        builder.WebHost.UseUrls(options.Urls);
        // One line per entry, timed: the inbox's changes read as a journal (levels per category: appsettings.json "Logging").
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Configuration.AddInMemoryCollection(options.Settings);
        var paths = builder.AddAnalytics(options.DataDirectory);
        builder.Services.AddSingleton(options);
        AddSecurity(builder.Services, builder.Configuration, paths.Root);
        ServeStaticWebAssets(builder);
        // Every page but sign-in and the error pages runs in a circuit: filters, live updates and
        // chart clicks go over its WebSocket (connect-src 'self' in the CSP), no script of our own.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            // A ping a second lets a browser notice a lost connection within its 4 s timeout (js/start.js).
            .AddHubOptions(hub => hub.KeepAliveInterval = TimeSpan.FromSeconds(1));
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        // The auth cookie stays readable across a host restart, so a wall screen reconnects signed in.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.Root, "keys")))
            .SetApplicationName("analytics");
        // Chinese text is written as UTF-8, not as &#x...; entities.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<UiContext>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddWarehouseServices(builder.Configuration, paths.Root);
        builder.Services.AddIngestScheduling(builder.Configuration, paths.Root);

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseMalformedRequestRefusal();
        // A page's empty 403/404/500 becomes the Chinese (or English) error page; APIs keep their own bodies.
        // Only for page reads: a refused form post keeps its plain 400/413.
        app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/_blazor"),
            branch => branch.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        // Routing after the status code pages, so a re-executed request (/error/403) finds its page.
        app.UseRouting();
        app.Use(RememberLanguage);
        app.UseBusyRefusal();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/health", () =>
        {
            using var library = new DuckDBConnection();   // the version is the library's: nothing to open
            return Results.Ok(new { status = "ok", duckdb = library.ServerVersion });
        }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapUserAdminEndpoints();
        app.MapApiEndpoints();
        app.MapExportEndpoints();
        app.MapWagePaymentEndpoints();
        app.MapDataDeskEndpoints();
        app.MapOpenApi();
        // blazor.web.js, site.css and Plotly.Blazor's plotly.js (_content/Plotly.Blazor/), compressed and cached.
        app.MapStaticAssets().AllowAnonymous();
        // Our CSP already says frame-ancestors 'none'; Blazor would add a second policy header of its own.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    /// <summary>
    /// A built (not published) binary finds package assets such as _content/Plotly.Blazor/ and
    /// _framework/blazor.web.js through the build's runtime manifest, which ASP.NET Core reads only in
    /// Development; read it in every environment when it is there. A published folder has no such
    /// manifest: its wwwroot holds the files themselves.
    /// </summary>
    private static void ServeStaticWebAssets(WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (!File.Exists(manifest)) return;
        builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, manifest);
        builder.WebHost.UseStaticWebAssets();
    }

    /// <summary>A <c>?lang=</c> switch is remembered in a cookie so that every later page keeps it.</summary>
    private static Task RememberLanguage(HttpContext context, Func<Task> next)
    {
        if (context.Request.Query.TryGetValue("lang", out var lang) && (lang == "en" || lang == "zh"))
            context.Response.Cookies.Append(UiContext.LanguageCookie, lang!, new CookieOptions { SameSite = SameSiteMode.Lax, HttpOnly = true, MaxAge = TimeSpan.FromDays(365) });
        return next();
    }

    private static void AddSecurity(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SignInThrottle(provider.GetRequiredService<TimeProvider>()));
        services.AddSignInRateLimit(configuration);
        services.AddSingleton(_ => new UserStore(configuration.GetSection("Users").Get<List<AppUser>>() ?? [],
            Path.Combine(Path.GetFullPath(dataDirectory), "users.json")));
        services.AddAntiforgery();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.AccessDeniedPath = "/login";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Cookie.Name = "analytics.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Sign-out and an admin's change of role, agency or password end the session at once.
            cookie.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
            // APIs answer 401/403; only pages redirect to the sign-in form.
            cookie.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        // Every endpoint requires a signed-in user unless it says [AllowAnonymous].
        services.AddAuthorization(Policies.Add);
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/openapi"))
            context.Response.StatusCode = status;
        else if (status == StatusCodes.Status403Forbidden)
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
