using System.Net.Security;
using Eas.Actors.Mailboxes;
using Eas.Host;
using Microsoft.AspNetCore.Builder;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// The real server on a free loopback port, against the fixture's Dovecot, with its own data directory.
/// Dispose and start another on the same directory to test what survives a restart. Push runs in webhook mode when
/// the fixture's Dovecot posts to a <see cref="DovecotPushRelay"/> (the server registers with it while it runs); a
/// class about the IMAP watcher asks for <see cref="ImapPush"/>.
/// </summary>
internal sealed class ServerInstance : IAsyncDisposable
{
    /// <summary>The argument that keeps a server on watcher sessions (IDLE/NOTIFY) instead of Dovecot's webhook.</summary>
    public const string ImapPush = "--Eas:Push:Mode=Imap";

    private const string PushModeArgument = "--Eas:Push:Mode=";

    private readonly WebApplication _app;

    private ServerInstance(WebApplication app, Uri address, string dataDirectory, PushMode push, DovecotPushRelay.Target? pushTarget)
    {
        _app = app;
        Address = address;
        DataDirectory = dataDirectory;
        Push = push;
        PushTarget = pushTarget;
    }

    public Uri Address { get; }

    /// <summary>How this server hears of mail changes while a Ping waits.</summary>
    public PushMode Push { get; }

    /// <summary>This server's place in the relay of its Dovecot, when it runs in webhook mode behind one.</summary>
    public DovecotPushRelay.Target? PushTarget { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<ServerInstance> StartAsync(DovecotFixture dovecot, string? dataDirectory = null, params string[] extraArgs) =>
        StartAsync(dovecot, dataDirectory, null, extraArgs);

    /// <summary>Starts the server; <paramref name="configure"/> may replace services (a shifted clock) before it is built.</summary>
    public static async Task<ServerInstance> StartAsync(DovecotFixture dovecot, string? dataDirectory, Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "eas-it-state-" + Guid.NewGuid().ToString("N")[..8]);
        var relay = dovecot.PushRelay;
        // The relay posts over plain HTTP on loopback; a server a test runs on HTTPS keeps the IMAP watcher instead.
        var https = extraArgs.Any(arg => arg.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        var push = PushModeIn(extraArgs) ?? (relay is null || https ? PushMode.Imap : PushMode.Webhook);
        // A test that sets its own webhook secret sends the posts itself: the relay's would only take its connections.
        var ownPosts = extraArgs.Any(arg => arg.StartsWith("--Eas:Push:Webhook:Secret=", StringComparison.OrdinalIgnoreCase));
        string[] webhook = push == PushMode.Webhook && relay is not null && !ownPosts
            ? ["--Eas:Push:Mode=Webhook", $"--Eas:Push:Webhook:Secret={DovecotFixture.PushSecret}"]
            : [];
        string[] args =
        [
            "--urls", extraArgs.Contains("--urls") ? extraArgs[Array.IndexOf(extraArgs, "--urls") + 1] : "http://127.0.0.1:0",
            $"--Eas:DataDir={dataDirectory}",
            $"--Eas:DefaultDomain={DovecotFixture.Domain}",
            "--Eas:Imap:Host=127.0.0.1",
            $"--Eas:Imap:Port={dovecot.Dovecot.ImapPort}",
            "--Eas:Imap:Security=None",
            "--Eas:LogLevel=Warning",
            "--Eas:Smtp:Host=127.0.0.1",
            $"--Eas:Smtp:Port={dovecot.Postfix.SubmissionPort}",
            "--Eas:Smtp:Security=StartTls",
            "--Eas:Smtp:AcceptAnyCertificate=true",
            $"--Eas:Sieve:Port={dovecot.Dovecot.ManageSievePort}",
            "--Eas:Provisioning:Policy:DevicePasswordEnabled=1",
            "--Eas:Provisioning:Policy:MinDevicePasswordLength=4",
            .. webhook,
            .. extraArgs.Where((arg, i) => arg != "--urls" && (i == 0 || extraArgs[i - 1] != "--urls")),
        ];
        var app = ServerHost.Build(args, configure);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new ServerInstance(app, address, dataDirectory, push, webhook.Length > 0 ? relay!.Register(address) : null);
    }

    /// <summary>The push mode a test asked for with <c>--Eas:Push:Mode=…</c> (the last one wins, as in configuration); null when none.</summary>
    private static PushMode? PushModeIn(string[] args) =>
        args.LastOrDefault(arg => arg.StartsWith(PushModeArgument, StringComparison.OrdinalIgnoreCase)) is { } given
            ? Enum.Parse<PushMode>(given[PushModeArgument.Length..], ignoreCase: true)
            : null;

    /// <summary>An HTTP client for this server; for HTTPS it trusts exactly the given certificate hash.</summary>
    public HttpClient CreateHttpClient(string? trustedCertificateHash = null)
    {
        var handler = new SocketsHttpHandler();
        if (trustedCertificateHash is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == trustedCertificateHash,
            };
        }

        return new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>A client of the admin API signed in as <paramref name="admin"/>.</summary>
    public AdminClient Admin(string admin = AdminClient.Root, string password = AdminClient.RootPassword) => new(CreateHttpClient(), admin, password);

    public EasTestClient Phone(string user, string password, string deviceId, string version) =>
        new(CreateHttpClient(), user, password, deviceId, version);

    public async ValueTask DisposeAsync()
    {
        PushTarget?.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
