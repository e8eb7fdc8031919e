namespace Analytics.Dashboards.Auth;

/// <summary>
/// The roles of product.md. An agency manager is bound to one agency_id; a labour inspector to a
/// region scope (its descendants included); a construction wage officer to a list of project_ids.
/// </summary>
public static class Roles
{
    public const string Statistician = "statistician";
    public const string AgencyManager = "agency_manager";
    public const string Policymaker = "policymaker";
    public const string Admin = "admin";
    public const string LabourInspector = "labour_inspector";
    public const string WageOfficer = "wage_officer";

    public static readonly string[] All = [Statistician, AgencyManager, Policymaker, Admin, LabourInspector, WageOfficer];

    /// <summary>The claim that carries an agency manager's agency_id (the tenant boundary).</summary>
    public const string AgencyClaim = "agency_id";

    /// <summary>The claim that carries a labour inspector's region scope.</summary>
    public const string RegionClaim = "region_scope";

    /// <summary>The claims (one per project) that carry a wage officer's bound project_ids.</summary>
    public const string ProjectClaim = "project_id";

    /// <summary>
    /// Everything that binds the user to part of the data, as one string: two users whose answers may
    /// differ never share a cached answer.
    /// </summary>
    public static string BindingOf(System.Security.Claims.ClaimsPrincipal user) =>
        string.Join('|', user.FindAll(c => c.Type is AgencyClaim or RegionClaim or ProjectClaim).Select(c => $"{c.Type}={c.Value}"));
}
