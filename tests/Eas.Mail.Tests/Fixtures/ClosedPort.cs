using System.Net;
using System.Net.Sockets;

namespace Eas.Mail.Tests.Fixtures;

/// <summary>A loopback port nothing listens on: one the system just handed out and that was closed again.</summary>
internal static class ClosedPort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
