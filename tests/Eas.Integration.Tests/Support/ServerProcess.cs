using System.Diagnostics;
using System.Text;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// <c>dotnet eas-server.dll ARGS</c> as a process of its own (the build beside the tests), for what only a real process
/// shows: a subcommand's exit code and output as an operator's shell sees them, a start that ends the process, and
/// <see cref="KillAsync"/>, which is SIGKILL: no shutdown, no flush, exactly a crash or an OOM kill.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The server binary the test project was built with.</summary>
    public static string ServerDll { get; } = Path.Combine(AppContext.BaseDirectory, "eas-server.dll");

    /// <summary>What the process wrote to stdout and stderr so far, interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (_gate) return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(DotnetHost(), [ServerDll, .. arguments])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        return new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName} {ServerDll}."));
    }

    /// <summary>Runs <paramref name="arguments"/> to its end (a subcommand) and gives its exit code and output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(TimeSpan deadline, params string[] arguments)
    {
        await using var process = Start(arguments);
        var exit = await process.ExitCodeWithinAsync(deadline);
        return (exit, process.Output);
    }

    /// <summary>The exit code; fails the test when the process is still running after <paramref name="deadline"/>.</summary>
    public async Task<int> ExitCodeWithinAsync(TimeSpan deadline)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(deadline);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"eas-server did not end within {deadline.TotalSeconds} s; its output:\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate) _output.AppendLine(line);
    }

    /// <summary>The dotnet host that runs the tests (DOTNET_HOST_PATH, set by the SDK), else <c>dotnet</c> on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
