using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Eas.Host.Cli;

/// <summary>
/// Tries every address of a <c>--urls</c> list before the server starts, so that a taken port (or a port below
/// 1024 without the privilege to bind it) is one clear line naming the option that changes it, instead of the
/// host's stack traces after Dovecot and the actors have started. Host names other than <c>localhost</c> are left to
/// Kestrel; a port taken between this check and Kestrel's bind is reported the same way by <see cref="Describe(Exception, string, string)"/>.
/// </summary>
internal static partial class ListenCheck
{
    /// <summary>The first address of <paramref name="urls"/> that cannot be bound, as one line for standard error; null when all can.</summary>
    public static string? Problem(string urls, string option)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (EndPointOf(url) is not { } endPoint) continue;
            if (TryBind(endPoint) is { } error) return Describe(error, url, option);
        }

        return null;
    }

    /// <summary>The line for a bind that failed with <paramref name="error"/>; null for an error this check does not explain.</summary>
    public static string? Describe(SocketError error, string url, string option) => error switch
    {
        SocketError.AddressAlreadyInUse => $"eas-server: {url} is already in use by another program; choose another address with {option} (e.g. {option} {WithPort(url, Port(url) + 1)}).",
        SocketError.AccessDenied => $"eas-server: {url} needs root or CAP_NET_BIND_SERVICE (ports below 1024); run as root or choose a port above 1023 with {option}.",
        SocketError.AddressNotAvailable => $"eas-server: {url} is not an address of this machine; choose another with {option}.",
        _ => null,
    };

    /// <summary>The line for Kestrel's own bind failure (a race with another program), when it is one.</summary>
    public static string? Describe(Exception exception, string urls, string option)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e.GetType().Name == "AddressInUseException") return Describe(SocketError.AddressAlreadyInUse, urls, option);
            if (e is SocketException socket && Describe(socket.SocketErrorCode, urls, option) is { } line) return line;
        }

        return null;
    }

    /// <summary>Where Kestrel will bind <paramref name="url"/>: <c>*</c>, <c>+</c> and <c>[::]</c> are every interface, <c>localhost</c> loopback.</summary>
    public static IPEndPoint? EndPointOf(string url)
    {
        var match = UrlPattern().Match(url);
        if (!match.Success) return null;
        var host = match.Groups["host"].Value.Trim('[', ']');
        IPAddress? address = host switch
        {
            "*" or "+" => Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ => IPAddress.TryParse(host, out var parsed) ? parsed : null,
        };
        var port = Port(url);
        return address is null || port == 0 ? null : new IPEndPoint(address, port);
    }

    private static int Port(string url)
    {
        var match = UrlPattern().Match(url);
        if (match.Groups["port"].Success) return int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups["scheme"].Value.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
    }

    private static string WithPort(string url, int port)
    {
        var match = UrlPattern().Match(url);
        return match.Success ? $"{match.Groups["scheme"].Value}://{match.Groups["host"].Value}:{port}" : url;
    }

    private static SocketError? TryBind(IPEndPoint endPoint)
    {
        try
        {
            using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (endPoint.Address.Equals(IPAddress.IPv6Any)) socket.DualMode = true;
            socket.Bind(endPoint);
            socket.Listen(1);
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
    }

    [GeneratedRegex(@"^(?<scheme>https?)://(?<host>\[[^\]]+\]|[^:/]+)(:(?<port>\d+))?", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
