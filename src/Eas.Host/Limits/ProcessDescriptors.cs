using System.Globalization;

namespace Eas.Host.Limits;

/// <summary>
/// The process's file descriptors on Linux, from procfs (proc_pid_limits(5), proc_pid_fd(5)): the limit the process
/// runs with and how many are open. Every socket, parked Ping, IMAP session and journal file is one; at the limit
/// the runtime cannot open anything and aborts, so the connection cap is derived from it. The .NET runtime raises
/// the soft limit to the hard one at start, so the soft limit read here is the one that applies.
/// </summary>
internal static class ProcessDescriptors
{
    private const string LimitsPath = "/proc/self/limits";
    private const string DescriptorsPath = "/proc/self/fd";
    private const string OpenFilesRow = "Max open files";

    /// <summary>RLIMIT_NOFILE's soft limit; null where procfs is not there or the limit is unlimited.</summary>
    public static long? Limit()
    {
        try
        {
            return File.Exists(LimitsPath) ? ParseSoftLimit(File.ReadAllText(LimitsPath)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Descriptors open now (the entries of /proc/self/fd, less the one the listing itself holds); null without procfs.</summary>
    public static int? Open()
    {
        if (!Directory.Exists(DescriptorsPath)) return null;
        try
        {
            return Math.Max(0, Directory.EnumerateFileSystemEntries(DescriptorsPath).Count() - 1);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The soft limit of the <c>Max open files</c> row of a proc_pid_limits(5) text (columns: name, soft, hard,
    /// units); null when the row is missing or says <c>unlimited</c>.
    /// </summary>
    public static long? ParseSoftLimit(string limits)
    {
        foreach (var line in limits.Split('\n'))
        {
            if (!line.StartsWith(OpenFilesRow, StringComparison.Ordinal)) continue;
            var columns = line[OpenFilesRow.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return columns.Length > 0 && long.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
        }

        return null;
    }
}
