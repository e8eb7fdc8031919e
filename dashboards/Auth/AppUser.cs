namespace Analytics.Dashboards.Auth;

public sealed record AppUser(string UserName, string DisplayName, string Role, string? AgencyId, string PasswordHash);
