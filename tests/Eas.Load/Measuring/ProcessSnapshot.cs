using System.Globalization;

namespace Eas.Load.Measuring;

/// <summary>
/// One process at one moment, from /proc (Linux): resident set (<c>VmRSS</c>), threads, open file descriptors,
/// the descriptor limit (<c>Max open files</c> of <c>/proc/PID/limits</c>, soft and hard) and CPU time used so far.
/// A field is null when it could not be read (the process is gone, or another account's and we are not root).
/// </summary>
internal sealed record ProcessSnapshot(int ProcessId, long? RssKib, int? Threads, int? OpenFiles, long? FileLimit, long? FileLimitHard, TimeSpan? Cpu)
{
    public static ProcessSnapshot Read(int processId)
    {
        var (soft, hard) = FileLimits(processId);
        return new ProcessSnapshot(processId, RssSampler.ReadKib(processId), StatusNumber(processId, "Threads:") is { } threads ? (int)threads : null,
            OpenFileCount(processId), soft, hard, ProcessCpu.OwnTime(processId));
    }

    /// <summary>
    /// Several processes as one (the servers of a cluster), with process id 0: RSS, threads, descriptors and CPU added
    /// up (null when one process's is), the smallest descriptor limits known. One process is returned as it is.
    /// </summary>
    public static ProcessSnapshot Sum(IReadOnlyList<ProcessSnapshot> processes)
    {
        if (processes.Count == 1) return processes[0];
        return new ProcessSnapshot(
            0,
            processes.All(p => p.RssKib is not null) ? processes.Sum(p => p.RssKib) : null,
            processes.All(p => p.Threads is not null) ? processes.Sum(p => p.Threads) : null,
            processes.All(p => p.OpenFiles is not null) ? processes.Sum(p => p.OpenFiles) : null,
            processes.Min(p => p.FileLimit),
            processes.Min(p => p.FileLimitHard),
            processes.All(p => p.Cpu is not null) ? processes.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Cpu!.Value) : null);
    }

    /// <summary>A numeric field of <c>/proc/PID/status</c> (e.g. <c>Threads:</c>, <c>VmRSS:</c>); null if absent.</summary>
    public static long? StatusNumber(int processId, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return null;
    }

    private static int? OpenFileCount(int processId)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The soft and hard RLIMIT_NOFILE, from the "Max open files" row of <c>/proc/PID/limits</c>.</summary>
    private static (long? Soft, long? Hard) FileLimits(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            if (line is null) return (null, null);
            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (Limit(fields[0]), Limit(fields[1]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return (null, null);
        }
    }

    private static long? Limit(string text) =>
        text == "unlimited" ? long.MaxValue : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
