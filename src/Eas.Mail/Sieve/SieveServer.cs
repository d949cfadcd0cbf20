using System.Net.Security;

namespace Eas.Mail.Sieve;

/// <summary>
/// Where the ManageSieve server (RFC 5804) is and how far it is trusted: with <see cref="SieveSecurity.StartTls"/> the
/// connection is upgraded before signing in, and a server that does not offer STARTTLS is refused.
/// Certificates are checked against the system's trust store and <see cref="Host"/>, unless
/// <see cref="CertificateValidation"/> decides, or <see cref="AcceptAnyCertificate"/> is set, which is honoured
/// only when the connected peer is a loopback address: the same rules as the IMAP connection.
/// </summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port, 4190 by RFC 5804's registration.</param>
public sealed record SieveServer(string Host, int Port = SieveServer.DefaultPort)
{
    /// <summary>The port IANA assigned to ManageSieve (RFC 5804 section 4).</summary>
    public const int DefaultPort = 4190;

    /// <summary>Whether STARTTLS is required (the default) or never tried.</summary>
    public SieveSecurity Security { get; init; } = SieveSecurity.StartTls;

    /// <summary>Trust any certificate; refused unless the peer is on a loopback address.</summary>
    public bool AcceptAnyCertificate { get; init; }

    /// <summary>A custom server-certificate check (a test server's own certificate); null for the system's validation.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>How long connecting, and each command, may wait for the server before it counts as unavailable.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);
}
