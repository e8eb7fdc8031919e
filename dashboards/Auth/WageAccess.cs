using System.Security.Claims;
using Analytics.Warehouse.Marts;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// The access rule of construction wage payment (product.md): it comes from the user record, never
/// from a data file. A labour inspector sees the projects of their region scope (descendants
/// included) and counts and sums only; a wage officer sees the projects they are bound to, and only
/// they get the worker drill-down. Anything outside the binding is answered exactly as if it did not
/// exist: an unknown region, a missing project.
/// </summary>
public static class WageAccess
{
    /// <summary>
    /// The region scope to query. An inspector's own scope when none is asked; a region outside it is
    /// refused with the message an unknown region gets. Others (admin, wage officer) ask for any.
    /// </summary>
    public static string? Scope(ClaimsPrincipal user, string? requested)
    {
        var asked = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (!user.IsInRole(Roles.LabourInspector)) return asked;
        var own = user.FindFirstValue(Roles.RegionClaim) ?? throw RegionScope.Unknown(asked ?? "");
        if (asked is null) return own;
        return RegionScope.Contains(own, asked) ? asked : throw RegionScope.Unknown(asked);
    }

    /// <summary>A wage officer's bound projects; null for everyone else (their scope is a region, or all).</summary>
    public static IReadOnlySet<string>? BoundProjects(ClaimsPrincipal user) =>
        user.IsInRole(Roles.WageOfficer) ? user.FindAll(Roles.ProjectClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) : null;

    /// <summary>Whether the user may see project <paramref name="projectId"/> located in <paramref name="regionCode"/>.</summary>
    public static bool MaySee(ClaimsPrincipal user, string projectId, string regionCode)
    {
        if (BoundProjects(user) is { } bound) return bound.Contains(projectId);
        if (user.IsInRole(Roles.LabourInspector))
            return user.FindFirstValue(Roles.RegionClaim) is { } own && RegionScope.Contains(own, regionCode);
        return user.IsInRole(Roles.Admin);
    }

    /// <summary>The worker drill-down: a wage officer bound to the project, nobody else (not an admin either).</summary>
    public static bool MayDrillDown(ClaimsPrincipal user, string projectId) => BoundProjects(user)?.Contains(projectId) == true;
}
