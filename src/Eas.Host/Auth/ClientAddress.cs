using System.Net;

namespace Eas.Host.Auth;

/// <summary>
/// The address a request comes from, for sign-in protection: the connection's peer, or, when that peer is one
/// of the configured proxies (<c>Eas:Auth:TrustedProxies</c>), the nearest address in X-Forwarded-For that is
/// not a trusted proxy itself. X-Forwarded-For from anyone else is ignored: a client could write anything there.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context, IReadOnlyCollection<string> trustedProxies)
    {
        var peer = context.Connection.RemoteIpAddress is { } remote ? Normalize(remote) : "unknown";
        if (trustedProxies.Count == 0 || !trustedProxies.Contains(peer)) return peer;
        var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
        var hops = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop)) return peer;
            var address = Normalize(hop);
            if (!trustedProxies.Contains(address)) return address;
        }

        return peer;
    }

    private static string Normalize(IPAddress address) => (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
