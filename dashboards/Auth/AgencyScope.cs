using System.Security.Claims;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The tenant boundary of the dispatch data: an agency manager sees only their own agency, whatever
/// the URL asks for; an admin may look at any agency (or all of them).
/// </summary>
public static class AgencyScope
{
    /// <summary>The agency filter to apply, or <c>Forbidden</c> when the user asked for someone else's agency.</summary>
    public static (string? AgencyId, bool Forbidden) Resolve(ClaimsPrincipal user, string? requested)
    {
        if (!user.IsInRole(Roles.AgencyManager)) return (string.IsNullOrWhiteSpace(requested) ? null : requested, false);
        var own = user.FindFirstValue(Roles.AgencyClaim);
        if (own is null) return (null, true);
        return string.IsNullOrWhiteSpace(requested) || requested == own ? (own, false) : (null, true);
    }

    /// <summary>Whether the user may see a project of <paramref name="projectAgency"/>.</summary>
    public static bool MaySee(ClaimsPrincipal user, string projectAgency) =>
        !user.IsInRole(Roles.AgencyManager) || user.FindFirstValue(Roles.AgencyClaim) == projectAgency;
}
