using Eas.Mail.Net;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Eas.Mail.LocalPostfix;

/// <summary>
/// Runs <c>postfix -c &lt;config&gt; &lt;command&gt;</c> and <c>postconf</c> for one private instance. Postfix's
/// master daemonizes (<c>master -w</c>), so it is not our child: it is found in /proc (<see cref="MasterPid"/>),
/// and whether it runs is asked of <c>postfix status</c>. Postfix reports most problems in its log
/// (maillog_file), and prints to stderr only when that is a terminal, so failures carry the log lines written
/// meanwhile.
/// </summary>
internal sealed class PostfixControl(PostfixLayout layout, string executable)
{
    private const int LogLines = 30;

    private string Postconf => Path.Combine(Path.GetDirectoryName(executable) ?? "/usr/sbin", "postconf");

    /// <summary>
    /// <c>postconf -n</c> (which, unlike the postfix command, prints syntax errors and unknown parameters on
    /// stderr), then <c>postfix check</c> (directories, ownership, master.cf).
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var offset = LogLength();
        var parse = await RunAsync(Postconf, ["-c", layout.ConfigDirectory, "-n"], cancellationToken).ConfigureAwait(false);
        if (parse.ExitCode != 0)
            throw new InvalidOperationException($"Postfix rejected {layout.MainConfigPath}:\n{parse.Errors.Trim()}");
        var check = await PostfixAsync("check", cancellationToken).ConfigureAwait(false);
        if (check.ExitCode != 0)
            throw new InvalidOperationException($"postfix check failed for {layout.ConfigDirectory}:\n{Diagnostics(check, offset)}");
    }

    /// <summary>
    /// <c>postfix start</c>: returns once the master has bound its sockets (or failed). Returns null on success,
    /// else what Postfix said.
    /// </summary>
    public async Task<string?> StartAsync(CancellationToken cancellationToken)
    {
        var offset = LogLength();
        var start = await PostfixAsync("start", cancellationToken).ConfigureAwait(false);
        return start.ExitCode == 0 ? null : Diagnostics(start, offset);
    }

    public async Task<bool> IsRunningAsync(CancellationToken cancellationToken) =>
        (await PostfixAsync("status", cancellationToken).ConfigureAwait(false)).ExitCode == 0;

    /// <summary>
    /// <c>postfix reload</c>, then waits (up to <paramref name="timeout"/>) until every daemon that was running
    /// before has exited: the master tells them to, and they do as soon as they are idle, but until then an
    /// idle smtpd could still take a new connection with the tables it read at its start.
    /// </summary>
    public async Task ReloadAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var before = MasterPid() is { } master ? ChildrenOf(master) : [];
        var offset = LogLength();
        var reload = await PostfixAsync("reload", cancellationToken).ConfigureAwait(false);
        if (reload.ExitCode != 0)
            throw new InvalidOperationException($"postfix reload failed for {layout.ConfigDirectory}:\n{Diagnostics(reload, offset)}");
        var clock = Stopwatch.StartNew();
        while (before.Any(IsAlive) && clock.Elapsed < timeout)
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>postfix stop</c> (SIGTERM to the master, which stops its daemons; the script itself kills them after
    /// 5 s), then waits for the master to exit; if it is still there after <paramref name="timeout"/>, its
    /// process tree is killed.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        var master = MasterPid();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await PostfixAsync("stop", deadline.Token).ConfigureAwait(false);
            while (master is { } running && IsAlive(running))
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException)
        {
            // Killed below.
        }

        if (master is not { } pid || !IsAlive(pid)) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    /// <summary>Waits until 127.0.0.1:<paramref name="port"/> sends a 220 greeting (RFC 5321 section 4.3.1).</summary>
    public static async Task<bool> GreetsAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await TryGreetingAsync(port, cancellationToken).ConfigureAwait(false)) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>The last lines Postfix logged, for error messages.</summary>
    public string LogTail(long fromOffset = 0)
    {
        if (!File.Exists(layout.LogPath)) return "";
        using var stream = new FileStream(layout.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(fromOffset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.TakeLast(LogLines));
    }

    public long LogLength() => File.Exists(layout.LogPath) ? new FileInfo(layout.LogPath).Length : 0;

    /// <summary>
    /// The running master of this instance: the process named <c>master</c> whose working directory is the
    /// queue directory (the master chdirs there). Its pid file cannot be read instead: the master holds an
    /// exclusive lock on it, and .NET takes a shared one to read.
    /// </summary>
    public int? MasterPid()
    {
        foreach (var pid in Processes())
        {
            try
            {
                if (File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n') == "master"
                    && new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget == layout.QueueDirectory)
                    return pid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to inspect.
            }
        }

        return null;
    }

    private string Diagnostics((int ExitCode, string Output, string Errors) result, long logOffset) =>
        $"exit code {result.ExitCode}\n{result.Output}\n{result.Errors}\n{LogTail(logOffset)}".Trim();

    private Task<(int ExitCode, string Output, string Errors)> PostfixAsync(string command, CancellationToken cancellationToken) =>
        RunAsync(executable, ["-c", layout.ConfigDirectory, command], cancellationToken);

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        string program, string[] arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not run {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name is { Length: > 0 } && name.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture));

    /// <summary>The processes whose parent is <paramref name="parent"/>, from /proc.</summary>
    private static int[] ChildrenOf(int parent) => [.. Processes().Where(pid => Stat(pid) is { } stat && stat.Parent == parent)];

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    private static bool IsAlive(int pid) => Stat(pid) is { State: not 'Z' };

    /// <summary>State and parent pid from /proc/pid/stat, whose second field (the name) may hold spaces.</summary>
    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<bool> TryGreetingAsync(int port, CancellationToken cancellationToken)
    {
        var greeting = await MailTransport.ReadGreetingAsync(port, cancellationToken).ConfigureAwait(false);
        return greeting?.StartsWith("220 ", StringComparison.Ordinal) == true;
    }
}
