using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Eas.Mail.LocalDovecot;

namespace Eas.Mail.LocalRadicale;

/// <summary>
/// A private Radicale 3.1 (CardDAV and CalDAV, RFC 6352 and RFC 4791) for development, tests and the server's demo
/// mode: its own configuration, htpasswd users and storage, all under one data directory, listening on 127.0.0.1
/// only. It never reads or changes /etc/radicale or the system's Radicale service. A user's collections live under
/// <c>http://127.0.0.1:port/&lt;user&gt;/</c> (<see cref="HomeUrlTemplate"/>), which Radicale creates at the user's
/// first request; each user may reach only their own.
/// </summary>
/// <example>
/// <code>
/// await using var radicale = await RadicaleInstance.StartAsync(new RadicaleOptions { DataDirectory = dir });
/// radicale.AddUser("alice", "secret");
/// var home = radicale.HomeUrl("alice"); // http://127.0.0.1:port/alice/
/// </code>
/// </example>
public sealed class RadicaleInstance : IAsyncDisposable
{
    private const int PortAttempts = 3;
    private const int MaxOutputLines = 50;

    private readonly Process _process;
    private readonly Queue<string> _output;
    private readonly RadicaleUsers _users;
    private readonly TimeSpan _stopTimeout;
    private int _disposed;

    private RadicaleInstance(Process process, Queue<string> output, RadicaleUsers users, string dataDirectory, int port, TimeSpan stopTimeout)
    {
        _process = process;
        _output = output;
        _users = users;
        DataDirectory = dataDirectory;
        Port = port;
        _stopTimeout = stopTimeout;
    }

    public string DataDirectory { get; }

    /// <summary>The HTTP port on 127.0.0.1.</summary>
    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The address-book home of every user, with <c>{user}</c> for the (URL-escaped) user name.</summary>
    public string HomeUrlTemplate => $"http://127.0.0.1:{Port}/{{user}}/";

    public string ConfigPath => Path.Combine(DataDirectory, "config");

    private string StoragePath => Path.Combine(DataDirectory, "collections");

    /// <summary>
    /// Writes the configuration, starts <c>radicale --config</c> and waits until it answers HTTP. Fails with
    /// <see cref="FileNotFoundException"/> if Radicale is not installed, and with <see cref="InvalidOperationException"/>
    /// (carrying Radicale's own words) if it exits.
    /// </summary>
    public static async Task<RadicaleInstance> StartAsync(RadicaleOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(options.ExecutablePath))
            throw new FileNotFoundException(
                $"Radicale is not installed ({options.ExecutablePath} is missing); install it with `apt-get install radicale`.",
                options.ExecutablePath);

        var directory = Path.GetFullPath(options.DataDirectory);
        if (directory.Any(c => c is '\n' or '\r' or '%'))
            throw new ArgumentException("The Radicale data directory may not hold line breaks or '%'.", nameof(options));
        UnixFiles.CreateDirectory(directory, UnixFiles.OwnerOnlyDirectory);
        var users = new RadicaleUsers(Path.Combine(directory, "users"));
        users.Load();
        if (!File.Exists(users.Path)) UnixFiles.WritePrivate(users.Path, "");
        var configPath = Path.Combine(directory, "config");

