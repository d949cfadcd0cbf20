using System.Globalization;

namespace Eas.Load.Measuring;

/// <summary>
/// Counts established TCP connections to a local port from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>
/// (Linux): the rows whose remote end is that port, i.e. the client ends. On loopback both ends of a
/// connection are listed; counting the client ends counts each connection once.
/// </summary>
internal static class TcpConnections
{
    private const string Established = "01";

    public static int? CountTo(int port)
    {
        try
        {
            var count = 0;
            foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
            {
                if (!File.Exists(table)) continue;
                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    // sl local_address rem_address st ...; addresses are HEXIP:HEXPORT.
                    var fields = line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length < 4 || fields[3] != Established) continue;
                    var remote = fields[2];
                    var remotePort = int.Parse(remote[(remote.IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (remotePort == port) count++;
                }
            }

            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
