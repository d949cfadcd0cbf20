namespace Eas.Mail.Sieve;

/// <summary>How the connection to the ManageSieve server is protected (RFC 5804 section 2.2 has STARTTLS only).</summary>
public enum SieveSecurity
{
    /// <summary>Plain TCP, STARTTLS never tried: credentials cross in the clear. For a loopback server, as IMAP's None.</summary>
    None,

    /// <summary>STARTTLS before signing in; a server that does not offer it is refused rather than used in the clear.</summary>
    StartTls,
}
