namespace Eas.Mail.Imap;

/// <summary>How the connection to the IMAP server is protected.</summary>
public enum ImapSecurity
{
    /// <summary>Plain TCP. Credentials cross the network in the clear; for loopback only.</summary>
    None,

    /// <summary>Plain TCP upgraded with STARTTLS before login (RFC 3501 section 6.2.1); usually port 143.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, RFC 8314 section 3.3); usually port 993.</summary>
    Tls,
}
