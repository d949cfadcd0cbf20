using System.Net.Security;

namespace Eas.Mail.Smtp;

/// <summary>
/// Where the SMTP submission server is (RFC 6409) and how to secure the connection. Certificates are checked
/// against the system's trust store and <see cref="TlsTargetHost"/> (or <see cref="Host"/>) unless
/// <see cref="CertificateValidation"/> decides instead, or <see cref="AcceptAnyCertificate"/> is set, which the
/// client honours only when the server's address is a loopback address (development against a self-signed
/// certificate).
/// </summary>
/// <param name="Host">Host name or IP address.</param>
/// <param name="Port">TCP port, 1 to 65535: 587 for submission with STARTTLS, 465 for implicit TLS.</param>
/// <param name="Security">Plain, STARTTLS or implicit TLS.</param>
public sealed record SmtpEndpoint(string Host, int Port, SmtpSecurity Security)
{
    /// <summary>A custom server-certificate check; <see langword="null"/> for the system's default validation.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>Trust any certificate; refused with an exception unless the server is on a loopback address.</summary>
    public bool AcceptAnyCertificate { get; init; }

    /// <summary>The name to validate the certificate against and send as SNI; <see cref="Host"/> when null.</summary>
    public string? TlsTargetHost { get; init; }
}
