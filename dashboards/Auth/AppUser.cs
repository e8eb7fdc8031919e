namespace Analytics.Dashboards.Auth;

public sealed record AppUser(string UserName, string DisplayName, string Role, string? AgencyId, string PasswordHash)
{
    /// <summary>A labour inspector's region scope (6 digits; its descendants included).</summary>
    public string? RegionScope { get; init; }

    /// <summary>The construction projects a wage officer is bound to.</summary>
    public IReadOnlyList<string> ProjectIds { get; init; } = [];
}
