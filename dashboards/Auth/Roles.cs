namespace Analytics.Dashboards.Auth;

/// <summary>The four roles of product.md. An agency manager is bound to one agency_id.</summary>
public static class Roles
{
    public const string Statistician = "statistician";
    public const string AgencyManager = "agency_manager";
    public const string Policymaker = "policymaker";
    public const string Admin = "admin";

    public static readonly string[] All = [Statistician, AgencyManager, Policymaker, Admin];

    /// <summary>The claim that carries an agency manager's agency_id (the tenant boundary).</summary>
    public const string AgencyClaim = "agency_id";
}
