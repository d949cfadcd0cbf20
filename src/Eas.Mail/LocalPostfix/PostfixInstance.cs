using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Eas.Mail.LocalDovecot;

namespace Eas.Mail.LocalPostfix;

/// <summary>
/// A private Postfix 3.x for development, tests and the server's demo mode, in front of a private
/// <see cref="DovecotInstance"/>: its own main.cf and master.cf, queue, log and self-signed certificate, all
/// under one data directory, started with <c>postfix -c &lt;dir&gt; start</c>. It listens on 127.0.0.1 only, with
/// a submission port (STARTTLS offered) and an implicit-TLS port, both with SMTP AUTH checked by Dovecot
/// (<c>smtpd_sasl_type = dovecot</c>). It accepts mail only for its mailboxes (others in their domains get
/// 550 5.1.1 at RCPT; other domains 554 5.7.1 unless authenticated, and then 550 5.7.1, since it delivers
/// nowhere else) and delivers it to Dovecot over LMTP. It never reads or changes /etc/postfix or the system's
/// Postfix. Postfix must run as root; its daemons run as <see cref="PostfixOptions.MailOwner"/>.
/// </summary>
/// <remarks>
/// Postfix's master daemonizes, so it outlives a process that dies without disposing this instance; the next
/// start on the same data directory stops it first.
/// </remarks>
/// <example>
/// <code>
/// await using var dovecot = await DovecotInstance.StartAsync(new DovecotOptions { DataDirectory = dir1, EnableLmtp = true, EnableAuthListener = true });
/// dovecot.AddUser("alice", "secret");
/// await using var postfix = await PostfixInstance.StartAsync(PostfixOptions.For(dovecot, dir2) with
///     { Mailboxes = new Dictionary&lt;string, string&gt; { ["alice@example.com"] = "alice" } });
/// // any SMTP client: 127.0.0.1:postfix.SubmissionPort with STARTTLS, certificate checked by postfix.IsOwnCertificate
/// </code>
/// </example>
public sealed class PostfixInstance : IAsyncDisposable
{
    /// <summary>The instance's <c>myhostname</c>, in the reserved .test domain (RFC 2606).</summary>
    public const string HostName = "mail.eas.test";

    private const int PortAttempts = 3;
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(5);

    private readonly PostfixControl _control;
    private readonly PostfixLayout _layout;
    private readonly PostfixConfiguration _configuration;
    private readonly PostfixMailboxes _mailboxes;
    private readonly PostfixOptions _options;
    private readonly string _certificateHash;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private int _disposed;

    private PostfixInstance(
        PostfixControl control, PostfixLayout layout, PostfixConfiguration configuration, PostfixMailboxes mailboxes,
        PostfixOptions options, X509Certificate2 certificate)
    {
        _control = control;
        _layout = layout;
        _configuration = configuration;
        _mailboxes = mailboxes;
        _options = options;
        Certificate = certificate;
        _certificateHash = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        IsRunning = true;
    }

    public string DataDirectory => _layout.DataDirectory;

    /// <summary>The directory passed to <c>postfix -c</c>: main.cf, master.cf and the lookup tables.</summary>
    public string ConfigDirectory => _layout.ConfigDirectory;

    /// <summary>Postfix's log (maillog_file): connections, rejections with their reasons, deliveries, errors.</summary>
    public string LogPath => _layout.LogPath;

    /// <summary>The submission port (STARTTLS offered) on 127.0.0.1.</summary>
    public int SubmissionPort => _configuration.SubmissionPort;

    /// <summary>The implicit-TLS submission port on 127.0.0.1.</summary>
    public int SubmissionsPort => _configuration.SubmissionsPort;

