using System.Globalization;

namespace Eas.Load.Measuring;

/// <summary>
/// Counts established TCP connections to a local port from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>
/// (Linux): the rows whose remote end is that port, i.e. the client ends. On loopback both ends of a
/// connection are listed; counting the client ends counts each connection once. <see cref="CountFrom"/> counts only
/// those whose client end is a socket of the given processes (its inode among their <c>/proc/PID/fd</c> links).
/// </summary>
internal static class TcpConnections
{
    private const string Established = "01";

    public static int? CountTo(int port) => Count(remote => remote == port, null);

    /// <summary>
    /// Established connections from a socket of <paramref name="processIds"/> to any of <paramref name="ports"/> on this
    /// machine (Dovecot's webhook clients to the servers); null when the tables cannot be read.
    /// </summary>
    public static int? CountFrom(IReadOnlyList<int> processIds, IReadOnlyCollection<int> ports)
    {
        var inodes = new HashSet<long>();
        foreach (var pid in processIds) AddSocketInodes(pid, inodes);
        return Count(ports.Contains, inodes);
    }

    private static int? Count(Func<int, bool> remotePort, HashSet<long>? inodes)
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
                    // ... tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                    var fields = line.Split(' ', 11, StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length < 10 || fields[3] != Established) continue;
                    var remote = fields[2];
                    if (!remotePort(int.Parse(remote[(remote.IndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))) continue;
                    if (inodes is null || inodes.Contains(long.Parse(fields[9], NumberStyles.None, CultureInfo.InvariantCulture))) count++;
                }
            }

            return count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The inodes of the sockets process <paramref name="processId"/> holds (<c>socket:[INODE]</c> links); none when it is gone or unreadable.</summary>
    private static void AddSocketInodes(int processId, HashSet<long> inodes)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{processId}/fd"))
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal)
                    && long.TryParse(target.AsSpan(8, target.Length - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var inode))
                    inodes.Add(inode);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