        for (var attempt = 1; ; attempt++)
        {
            var port = options.Port ?? FreePort();
            var configuration = new RadicaleConfiguration(Path.Combine(directory, "collections"), users.Path, port, options.LogLevel);
            UnixFiles.WritePrivate(configPath, configuration.Render());

            var output = new Queue<string>();
            var process = Start(options.ExecutablePath, configPath, output);
            var instance = new RadicaleInstance(process, output, users, directory, port, options.StopTimeout);
            try
            {
                if (await instance.WaitUntilAnsweringAsync(options.StartTimeout, cancellationToken).ConfigureAwait(false)) return instance;
            }
            catch
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            var diagnostics = instance.Output();
            await instance.DisposeAsync().ConfigureAwait(false);
            if (diagnostics.Contains("Address already in use", StringComparison.Ordinal) && options.Port is null && attempt < PortAttempts) continue;
            throw new InvalidOperationException($"Radicale exited during start-up ({configPath}):\n{diagnostics}");
        }
    }

    /// <summary>The user's address-book home, <c>http://127.0.0.1:port/&lt;user&gt;/</c>.</summary>
    public Uri HomeUrl(string user) => new(BaseUrl, Uri.EscapeDataString(user) + "/");

    /// <summary>Adds a user or changes its password; takes effect at the next request (Radicale reads the file at every login).</summary>
    public void AddUser(string user, string password) => _users.Set(user, password);

    /// <summary>
    /// Writes an address book straight into the storage (<c>collections/collection-root/&lt;user&gt;/&lt;name&gt;/</c>), one
    /// <c>&lt;resource&gt;.vcf</c> file per vCard: a bulk import for tests and the demo that takes seconds where thousands of
    /// PUTs would take minutes. Radicale lists the directory at each request, so the collection is there at the next
    /// one; call it before clients use that collection, not while they write to it (this bypasses Radicale's lock).
    /// </summary>
    public async Task SeedAddressBookAsync(
        string user, string collection, string displayName, IEnumerable<KeyValuePair<string, string>> vcards, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(StoragePath, "collection-root", SafeSegment(user), SafeSegment(collection));
        Directory.CreateDirectory(folder);
        var props = JsonSerializer.Serialize(new Dictionary<string, string> { ["tag"] = "VADDRESSBOOK", ["D:displayname"] = displayName });
        await File.WriteAllTextAsync(Path.Combine(folder, ".Radicale.props"), props, cancellationToken).ConfigureAwait(false);
        foreach (var (name, vcard) in vcards)
            await File.WriteAllTextAsync(Path.Combine(folder, SafeSegment(name) + ".vcf"), vcard, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a calendar collection of <paramref name="component"/> objects (VEVENT, VTODO, VJOURNAL) straight into the
    /// storage, one <c>&lt;resource&gt;.ics</c> file per iCalendar object, with the same caveats as <see cref="SeedAddressBookAsync"/>.
    /// </summary>
    public async Task SeedCalendarAsync(
        string user, string collection, string displayName, string component, IEnumerable<KeyValuePair<string, string>> objects, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(StoragePath, "collection-root", SafeSegment(user), SafeSegment(collection));
        Directory.CreateDirectory(folder);
        var props = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["tag"] = "VCALENDAR",
            ["D:displayname"] = displayName,
            ["C:supported-calendar-component-set"] = component,
        });
        await File.WriteAllTextAsync(Path.Combine(folder, ".Radicale.props"), props, cancellationToken).ConfigureAwait(false);
        foreach (var (name, ics) in objects)
            await File.WriteAllTextAsync(Path.Combine(folder, SafeSegment(name) + ".ics"), ics, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What Radicale printed (its log: the last lines), for error messages.</summary>
    public string Output()
    {
        lock (_output) return string.Join('\n', _output);
    }

    /// <summary>Stops Radicale (SIGTERM, then a kill after the stop timeout).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!_process.HasExited)
        {
            try
            {
                UnixAccount.Signal(_process.Id, UnixAccount.SigTerm);
                using var deadline = new CancellationTokenSource(_stopTimeout);
                await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process.Dispose();
    }

    private static Process Start(string executable, string configPath, Queue<string> output)
    {
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(configPath);
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Capture(output, e.Data);
        process.ErrorDataReceived += (_, e) => Capture(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Capture(Queue<string> output, string? line)
    {
        if (line is null) return;
        lock (output)
        {
            output.Enqueue(line);
            if (output.Count > MaxOutputLines) output.Dequeue();
        }
    }

    /// <summary>True once any HTTP answer comes from the port; false if the process exits first.</summary>
    private async Task<bool> WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            try
            {
                using var response = await probe.GetAsync(BaseUrl, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (clock.Elapsed > timeout)
                    throw new TimeoutException($"Radicale did not answer on 127.0.0.1:{Port} within {timeout.TotalSeconds:0} s:\n{Output()}");
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return false;
    }

    private static string SafeSegment(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name is "." or ".." || name.StartsWith('.') || name.Any(c => c is '/' or '\\' || char.IsControl(c)))
            throw new ArgumentException($"'{name}' cannot name a Radicale user, collection or item file.", nameof(name));
        return name;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
