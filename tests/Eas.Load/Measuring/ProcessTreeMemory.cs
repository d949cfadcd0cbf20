using System.Globalization;

namespace Eas.Load.Measuring;

/// <summary>
/// The memory of a process and all its descendants (Dovecot's master and its imap, login, auth, ... children),
/// from /proc (Linux). <see cref="RssKib"/> adds every process's VmRSS, so pages they share (the binaries,
/// libraries) count once per process and the sum overstates what the tree costs; <see cref="PssKib"/> adds each
/// process's proportional set size (<c>Pss</c> of <c>/proc/PID/smaps_rollup</c>), in which a shared page is
/// split among its sharers, so it is the tree's real share of RAM.
/// </summary>
internal sealed record ProcessTreeMemory(int Processes, long RssKib, long PssKib)
{
    public static ProcessTreeMemory Read(int rootProcessId) => Of(Members(rootProcessId));

    /// <summary>The memory of <paramref name="members"/> (a tree read by <see cref="Members"/>).</summary>
    public static ProcessTreeMemory Of(IReadOnlyList<int> members)
    {
        long rss = 0, pss = 0;
        foreach (var pid in members)
        {
            rss += RssSampler.ReadKib(pid) ?? 0;
            pss += Pss(pid) ?? 0;
        }

        return new ProcessTreeMemory(members.Count, rss, pss);
    }

    /// <summary>The root and every process below it (by the parent id in <c>/proc/PID/stat</c>); empty if the root is gone.</summary>
    public static IReadOnlyList<int> Members(int rootProcessId)
    {
        var children = new Dictionary<int, List<int>>();
        var processes = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (ParentOf(pid) is not { } parent) continue;
            processes++;
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(pid);
        }

        var members = new List<int>();
        if (!Directory.Exists($"/proc/{rootProcessId}")) return members;
        var pending = new Stack<int>([rootProcessId]);
        while (pending.Count > 0 && members.Count <= processes)
        {
            var pid = pending.Pop();
            members.Add(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? []) pending.Push(child);
        }

        return members;
    }

    private static int? ParentOf(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // After the command name (in parentheses, which may itself hold any character): state, then ppid.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ', 3);
            return int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static long? Pss(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line["Pss:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