    /// <summary>The instance's self-signed certificate (public part).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Whether Postfix runs: true after start, false after <see cref="StopAsync"/> until <see cref="StartAgainAsync"/>.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>
    /// Writes the configuration, checks it (<c>postconf -n</c>, <c>postfix check</c>), starts Postfix and waits
    /// for its greeting. Fails with <see cref="FileNotFoundException"/> if Postfix is not installed, and with
    /// <see cref="InvalidOperationException"/> (carrying Postfix's own words and log) if it rejects the
    /// configuration or does not start.
    /// </summary>
    public static async Task<PostfixInstance> StartAsync(PostfixOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ExecutablePath))
            throw new FileNotFoundException(
                $"Postfix is not installed ({options.ExecutablePath} is missing); install it with `echo \"postfix postfix/main_mailer_type select No configuration\" | debconf-set-selections && apt-get install postfix`.",
                options.ExecutablePath);
        if (!UnixAccount.IsRoot) throw new InvalidOperationException("A private Postfix must be started as root (its master binds and then drops to mail_owner).");
        if (UnixAccount.FindUser(options.MailOwner) is not { } owner || owner.Uid == 0)
            throw new InvalidOperationException($"The Postfix mail_owner '{options.MailOwner}' must be an existing unprivileged account.");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MessageSizeLimit, 1024, nameof(options.MessageSizeLimit));

        var layout = PostfixLayout.For(options.DataDirectory);
        if (UnixFiles.FindUnsearchableParent(layout.DataDirectory) is { } hidden)
            throw new InvalidOperationException(
                $"Postfix's daemons run as '{options.MailOwner}' and cannot pass through {hidden}; choose a data directory they can reach, e.g. under /tmp or /var/lib.");
        var mailboxes = new PostfixMailboxes();
        foreach (var (address, user) in options.Mailboxes) mailboxes.Set(address, user);

        var control = new PostfixControl(layout, options.ExecutablePath);
        Directory.CreateDirectory(layout.DataDirectory);
        UnixFiles.SetMode(layout.DataDirectory, UnixFiles.OwnerOnlyDirectory | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        if (File.Exists(layout.MainConfigPath) && await control.IsRunningAsync(cancellationToken).ConfigureAwait(false))
            await control.StopAsync(options.StopTimeout).ConfigureAwait(false);
        Directory.CreateDirectory(layout.ConfigDirectory);
        Directory.CreateDirectory(layout.QueueDirectory);
        var certificate = SelfSignedCertificate.Ensure(layout.CertificatePath, layout.KeyPath);

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var submission = options.SubmissionPort ?? FreePort();
                var configuration = new PostfixConfiguration(
                    layout, options.MailOwner, submission, options.SubmissionsPort ?? FreePort(submission),
                    options.DovecotLmtpPort, options.DovecotAuthPort, options.MessageSizeLimit);
                WriteConfiguration(layout, configuration, mailboxes);
                await control.CheckAsync(cancellationToken).ConfigureAwait(false);

                var failure = await StartProcessAsync(control, submission, options, cancellationToken).ConfigureAwait(false);
                if (failure is null) return new PostfixInstance(control, layout, configuration, mailboxes, options, certificate);
                var portTaken = failure.Contains("Address already in use", StringComparison.Ordinal);
                if (portTaken && options.SubmissionPort is null && options.SubmissionsPort is null && attempt < PortAttempts) continue;
                throw new InvalidOperationException($"Postfix did not start ({layout.ConfigDirectory}):\n{failure}");
            }
        }
        catch
        {
            certificate.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Accepts mail for <paramref name="address"/> from now on, delivered to the Dovecot user
    /// <paramref name="dovecotUser"/> (which should exist: Dovecot refuses unknown users at LMTP time and Postfix
    /// then bounces). While running, Postfix reloads and this returns once no daemon holding the old tables is
    /// left, so the next connection sees the new address.
    /// </summary>
    public async Task AddMailboxAsync(string address, string dovecotUser, CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_mailboxes.Set(address, dovecotUser)) return;
            WriteConfiguration(_layout, _configuration, _mailboxes);
            if (IsRunning) await _control.ReloadAsync(ReloadTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Accepts mail for every address of <paramref name="mailboxes"/> (address to Dovecot user) as
    /// <see cref="AddMailboxAsync"/> does, with one reload for all of them: a reload waits until no daemon holding
    /// the old tables is left, which takes about two seconds on an idle Postfix.
    /// </summary>
    public async Task AddMailboxesAsync(IReadOnlyDictionary<string, string> mailboxes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var changed = false;
            foreach (var (address, dovecotUser) in mailboxes) changed |= _mailboxes.Set(address, dovecotUser);
            if (!changed) return;
            WriteConfiguration(_layout, _configuration, _mailboxes);
            if (IsRunning) await _control.ReloadAsync(ReloadTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Stops Postfix (<c>postfix stop</c>, then a kill of the master's process tree after
    /// <see cref="PostfixOptions.StopTimeout"/>); its ports then refuse connections. Mail in the queue stays there.
    /// </summary>
    public async Task StopAsync()
    {
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _control.StopAsync(_options.StopTimeout).ConfigureAwait(false);
            IsRunning = false;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Starts Postfix again after <see cref="StopAsync"/>, on the same ports, and waits for its greeting.</summary>
    /// <exception cref="InvalidOperationException">Postfix did not start, e.g. because another process took a port meanwhile.</exception>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRunning) return;
            WriteConfiguration(_layout, _configuration, _mailboxes);
            if (await StartProcessAsync(_control, SubmissionPort, _options, cancellationToken).ConfigureAwait(false) is { } failure)
                throw new InvalidOperationException($"Postfix did not start again ({ConfigDirectory}):\n{failure}");
            IsRunning = true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Stops Postfix.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _control.StopAsync(_options.StopTimeout).ConfigureAwait(false);
        IsRunning = false;
        Certificate.Dispose();
        _lock.Dispose();
    }

    /// <summary>Starts the master and waits for the submission greeting; null on success, else what went wrong.</summary>
    private static async Task<string?> StartProcessAsync(
        PostfixControl control, int submissionPort, PostfixOptions options, CancellationToken cancellationToken)
    {
        if (await control.StartAsync(cancellationToken).ConfigureAwait(false) is { } failure) return failure;
        if (await PostfixControl.GreetsAsync(submissionPort, options.StartTimeout, cancellationToken).ConfigureAwait(false)) return null;
        var log = control.LogTail();
        await control.StopAsync(options.StopTimeout).ConfigureAwait(false);
        return $"No greeting on 127.0.0.1:{submissionPort} within {options.StartTimeout.TotalSeconds:0} s.\n{log}";
    }

    /// <summary>Writes the tables, master.cf and main.cf, each replaced whole by a rename.</summary>
    private static void WriteConfiguration(PostfixLayout layout, PostfixConfiguration configuration, PostfixMailboxes mailboxes)
    {
        Replace(layout.MailboxesPath, mailboxes.RenderMailboxes());
        Replace(layout.AliasesPath, mailboxes.RenderAliases());
        Replace(layout.MasterConfigPath, configuration.RenderMaster());
        Replace(layout.MainConfigPath, configuration.RenderMain(mailboxes.Domains()));
    }

    private static void Replace(string path, string content)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// A server-certificate check (a <see cref="RemoteCertificateValidationCallback"/>) that accepts exactly this
    /// instance's self-signed certificate, for clients of its submission ports on 127.0.0.1.
    /// </summary>
    public bool IsOwnCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == _certificateHash;

    private static int FreePort(int except = 0)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (port != except) return port;
        }
    }
}
