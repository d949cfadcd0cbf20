using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Eas.Mail.LocalDovecot;

/// <summary>
/// A private Dovecot 2.3 for development, tests and the server's demo mode: its own dovecot.conf, sockets,
/// state, log, self-signed certificate, passwd-file users and maildirs, all under one data directory, listening
/// on 127.0.0.1 only (a plain port offering STARTTLS and an implicit-TLS port; optionally LMTP and an
/// authentication listener for a local MTA, see <see cref="DovecotOptions.EnableLmtp"/>). It never reads or changes
/// /etc/dovecot or the system's Dovecot. Users' passwords are stored in plaintext (<c>{PLAIN.b64}</c>), which
/// is acceptable for this throw-away instance and nothing else.
/// </summary>
/// <example>
/// <code>
/// await using var dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = dir });
/// dovecot.AddUser("alice", "secret");
/// await dovecot.DeliverAsync("alice", "From: bob@example.com\nSubject: Hi\n\nHello\n");
/// using var client = new MailKit.Net.Imap.ImapClient { ServerCertificateValidationCallback = dovecot.IsOwnCertificate };
/// await client.ConnectAsync("127.0.0.1", dovecot.ImapsPort, SecureSocketOptions.SslOnConnect);
/// await client.AuthenticateAsync("alice", "secret");
/// </code>
/// </example>
public sealed class DovecotInstance : IAsyncDisposable
{
    /// <summary>
    /// The domain of LMTP recipients whose local part alone is the Dovecot user (users named without a domain,
    /// like <c>alice</c>): <c>alice@bare-user.invalid</c> is delivered to <c>alice</c>. Any other recipient is
    /// the user named by the whole address, as an IMAP login would be. ".invalid" never exists (RFC 2606).
    /// </summary>
    public const string LmtpBareUserDomain = "bare-user.invalid";

    private const int PortAttempts = 3;

    private readonly DovecotProcess _process;
    private readonly DovecotLayout _layout;
    private readonly DovecotPasswdFiles _users;
    private readonly DovecotPasswdFiles? _masters;
    private readonly MaildirWriter _maildir;
    private readonly TimeSpan _stopTimeout;
    private readonly string _certificateHash;
    private int _disposed;

    private DovecotInstance(
        DovecotProcess process, DovecotLayout layout, DovecotConfiguration configuration, X509Certificate2 certificate,
        DovecotPasswdFiles users, DovecotPasswdFiles? masters, MaildirWriter maildir, TimeSpan stopTimeout)
    {
        _process = process;
        _layout = layout;
        ImapPort = configuration.ImapPort;
        ImapsPort = configuration.ImapsPort;
        LmtpPort = configuration.LmtpPort;
        AuthPort = configuration.AuthPort;
        ManageSievePort = configuration.ManageSievePort;
        Certificate = certificate;
        _certificateHash = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        _users = users;
        _masters = masters;
        _maildir = maildir;
        _stopTimeout = stopTimeout;
    }

    public string DataDirectory => _layout.DataDirectory;

    public string ConfigPath => _layout.ConfigPath;

    /// <summary>Dovecot's log: logins, failures with their reasons (auth_verbose), errors.</summary>
    public string LogPath => _layout.LogPath;

    /// <summary>The plain port (STARTTLS offered) on 127.0.0.1.</summary>
    public int ImapPort { get; }

    /// <summary>The implicit-TLS port on 127.0.0.1.</summary>
    public int ImapsPort { get; }

    /// <summary>The LMTP port on 127.0.0.1 (see <see cref="LmtpBareUserDomain"/>); null unless <see cref="DovecotOptions.EnableLmtp"/>.</summary>
    public int? LmtpPort { get; }

    /// <summary>
    /// The auth-client port on 127.0.0.1 for an MTA's SMTP AUTH (Postfix <c>smtpd_sasl_path = inet:127.0.0.1:port</c>);
    /// null unless <see cref="DovecotOptions.EnableAuthListener"/>.
    /// </summary>
    public int? AuthPort { get; }

