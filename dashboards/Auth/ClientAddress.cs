using System.Net;
using System.Net.Sockets;

namespace Analytics.Dashboards.Auth;

/// <summary>
/// Who is asking, as far as limits on sign-in go: the connection's address (no forwarded header is
/// trusted). An IPv6 client owns a whole /64, so the /64 is one client.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
