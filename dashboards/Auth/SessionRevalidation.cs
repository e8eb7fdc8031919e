using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// An open page (a circuit) checks its user's security stamp every few seconds, as every HTTP request
/// does (<see cref="SessionValidation"/>): a sign-out elsewhere or an admin's change of role, agency or
/// password ends the page's access too, and the router shows the sign-in prompt instead of figures.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggers, UserStore users)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(5);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var user = state.User;
        var name = user.Identity?.Name;
        var stamp = user.FindFirstValue(SessionValidation.StampClaim);
        return Task.FromResult(name is not null && stamp is not null && users.StampOf(name) == stamp);
    }
}
