using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Analytics.Dashboards.Auth;

/// <summary>Every request's cookie is checked against its user's current security stamp (an in-memory digest).</summary>
public static class SessionValidation
{
    public const string StampClaim = "security_stamp";

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var userName = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        if (userName is not null && stamp is not null && users.StampOf(userName) == stamp) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
