using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboards.Auth;

/// <summary>Cookie sign-in and sign-out; the form lives on the /login page.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", async (HttpContext http, [FromForm] string userName, [FromForm] string password,
            [FromForm] string? returnUrl, UserStore users, SignInThrottle throttle) =>
        {
            if (SignInForm.Problem(userName, password) is { } problem) return Results.Text(problem, statusCode: StatusCodes.Status400BadRequest);
            var target = LocalReturnUrl.Normalise(returnUrl);
            var client = ClientAddress.Of(http);
            if (throttle.IsLocked(client, userName))
                return Results.Redirect($"/login?error=locked&returnUrl={Uri.EscapeDataString(target)}");
            var user = users.Verify(userName, password);
            if (user is null)
            {
                throttle.Failed(client, userName);
                return Results.Redirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
            }
            throttle.Succeeded(client, userName);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user, users.StampOf(user.UserName)!));
            return Results.Redirect(target);
        }).AllowAnonymous()
          .RequireRateLimiting(SignInRateLimit.Policy)
          // Enforced as the body is read, before the antiforgery check reads the form.
          .WithMetadata(new RequestSizeLimitAttribute(SignInForm.MaxBodyBytes));

        app.MapPost("/account/logout", async (HttpContext http, UserStore users) =>
        {
            // No form field is bound here, so the antiforgery verdict must be read by hand.
            if (http.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is not { IsValid: true })
                return Results.BadRequest();
            users.EndSessions(http.User.Identity!.Name!);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    public static ClaimsPrincipal Principal(AppUser user, string securityStamp)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.GivenName, user.DisplayName),
            new(ClaimTypes.Role, user.Role),
            new(SessionValidation.StampClaim, securityStamp),
        };
        if (user.AgencyId is not null) claims.Add(new Claim(Roles.AgencyClaim, user.AgencyId));
        if (user.RegionScope is not null) claims.Add(new Claim(Roles.RegionClaim, user.RegionScope));
        claims.AddRange(user.ProjectIds.Select(id => new Claim(Roles.ProjectClaim, id)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}

/// <summary>An admin adds or changes a user; users are kept in data/users.json (password hashes only).</summary>
public static class UserAdminEndpoints
{
    public static void MapUserAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/users", ([FromForm] string userName, [FromForm] string displayName, [FromForm] string role,
            [FromForm] string? agencyId, [FromForm] string password, [FromForm] string? regionScope, [FromForm] string? projectIds, UserStore users) =>
        {
            if (password.Length < 10) return Results.Redirect("/admin/users?error=" + Uri.EscapeDataString("password too short (10+ characters)"));
            // A user the sign-in form could not carry would be locked out from the start.
            if (SignInForm.Problem(userName.Trim(), password) is { } problem) return Results.Redirect("/admin/users?error=" + Uri.EscapeDataString(problem));
            try
            {
                users.Add(new AppUser(userName.Trim(), displayName.Trim(), role, string.IsNullOrWhiteSpace(agencyId) ? null : agencyId.Trim(),
                    PasswordHasher.Hash(password))
                {
                    RegionScope = string.IsNullOrWhiteSpace(regionScope) ? null : regionScope.Trim(),
                    ProjectIds = (projectIds ?? "").Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                }, persist: true);
            }
            catch (ArgumentException e)
            {
                return Results.Redirect("/admin/users?error=" + Uri.EscapeDataString(e.Message));
            }
            return Results.Redirect("/admin/users?saved=" + Uri.EscapeDataString(userName.Trim()));
        }).RequireAuthorization(Policies.Administration);
    }
}
