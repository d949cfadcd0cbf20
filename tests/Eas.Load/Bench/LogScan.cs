using System.Text.RegularExpressions;

namespace Eas.Load.Bench;

/// <summary>
/// Warnings and errors in a log a bench kept: the server's (Serilog, <c>HH:mm:ss.fff WRN|ERR|FTL ...</c>) or
/// Dovecot's (<c>... process: Warning|Error|Fatal|Panic: ...</c>). Counts both, and groups the lines by what
/// follows the level (the same complaint from a thousand imap processes is one group), keeping the first
/// line and the count of the first few groups, so a report can show what went wrong without opening the file. Dovecot's note that it was stopped
/// (<c>master: Warning: Killed with signal 15</c>, the bench's own SIGTERM) is not counted.
/// </summary>
internal sealed partial record LogScan(string Name, string Path, int Warnings, int Errors, IReadOnlyList<(string FirstLine, int Count)> Problems)
{
    private const int KeptGroups = 6;
    private const int MaxLines = 5_000_000;
    private const string StopNotice = "master: Warning: Killed with signal 15 ";

    /// <param name="name">How the report calls this server: "server", or "node 2" in a cluster.</param>
    public static LogScan Server(string path, string name = "server") => Read(name, path, ServerLevel());

    public static LogScan Dovecot(string path) => Read("Dovecot", path, DovecotLevel());

    private static LogScan Read(string name, string path, Regex level)
    {
        int warnings = 0, errors = 0;
        var groups = new Dictionary<string, (string FirstLine, int Count)>(StringComparer.Ordinal);
        var order = new List<string>();
        if (!File.Exists(path)) return new LogScan(name, path, 0, 0, []);
        foreach (var line in File.ReadLines(path).Take(MaxLines))
        {
            var match = level.Match(line);
            if (!match.Success || line.Contains(StopNotice, StringComparison.Ordinal)) continue;
            if (match.Groups[1].Value is "WRN" or "Warning") warnings++;
            else errors++;
            var key = line[match.Groups[1].Index..];
            if (groups.TryGetValue(key, out var group))
            {
                groups[key] = (group.FirstLine, group.Count + 1);
            }
            else if (order.Count < KeptGroups)
            {
                order.Add(key);
                groups[key] = (line.Length > 300 ? line[..300] + "..." : line, 1);
            }
        }

        return new LogScan(name, path, warnings, errors, [.. order.Select(key => groups[key])]);
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d\.\d{3} (WRN|ERR|FTL) ")]
    private static partial Regex ServerLevel();

    [GeneratedRegex(@": (Warning|Error|Fatal|Panic): ")]
    private static partial Regex DovecotLevel();
}