    /// <summary>The ManageSieve port on 127.0.0.1 (STARTTLS offered); null unless <see cref="DovecotOptions.EnableSieve"/>.</summary>
    public int? ManageSievePort { get; }

    /// <summary>The instance's self-signed certificate (public part).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// Writes the configuration, starts <c>dovecot -F</c> and waits for its greeting. Fails with
    /// <see cref="FileNotFoundException"/> if Dovecot is not installed, and with
    /// <see cref="InvalidOperationException"/> (carrying Dovecot's own words) if it rejects the configuration
    /// or exits.
    /// </summary>
    public static async Task<DovecotInstance> StartAsync(DovecotOptions options, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(options.ExecutablePath))
            throw new FileNotFoundException(
                $"Dovecot is not installed ({options.ExecutablePath} is missing); install it with `apt-get install dovecot-imapd`.",
                options.ExecutablePath);

        var layout = DovecotLayout.For(options.DataDirectory);
        var accounts = DovecotAccounts.Detect(options.MailUser);
        var searchable = accounts.ForeignMailOwner is null ? UnixFileMode.None : UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if (accounts.ForeignMailOwner is not null) CheckReachable(layout.DataDirectory, options.MailUser);
        Directory.CreateDirectory(layout.DataDirectory);
        UnixFiles.SetMode(layout.DataDirectory, UnixFiles.OwnerOnlyDirectory | searchable);
        Directory.CreateDirectory(layout.BaseDirectory);
        RemoveStaleSockets(layout);
        Directory.CreateDirectory(layout.StateDirectory);

        var certificate = SelfSignedCertificate.Ensure(layout.CertificatePath, layout.KeyPath);
        var users = new DovecotPasswdFiles(layout.UsersDirectory);
        var masters = options.EnableMasterUsers ? new DovecotPasswdFiles(layout.MasterUsersDirectory) : null;
        var maildir = new MaildirWriter(layout.MailRoot, accounts.ForeignMailOwner);
        maildir.CreateOwnedDirectory(layout.MailRoot);

