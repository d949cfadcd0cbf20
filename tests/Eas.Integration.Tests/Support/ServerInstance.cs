using System.Net.Security;
using Eas.Host;
using Microsoft.AspNetCore.Builder;

namespace Eas.Integration.Tests.Support;

/// <summary>
/// The real server on a free loopback port, against the fixture's Dovecot, with its own data directory.
/// Dispose and start another on the same directory to test what survives a restart.
/// </summary>
internal sealed class ServerInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServerInstance(WebApplication app, Uri address, string dataDirectory)
    {
        _app = app;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<ServerInstance> StartAsync(DovecotFixture dovecot, string? dataDirectory = null, params string[] extraArgs) =>
        StartAsync(dovecot, dataDirectory, null, extraArgs);

    /// <summary>Starts the server; <paramref name="configure"/> may replace services (a shifted clock) before it is built.</summary>
    public static async Task<ServerInstance> StartAsync(DovecotFixture dovecot, string? dataDirectory, Action<WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "eas-it-state-" + Guid.NewGuid().ToString("N")[..8]);
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
            .. extraArgs.Where((arg, i) => arg != "--urls" && (i == 0 || extraArgs[i - 1] != "--urls")),
        ];
        var app = ServerHost.Build(args, configure);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        return new ServerInstance(app, address, dataDirectory);
    }

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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
