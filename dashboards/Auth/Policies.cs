namespace Analytics.Dashboards.Auth;

/// <summary>Who may see what: the labour-market marts, the dispatch projects, the data desk, administration.</summary>
public static class Policies
{
    public const string LabourMarket = nameof(LabourMarket);
    public const string Projects = nameof(Projects);
    public const string DataDesk = nameof(DataDesk);
    public const string Administration = nameof(Administration);
    /// <summary>Construction wage payment: project rows (inspectors in their scope, wage officers their projects).</summary>
    public const string WagePayment = nameof(WagePayment);
    /// <summary>The roll-up and the arrears ranking: the inspection side only.</summary>
    public const string WageInspection = nameof(WageInspection);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(LabourMarket, p => p.RequireRole(Roles.Statistician, Roles.Policymaker, Roles.Admin));
        options.AddPolicy(Projects, p => p.RequireRole(Roles.AgencyManager, Roles.Admin));
        options.AddPolicy(DataDesk, p => p.RequireRole(Roles.Statistician, Roles.Admin));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(WagePayment, p => p.RequireRole(Roles.LabourInspector, Roles.WageOfficer, Roles.Admin));
        options.AddPolicy(WageInspection, p => p.RequireRole(Roles.LabourInspector, Roles.Admin));
    }
}
