using System.Net.Security;

namespace Eas.Actors.Sending;

/// <summary>
/// Where the SMTP submission server is (RFC 6409), how the connection is secured and how long each step may
/// take. Certificates are checked against the system's trust store and <see cref="Host"/> unless
/// <see cref="CertificateValidation"/> decides instead, or <see cref="AcceptAnyCertificate"/> is set, which is
/// honoured only when the connected peer is a loopback address (development against a self-signed certificate).
/// </summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port: 587 for submission with STARTTLS, 465 for implicit TLS.</param>
/// <param name="Security">Plain, STARTTLS or implicit TLS.</param>
public sealed record SmtpSubmissionSettings(string Host, int Port, SmtpSecurity Security)
{
    /// <summary>Trust any certificate; a submission to a server that is not on a loopback address is then refused.</summary>
    public bool AcceptAnyCertificate { get; init; }

    /// <summary>A custom server-certificate check (a test server's own certificate); null for the system's validation.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>How long connecting, TLS, EHLO and AUTH may wait for the server.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long each step of the mail transaction may wait, the reply to the message's data included (a content filter can be slow).</summary>
    public TimeSpan DataTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
