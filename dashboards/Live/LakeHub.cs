using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Analytics.Dashboards.Live;

/// <summary>Browsers listen here for "lakeChanged"; nothing is sent from the browser.</summary>
[Authorize]
public sealed class LakeHub : Hub
{
    public const string Path = "/hubs/lake";
    public const string LakeChanged = "lakeChanged";
}
