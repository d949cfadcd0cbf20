using System.Diagnostics;
using System.Runtime.InteropServices;
using Eas.Load.Safety;

namespace Eas.Load.Bench;

/// <summary>
/// The EAS server as a child process (<c>dotnet eas-server.dll ...</c>), so its memory can be sampled on its
/// own. Its console output goes to a log file. Start returns once <c>/healthz</c> answers; stop sends SIGTERM
/// (the server then answers what it holds and writes its state) and kills the process tree only if it has
/// not exited within the grace period. With a descriptor limit the server runs under prlimit(1), which sets
/// RLIMIT_NOFILE (soft and hard, so the runtime cannot raise it) and then execs the server in its own place: the
/// process id stays the server's.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    /// <summary>util-linux's prlimit(1), which runs a command under the limits it is given.</summary>
    public const string PrlimitPath = "/usr/bin/prlimit";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logGate = new();
    private bool _logClosed;

    private ServerProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogPath { get; }

    /// <summary>
    /// Starts the server (with <paramref name="environment"/> added to its variables, and under
    /// <paramref name="descriptorLimit"/> when given) and waits until <paramref name="baseUrl"/>/healthz says ok, at most
    /// <paramref name="startTimeout"/>.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        string serverDll, IReadOnlyList<string> arguments, Uri baseUrl, string logPath, TimeSpan startTimeout, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null, long? descriptorLimit = null)
    {
        var info = descriptorLimit is { } limit
            ? new ProcessStartInfo(PrlimitPath, [$"--nofile={limit}:{limit}", "--", DotnetHost(), serverDll, .. arguments])
            : new ProcessStartInfo(DotnetHost(), [serverDll, .. arguments]);
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetDirectoryName(serverDll)!;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName} {serverDll}.");
        var server = new ServerProcess(process, logPath);
        try
        {
            await server.WaitUntilHealthyAsync(baseUrl, startTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The last lines the server wrote, for error messages.</summary>
    public string LogTail(int lines = 20)
    {
        lock (_logGate)
        {
            if (!_logClosed) _log.Flush();
        }

        return File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(lines)) : "";
    }

    /// <summary>SIGKILL, as when the machine dies: the server says goodbye to nobody. Returns once the process has exited.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _ = NativeMethods.kill(_process.Id, SigKill);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>SIGTERM, then a kill after the grace period; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _ = NativeMethods.kill(_process.Id, SigTerm);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_logGate)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = LoopbackHttp.CreateClient();
        http.Timeout = TimeSpan.FromSeconds(2);
        var health = new Uri(baseUrl, "/healthz");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} during start-up:\n{LogTail()}");
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        throw new TimeoutException($"The server did not answer {health} within {timeout.TotalSeconds:0} s:\n{LogTail()}");
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_logGate)
        {
            if (!_logClosed) _log.WriteLine(line);
        }
    }

    /// <summary>The dotnet host that runs this tool (DOTNET_HOST_PATH, set by the SDK), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int kill(int pid, int sig);
    }
}
