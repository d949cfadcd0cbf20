using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Eas.Mail.LocalDovecot;

namespace Eas.Mail.LocalSlapd;

/// <summary>
/// A private OpenLDAP slapd for development, tests and the demo: its own slapd.conf and mdb database under one data
/// directory, listening on <c>ldap://127.0.0.1:port/</c> only, run as the current user in the foreground (so it stays
/// our child), stopped with SIGTERM on dispose. It never reads or changes /etc/ldap/slapd.d or the system's slapd.
/// Entries are added with <c>ldapadd</c> as the root DN (<see cref="AddAsync"/>).
/// </summary>
/// <example>
/// <code>
/// await using var slapd = await SlapdInstance.StartAsync(new SlapdOptions { DataDirectory = dir });
/// await slapd.AddAsync("dn: cn=Alice,dc=example,dc=com\nobjectClass: inetOrgPerson\ncn: Alice\nsn: Smith\nmail: alice@example.com\n");
/// // ldap://127.0.0.1:{slapd.Port}, bind as slapd.RootDn / slapd.RootPassword, base slapd.Suffix
/// </code>
/// </example>
public sealed class SlapdInstance : IAsyncDisposable
{
    private const int PortAttempts = 3;
    private const int MaxOutputLines = 50;

    private readonly SlapdOptions _options;
    private readonly SlapdConfiguration _configuration;
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private int _stopped;

    private SlapdInstance(SlapdOptions options, SlapdConfiguration configuration, Process process, int port)
    {
        _options = options;
        _configuration = configuration;
        _process = process;
        Port = port;
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>ldap://127.0.0.1:port</c>.</summary>
    public Uri Url => new($"ldap://127.0.0.1:{Port}");

    public string Suffix => _options.Suffix;

    public string RootDn => _configuration.RootDn;

    public string RootPassword => _options.RootPassword;

    public string DataDirectory => _configuration.DataDirectory;

    /// <summary>Whether slapd is still running (false after <see cref="StopAsync"/>).</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>
    /// Writes slapd.conf, checks it with slaptest, creates the suffix's top entry with slapadd on the first start,
    /// starts slapd and waits until it accepts connections. Fails with <see cref="FileNotFoundException"/> when slapd
    /// or ldap-utils are not installed, and with <see cref="InvalidOperationException"/> (carrying slapd's words) when
    /// it rejects the configuration or exits.
    /// </summary>
    public static async Task<SlapdInstance> StartAsync(SlapdOptions options, CancellationToken cancellationToken = default)
    {
        foreach (var tool in new[] { options.ExecutablePath, options.LdapAddPath })
        {
            if (!File.Exists(tool))
                throw new FileNotFoundException($"{tool} is missing; install OpenLDAP with `apt-get install slapd ldap-utils`.", tool);
        }

        var configuration = new SlapdConfiguration(options, Path.GetFullPath(options.DataDirectory).TrimEnd('/'));
        Directory.CreateDirectory(configuration.DataDirectory);
        UnixFiles.SetMode(configuration.DataDirectory, UnixFiles.OwnerOnlyDirectory);
        var fresh = !Directory.Exists(configuration.DatabaseDirectory);
        Directory.CreateDirectory(configuration.DatabaseDirectory);
        UnixFiles.WritePrivate(configuration.ConfigPath, configuration.Render());
        await SlapdTool.RunAsync(Tool(options, "slaptest"), ["-u", "-Q", "-f", configuration.ConfigPath], null, cancellationToken).ConfigureAwait(false);
        if (fresh)
            await SlapdTool.RunAsync(Tool(options, "slapadd"), ["-q", "-f", configuration.ConfigPath], configuration.TopEntry(), cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? FreePort();
            var instance = Launch(options, configuration, port);
            try
            {
                if (await instance.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false)) return instance;
            }
            catch
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var diagnostics = instance.Output();
            await instance.DisposeAsync().ConfigureAwait(false);
            if (diagnostics.Contains("Address already in use", StringComparison.Ordinal) && options.Port is null && attempt < PortAttempts) continue;
            throw new InvalidOperationException($"slapd exited during start-up ({configuration.ConfigPath}):\n{diagnostics}");
        }
    }

    /// <summary>Adds the entries of an LDIF text (RFC 2849) with <c>ldapadd</c>, bound as the root DN.</summary>
    public Task AddAsync(string ldif, CancellationToken cancellationToken = default) =>
        SlapdTool.RunAsync(_options.LdapAddPath, ["-x", "-H", Url.ToString(), "-D", RootDn, "-w", RootPassword], ldif, cancellationToken);

    /// <summary>What slapd printed (the last lines), for error messages.</summary>
    public string Output()
    {
        lock (_output) return string.Join('\n', _output);
    }

    /// <summary>Stops slapd (SIGTERM, then a kill after the stop timeout); the data directory stays.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1 || _process.HasExited) return;
        try
        {
            UnixAccount.Signal(_process.Id, UnixAccount.SigTerm);
            using var deadline = new CancellationTokenSource(_options.StopTimeout);
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
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static SlapdInstance Launch(SlapdOptions options, SlapdConfiguration configuration, int port)
    {
        var info = new ProcessStartInfo(options.ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // -d 0: stay in the foreground (our child, stopped with us) without debug output; errors still reach stderr.
        foreach (var argument in new[] { "-d", "0", "-f", configuration.ConfigPath, "-h", $"ldap://127.0.0.1:{port}/" }) info.ArgumentList.Add(argument);
        var process = new Process { StartInfo = info };
        var instance = new SlapdInstance(options, configuration, process, port);
        process.OutputDataReceived += (_, e) => instance.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Capture(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>True once the port accepts a connection; false when slapd exits first; a timeout after the start timeout.</summary>
    private async Task<bool> WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                if (clock.Elapsed > _options.StartTimeout)
                    throw new TimeoutException($"slapd did not listen on 127.0.0.1:{Port} within {_options.StartTimeout.TotalSeconds:0} s.");
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken).ConfigureAwait(false);
            }
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return false;
    }

    private void Capture(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > MaxOutputLines) _output.Dequeue();
        }
    }

    private static string Tool(SlapdOptions options, string name) => Path.Combine(options.ToolsDirectory, name);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
