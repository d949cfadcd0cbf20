using System.Diagnostics;

namespace Eas.Cluster.Tests.Support;

/// <summary>
/// One server process of a test cluster (<c>dotnet eas-server.dll ...</c>) with its own HTTP port, cluster port
/// and data directory. Everything it writes to stdout and stderr goes to <see cref="LogPath"/>, so a failed test
/// can show what each node said. <see cref="KillAsync"/> is SIGKILL: no coordinated shutdown, no handoff, no goodbye
/// to the cluster, exactly what a crashed or unplugged node does.
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private bool _logClosed;

    private ClusterNode(int number, Process process, Uri baseUrl, int clusterPort, string logPath)
    {
        Number = number;
        _process = process;
        BaseUrl = baseUrl;
        ClusterPort = clusterPort;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>1 for the first node (the seed), counting up in start order.</summary>
    public int Number { get; }

    public Uri BaseUrl { get; }

    public int ClusterPort { get; }

    /// <summary>The node's cluster address as <c>/admin/api/cluster</c> reports it.</summary>
    public string Address => $"akka.tcp://eas@127.0.0.1:{ClusterPort}";

    public string LogPath { get; }

    public bool IsRunning => !_process.HasExited;

    public override string ToString() => $"node {Number} ({BaseUrl.Authority}, cluster port {ClusterPort})";

    /// <summary>Starts the process; it is not yet healthy or a cluster member when this returns.</summary>
    public static ClusterNode Start(int number, string serverDll, IReadOnlyList<string> arguments, Uri baseUrl, int clusterPort, string logPath)
    {
        var info = new ProcessStartInfo(DotnetHost(), [serverDll, .. arguments])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(logPath)!,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName} {serverDll}.");
        return new ClusterNode(number, process, baseUrl, clusterPort, logPath);
    }

    /// <summary>SIGSTOP (<paramref name="frozen"/>) or SIGCONT: the node stops answering anything, heartbeats included, then wakes up.</summary>
    public async Task FreezeAsync(bool frozen)
    {
        using var signal = Process.Start("kill", [frozen ? "-STOP" : "-CONT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await signal.WaitForExitAsync();
    }

    /// <summary>Whether the process ends within <paramref name="timeout"/>.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// SIGTERM, as a rolling restart or a container stop sends it: the host's coordinated shutdown leaves the cluster
    /// and hands the node's shards over. Returns once the signal is sent; <see cref="ExitsWithinAsync"/> waits for the end.
    /// </summary>
    public async Task TerminateAsync()
    {
        if (_process.HasExited) return;
        using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await signal.WaitForExitAsync();
    }

    /// <summary>SIGKILL (Process.Kill on Unix) and wait for the process to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines the node wrote.</summary>
    public string LogTail(int lines)
    {
        lock (_logGate)
        {
            if (!_logClosed) _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = new List<string>();
        while (reader.ReadLine() is { } line) all.Add(line);
        return string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_logGate)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_logGate)
        {
            if (!_logClosed) _log.WriteLine(line);
        }
    }

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH, set by the SDK), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
