using Eas.Mail.Net;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// The <c>dovecot -F</c> master process: started in the foreground so it stays our child, considered ready
/// when its IMAP port greets, stopped with SIGTERM (Dovecot then stops its own children) and killed with its
/// whole process tree if it does not exit in time.
/// </summary>
internal sealed class DovecotProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 50;

    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private DovecotProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    /// <summary>Runs <c>dovecot -n -c conf</c>, which parses the configuration and reports its errors.</summary>
    public static async Task CheckConfigurationAsync(string executable, string configPath, CancellationToken cancellationToken)
    {
        using var check = Process.Start(StartInfo(executable, "-n", "-c", configPath))
            ?? throw new InvalidOperationException($"Could not run {executable}.");
        var errors = check.StandardError.ReadToEndAsync(cancellationToken);
        await check.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await check.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (check.ExitCode != 0)
            throw new InvalidOperationException($"Dovecot rejected {configPath}: {(await errors.ConfigureAwait(false)).Trim()}");
    }

    public static DovecotProcess Start(string executable, string configPath)
    {
        var process = new Process { StartInfo = StartInfo(executable, "-F", "-c", configPath) };
        var started = new DovecotProcess(process);
        process.OutputDataReceived += (_, e) => started.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => started.Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>What Dovecot printed on stdout and stderr (the last lines), for error messages.</summary>
    public string Output()
    {
        lock (_output) return string.Join('\n', _output);
    }

    /// <summary>
    /// Waits until 127.0.0.1:<paramref name="port"/> answers with an untagged OK greeting. Returns false if the
    /// process exits first; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForGreetingAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            if (await GreetsAsync(port, cancellationToken).ConfigureAwait(false)) return true;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Dovecot did not greet on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return false;
    }

    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited) return;
        try
        {
            UnixAccount.Signal(_process.Id, UnixAccount.SigTerm);
            using var deadline = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }

    private static async Task<bool> GreetsAsync(int port, CancellationToken cancellationToken) =>
        (await MailTransport.ReadGreetingAsync(port, cancellationToken).ConfigureAwait(false))?.StartsWith("* OK", StringComparison.Ordinal) == true;

    private void Capture(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > MaxOutputLines) _output.Dequeue();
        }
    }
}
