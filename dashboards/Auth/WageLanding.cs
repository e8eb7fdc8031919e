namespace Analytics.Dashboards.Auth;

/// <summary>
/// Where the construction wage-payment roles land instead of the labour-market overview, which is not
/// theirs: a labour inspector on the wage-payment overview, a wage officer on their (first) project.
/// </summary>
public static class WageLanding
{
    public static string? Of(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Statistician) || user.IsInRole(Roles.Policymaker)) return null;
        if (user.IsInRole(Roles.LabourInspector)) return "/wage-payment";
        return WageAccess.BoundProjects(user)?.Order(StringComparer.Ordinal).FirstOrDefault() is { } project
            ? $"/wage-payment/projects/{Uri.EscapeDataString(project)}"
            : null;
    }
}
