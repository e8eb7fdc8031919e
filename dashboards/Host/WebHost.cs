using DuckDB.NET.Data;
using Analytics.Dashboards.Api;
using Analytics.Dashboards.Auth;
using Analytics.Ingest.Scheduling;
using Analytics.Dashboards.Components;
using Analytics.Dashboards.Data;
using Analytics.Dashboards.Live;
using Analytics.Dashboards.Ui;
using Analytics.Warehouse.DuckDb;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Analytics.Dashboards.Host;

/// <summary>Builds the ASP.NET Core host on the composition root (<see cref="AnalyticsHost"/>); tests build the same host on a random loopback port.</summary>
public static class WebHost
{
    public static WebApplication Build(WebHostOptions options)
    {
        var builder = AnalyticsHost.CreateWebBuilder(options.Args);
        builder.WebHost.UseUrls(options.Urls);
        builder.Configuration.AddInMemoryCollection(options.Settings);
        var paths = builder.AddAnalytics(options.DataDirectory);
        builder.Services.AddSingleton(options);
        AddSecurity(builder.Services, builder.Configuration, paths.Root);
        builder.Services.AddRazorComponents();
        // Chinese text is written as UTF-8, not as &#x...; entities.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<UiContext>();
        builder.Services.AddSignalR();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddSingleton<LakeNotifier>();
        builder.Services.AddWarehouseServices(builder.Configuration, paths.Root);
        builder.Services.AddIngestScheduling(builder.Configuration, paths.Root);

        var app = builder.Build();
        ForwardLakeChanges(app);
        app.UseSecurityHeaders();
        app.UseMalformedRequestRefusal();
        app.UseStaticFiles();
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
        app.MapHub<LakeHub>(LakeHub.Path);
        app.MapApiEndpoints();
        app.MapExportEndpoints();
        app.MapWagePaymentEndpoints();
        app.MapDataDeskEndpoints();
        app.MapOpenApi();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>Every batch the ingest commits is pushed to the browsers through the hub.</summary>
    private static void ForwardLakeChanges(WebApplication app)
    {
        var notifier = app.Services.GetRequiredService<LakeNotifier>();
        app.Services.GetRequiredService<Analytics.Ingest.LakeEvents>().LakeChanged += (_, change) =>
            _ = notifier.PublishAsync(new LakeChange(change.Datasets, change.BatchId.ToString(), DateTimeOffset.UtcNow));
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
            // APIs and the hub answer 401/403; only pages redirect to the sign-in form.
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
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi"))
            context.Response.StatusCode = status;
        else if (status == StatusCodes.Status403Forbidden)
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
