using System.Globalization;
using Spectre.Console;

namespace Eas.Load.Bench;

/// <summary>
/// Dovecot learns of new mail in a session that IDLEs or NOTIFYs through an inotify instance of that imap
/// process; Linux allows each user <c>fs.inotify.max_user_instances</c> of them (128 by default), and every
/// mail process of the private Dovecot runs as the same user. Past the limit Dovecot logs "Inotify instance
/// limit ... exceeded, disabling" and that session only looks for changes every
/// <c>mailbox_idle_check_interval</c> (30 s), so pushes arrive up to 30 s late. One watcher session per
/// account needs one instance each, on top of what other processes of that user hold.
/// </summary>
internal static class InotifyLimit
{
    public const string Path = "/proc/sys/fs/inotify/max_user_instances";
    private const int Spare = 64;

    /// <summary>The limit, or null where it cannot be read (not Linux).</summary>
    public static int? Read()
    {
        try
        {
            return int.Parse(File.ReadAllText(Path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Writes whether <paramref name="watchers"/> watcher sessions fit, and what to do when they do not; true when they fit.</summary>
    public static bool Report(int watchers)
    {
        if (Read() is not { } limit) return true;
        if (watchers + Spare <= limit)
        {
            AnsiConsole.WriteLine($"inotify: fs.inotify.max_user_instances {limit:N0}, enough for {watchers:N0} watcher sessions.");
            return true;
        }

        var raise = $"As root: sysctl -w fs.inotify.max_user_instances={Math.Max(watchers + Spare, 8192)}";
        if (watchers <= limit)
        {
            AnsiConsole.WriteLine($"inotify: fs.inotify.max_user_instances {limit:N0} leaves little room beside {watchers:N0} watcher sessions (other processes of the mail user count too). {raise}");
            return true;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[yellow]Warning:[/] fs.inotify.max_user_instances is {limit:N0}, below the {watchers:N0} watcher sessions: Dovecot will check the mailboxes past the limit only every 30 s, and push latency will show that, not the server. {raise}");
        return false;
    }
}
