namespace Analytics.Dashboards.Auth;

/// <summary>Who may see what: the labour-market marts, the dispatch projects, the data desk, administration.</summary>
public static class Policies
{
    public const string LabourMarket = nameof(LabourMarket);
    public const string Projects = nameof(Projects);
    public const string DataDesk = nameof(DataDesk);
    public const string Administration = nameof(Administration);

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(LabourMarket, p => p.RequireRole(Roles.Statistician, Roles.Policymaker, Roles.Admin));
        options.AddPolicy(Projects, p => p.RequireRole(Roles.AgencyManager, Roles.Admin));
        options.AddPolicy(DataDesk, p => p.RequireRole(Roles.Statistician, Roles.Admin));
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Admin));
    }
}
