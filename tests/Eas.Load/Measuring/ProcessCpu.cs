using System.Globalization;

namespace Eas.Load.Measuring;

/// <summary>
/// CPU time of a process and everything under it, from <c>/proc/PID/stat</c> (Linux): user + system time of
/// each live process in the tree plus the time of children they have already reaped (cutime, cstime), in
/// USER_HZ ticks, which the /proc interface fixes at 100 per second. Read before and after a run, the
/// difference is what the tree spent meanwhile; a sync that is slow while its server's tree is idle waits,
/// one whose server is near a full core computes.
/// </summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    /// <summary>The CPU time of the process alone (no children); null if it is gone.</summary>
    public static TimeSpan? OwnTime(int processId) =>
        Read(processId) is { } process ? TimeSpan.FromSeconds(process.OwnTicks / TicksPerSecond) : null;

    /// <summary>The CPU time of <paramref name="rootProcessId"/> and its descendants; null if the root is gone.</summary>
    public static TimeSpan? TreeTime(int rootProcessId)
    {
        var all = ReadAll();
        if (!all.ContainsKey(rootProcessId)) return null;
        var children = all.Values.ToLookup(p => p.ParentId);
        var ticks = 0L;
        var pending = new Stack<int>([rootProcessId]);
        var seen = new HashSet<int>();
        while (pending.Count > 0 && seen.Count < all.Count)
        {
            var pid = pending.Pop();
            if (!seen.Add(pid) || !all.TryGetValue(pid, out var process)) continue;
            ticks += process.OwnTicks + process.ReapedTicks;
            foreach (var child in children[pid]) pending.Push(child.Id);
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>The first process whose command line contains <paramref name="fragment"/> (e.g. a config path); null if none.</summary>
    public static int? FindByCommandLine(string fragment)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(fragment, StringComparison.Ordinal)) return pid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private static Dictionary<int, ProcessTicks> ReadAll()
    {
        var result = new Dictionary<int, ProcessTicks>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Read(pid) is { } process) result[pid] = process;
        }

        return result;
    }

    /// <summary>Parses the fields after the command name, which is in parentheses and may itself hold spaces or parentheses.</summary>
    private static ProcessTicks? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 of proc(5): state; ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return new ProcessTicks(pid, (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record ProcessTicks(int Id, int ParentId, long OwnTicks, long ReapedTicks);
}

/// <summary>
/// A process to account CPU for, by name: the server, its IMAP store, this tool. With <paramref name="Tree"/>
/// its descendants count too (Dovecot's work is done by its imap children). This tool and the server are
/// accounted alone: their children are the server and Dovecot that this tool or the server's <c>demo</c>
/// mode started, which have rows of their own.
/// </summary>
internal sealed record CpuSource(string Name, int RootProcessId, bool Tree = true)
{
    public TimeSpan? Read() => Tree ? ProcessCpu.TreeTime(RootProcessId) : ProcessCpu.OwnTime(RootProcessId);
}

/// <summary>CPU a process tree spent during a run, against the run's wall time and the items it moved.</summary>
internal sealed record CpuUse(string Name, TimeSpan Cpu, TimeSpan Wall, int Items)
{
    public double ShareOfOneCore => Wall.TotalSeconds > 0 ? Cpu.TotalSeconds / Wall.TotalSeconds : 0;

    public double MillisecondsPerItem => Items > 0 ? Cpu.TotalMilliseconds / Items : 0;
}
