using System.Diagnostics;
using System.Globalization;

namespace Eas.Host.Diagnostics.Live;

/// <summary>
/// The process figures of a stats snapshot, from the cheapest sources there are: the runtime's counters,
/// and on Linux one read of <c>/proc/self/stat</c> for the thread count (<see cref="Process.Threads"/> would
/// open a file per thread).
/// </summary>
internal static class ProcessSampler
{
    private const string StatPath = "/proc/self/stat";

    /// <summary>When the process started, for uptime.</summary>
    public static readonly DateTimeOffset Started = StartTime();

    public static ProcessStats Sample() => new(
        Environment.CpuUsage.TotalTime.TotalSeconds,
        Environment.WorkingSet,
        GC.GetTotalMemory(forceFullCollection: false),
        GC.GetTotalAllocatedBytes(precise: false),
        ThreadCount(),
        ThreadPool.ThreadCount,
        ThreadPool.PendingWorkItemCount,
        Environment.ProcessorCount);

    private static DateTimeOffset StartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }

    /// <summary>Field 20 (num_threads) of proc_pid_stat(5), counted after the command name, which may hold spaces.</summary>
    private static int ThreadCount()
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = File.ReadAllText(StatPath);
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 17 && int.TryParse(fields[17], NumberStyles.None, CultureInfo.InvariantCulture, out var threads)) return threads;
        }

        using var process = Process.GetCurrentProcess();
        return process.Threads.Count;
    }
}
