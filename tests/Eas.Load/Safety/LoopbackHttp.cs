using System.Net;
using System.Net.Sockets;

namespace Eas.Load.Safety;

/// <summary>
/// HTTP clients that cannot leave the machine: no proxy (an <c>HTTP_PROXY</c> in the environment would
/// otherwise route requests elsewhere), no redirects, and a connect callback that re-checks every connection's
/// host with <see cref="LoopbackGuard"/> and connects to the checked address only.
/// </summary>
internal static class LoopbackHttp
{
    /// <summary>How long one request may take before it counts as failed.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    /// <summary>A client with up to <paramref name="maxConnections"/> connections and <paramref name="timeout"/> per request (default <see cref="RequestTimeout"/>).</summary>
    public static HttpClient CreateClient(int maxConnections = 64, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = ConnectAsync,
        };
        return new HttpClient(handler) { Timeout = timeout ?? RequestTimeout };
    }

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var address = await LoopbackGuard.ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
