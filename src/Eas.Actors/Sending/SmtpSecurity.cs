namespace Eas.Actors.Sending;

/// <summary>How the connection to the SMTP submission server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain TCP. Credentials and mail cross the network in the clear; for loopback only.</summary>
    None,

    /// <summary>
    /// Plain TCP upgraded with STARTTLS (RFC 3207) before anything else is sent; usually port 587 (RFC 6409).
    /// A server that does not offer STARTTLS is refused rather than used in the clear.
    /// </summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, RFC 8314 section 3.3); usually port 465.</summary>
    Tls,
}