        for (var attempt = 1; ; attempt++)
        {
            var imapPort = options.ImapPort ?? FreePort();
            var imapsPort = options.ImapsPort ?? FreePort(imapPort);
            int? lmtpPort = options.EnableLmtp ? FreePort(imapPort, imapsPort) : null;
            int? authPort = options.EnableAuthListener ? FreePort(imapPort, imapsPort, lmtpPort ?? 0) : null;
            int? sievePort = options.EnableSieve ? FreePort(imapPort, imapsPort, lmtpPort ?? 0, authPort ?? 0) : null;
            var configuration = new DovecotConfiguration(
                layout, imapPort, imapsPort, accounts, options.EnableMasterUsers, options.MaxConnections, lmtpPort, authPort, options.ImapCapability,
                options.EnableMetadata, sievePort, options.SieveSubmissionHost, options.PushWebhook);
            UnixFiles.WritePrivate(layout.ConfigPath, configuration.Render());
            if (options.PushWebhook is not null) WritePushScript(layout.PushScriptPath);
            await DovecotProcess.CheckConfigurationAsync(options.ExecutablePath, layout.ConfigPath, cancellationToken).ConfigureAwait(false);

            var process = DovecotProcess.Start(options.ExecutablePath, layout.ConfigPath);
            try
            {
                if (await process.WaitForGreetingAsync(imapPort, options.StartTimeout, cancellationToken).ConfigureAwait(false))
                    return new DovecotInstance(process, layout, configuration, certificate, users, masters, maildir, options.StopTimeout);
            }
            catch
            {
                await process.DisposeAsync().ConfigureAwait(false);
                certificate.Dispose();
                throw;
            }

            var diagnostics = $"{process.Output()}\n{LogTail(layout.LogPath)}".Trim();
            await process.DisposeAsync().ConfigureAwait(false);
            var portTaken = diagnostics.Contains("Address already in use", StringComparison.Ordinal);
            if (portTaken && options.ImapPort is null && options.ImapsPort is null && attempt < PortAttempts) continue;
            certificate.Dispose();
            throw new InvalidOperationException($"Dovecot exited during start-up ({layout.ConfigPath}):\n{diagnostics}");
        }
    }

    /// <summary>
    /// Adds a user or changes its password; usable while running (a new user can log in at once, a changed
    /// password takes effect within a second). User names are lower-cased, as Dovecot's default
    /// <c>auth_username_format = %Lu</c> does at login.
    /// </summary>
    public void AddUser(string user, string password) => _users.Set(NormalizeUser(user), CheckPassword(password));

    /// <summary>
    /// Adds a master user (requires <see cref="DovecotOptions.EnableMasterUsers"/>): it logs in as any existing
    /// user with the login name <c>user*master</c> and its own password, or with AUTHENTICATE PLAIN giving the
    /// user as authorization identity.
    /// </summary>
    public void AddMasterUser(string user, string password)
    {
        if (_masters is null) throw new InvalidOperationException("Master users need DovecotOptions.EnableMasterUsers.");
        _masters.Set(NormalizeUser(user), CheckPassword(password));
    }

    /// <summary>
    /// Writes a message (RFC 5322 octets) into the user's INBOX as a maildir file, unread unless
    /// <paramref name="seen"/>. Returns the file's path.
    /// </summary>
    public Task<string> DeliverAsync(string user, ReadOnlyMemory<byte> message, bool seen = false, CancellationToken cancellationToken = default) =>
        _maildir.DeliverAsync(NormalizeUser(user), message, seen, cancellationToken);

    /// <summary>Writes a message given as text (encoded as UTF-8) into the user's INBOX.</summary>
    public Task<string> DeliverAsync(string user, string message, bool seen = false, CancellationToken cancellationToken = default) =>
        DeliverAsync(user, Encoding.UTF8.GetBytes(message), seen, cancellationToken);

    /// <summary>Stops Dovecot (SIGTERM, then a kill of its process tree after the stop timeout).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _process.StopAsync(_stopTimeout).ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);
        Certificate.Dispose();
    }

    /// <summary>
    /// A certificate check (fits <see cref="RemoteCertificateValidationCallback"/>) that accepts exactly this
    /// instance's self-signed certificate, whatever name a client connects by.
    /// </summary>
    public bool IsOwnCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == _certificateHash;

    private static string NormalizeUser(string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        if (!user.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            throw new ArgumentException("Dovecot user names may hold only ASCII letters, digits, '.', '-', '_' and '@'.", nameof(user));
        return user.ToLowerInvariant();
    }

    private static string CheckPassword(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return password;
    }

    /// <summary>
    /// Running as root, the mail processes run as <see cref="DovecotOptions.MailUser"/> and must be able to pass
    /// through every directory above the maildirs; otherwise logins would fail later with a log entry only.
    /// </summary>
    private static void CheckReachable(string dataDirectory, string mailUser)
    {
        if (UnixFiles.FindUnsearchableParent(dataDirectory) is { } parent)
            throw new InvalidOperationException(
                $"Dovecot's mail processes run as '{mailUser}' and cannot pass through {parent}; choose a data directory they can reach, e.g. under /tmp or /var/lib.");
    }

    /// <summary>
    /// Deletes the auth-penalty socket an earlier Dovecot version of this configuration may have left: while
    /// the file exists, auth retries connecting to it for 5 s at start-up instead of giving up at once.
    /// </summary>
    private static void RemoveStaleSockets(DovecotLayout layout) =>
        File.Delete(Path.Combine(layout.BaseDirectory, "anvil-auth-penalty"));

    /// <summary>A port of 127.0.0.1 that was free a moment ago, for a server started next to this one (a Postfix whose port Dovecot must name).</summary>
    public static int FreePort(params int[] except)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (!except.Contains(port)) return port;
        }
    }

    private static string LogTail(string logPath) =>
        File.Exists(logPath) ? string.Join('\n', File.ReadLines(logPath).TakeLast(20)) : "";

    /// <summary>The driver script, world-readable: the imap and lmtp processes load it after switching to the mail user.</summary>
    private static void WritePushScript(string path)
    {
        File.WriteAllText(path, DovecotPushWebhook.Script());
        UnixFiles.SetMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
