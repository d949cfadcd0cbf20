namespace Eas.Host.Options;

/// <summary>
/// How much this node takes on before it refuses with 503 and Retry-After instead of failing: connections (bounded by
/// the process's descriptor limit) and sign-ins to the IMAP server at once.
/// </summary>
public sealed class LimitsOptions
{
    /// <summary>
    /// Connections served at once; past it a new connection is answered 503 with Retry-After and closed. Empty: the
    /// descriptor limit (RLIMIT_NOFILE, read at start) minus <see cref="DescriptorReserve"/>.
    /// </summary>
    public int? MaxConnections { get; set; }

    /// <summary>
    /// Descriptors kept back from connections for IMAP sessions, the journal, CardDAV/CalDAV and LDAP clients and
    /// files. Empty: a tenth of the descriptor limit plus 256.
    /// </summary>
    public int? DescriptorReserve { get; set; }

    /// <summary>IMAP sign-ins (connect and authenticate) this node runs at once; the others wait their turn.</summary>
    public int ConcurrentImapLogins { get; set; } = 32;

    /// <summary>
    /// Seconds a sign-in waits for its turn before the request is answered 503 with Retry-After. Empty: the IMAP
    /// timeout (<c>Eas:Imap:TimeoutSeconds</c>).
    /// </summary>
    public int? ImapLoginWaitSeconds { get; set; }

    /// <summary>The Retry-After, in seconds, of a connection refused over the cap.</summary>
    public int RetryAfterSeconds { get; set; } = 30;
}
