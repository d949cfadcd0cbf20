using System.Net;
using System.Net.Sockets;

namespace Eas.Load.Safety;

/// <summary>
/// The tool's one network rule: it talks to this machine only. A host name or URL is accepted when every
/// address it resolves to is in 127.0.0.0/8 or is ::1 (an IPv4-mapped form of those counts too); anything
/// else is refused with <see cref="LoopbackViolationException"/> before a single byte is sent. Callers connect
/// to the address returned here, never to a second resolution of the name.
/// </summary>
internal static class LoopbackGuard
{
    /// <summary>Resolves <paramref name="host"/> and returns its first address, if all of them are loopback.</summary>
    public static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var name = host.Trim().TrimStart('[').TrimEnd(']');
        if (name.Length == 0) throw new LoopbackViolationException("An empty host name is not a loopback address.");

        IPAddress[] addresses;
        if (IPAddress.TryParse(name, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(name, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new LoopbackViolationException($"'{host}' does not resolve ({e.SocketErrorCode}); only loopback hosts are allowed.");
            }
        }

        if (addresses.Length == 0) throw new LoopbackViolationException($"'{host}' resolves to no address; only loopback hosts are allowed.");
        var outside = addresses.Where(a => !IsLoopback(a)).ToList();
        if (outside.Count > 0)
            throw new LoopbackViolationException(
                $"'{host}' resolves to {string.Join(", ", outside)}, which is not loopback. eas-load only talks to 127.0.0.0/8 and ::1.");
        return addresses[0];
    }

    /// <summary>Checks an http(s) URL's host; returns the URL and the loopback address to connect to.</summary>
    public static async Task<(Uri Url, IPAddress Address)> CheckUrlAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new LoopbackViolationException($"'{url}' is not an absolute http:// or https:// URL.");
        return (uri, await ResolveAsync(uri.Host, cancellationToken));
    }

    /// <summary>True for 127.0.0.0/8, ::1, and their IPv4-mapped IPv6 forms.</summary>
    public static bool IsLoopback(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => address.GetAddressBytes()[0] == 127,
            AddressFamily.InterNetworkV6 => address.Equals(IPAddress.IPv6Loopback),
            _ => false,
        };
    }
}
