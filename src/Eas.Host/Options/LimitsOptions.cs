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

    /// <summary>
    /// Give back memory when the node is quiet: one aggressive garbage collection, then glibc's free pages
    /// (malloc_trim(3)), once the node allocates little and the collector holds at least <see cref="TrimSlackMiB"/> it
    /// does not use (after a wave of first syncs, say).
    /// </summary>
    public bool TrimMemoryWhenQuiet { get; set; } = true;

    /// <summary>How often the node reads its memory to decide on a trim, in seconds.</summary>
    public int MemoryCheckSeconds { get; set; } = 30;

    /// <summary>Allocation rate, in MiB per second since the last reading, at or under which the node counts as quiet.</summary>
    public int QuietAllocationMiBPerSecond { get; set; } = 8;

    /// <summary>Unused committed memory (or heap growth since the last trim), in MiB, worth a trim.</summary>
    public int TrimSlackMiB { get; set; } = 32;

    /// <summary>The shortest time between two trims, in seconds.</summary>
    public int MinimumTrimIntervalSeconds { get; set; } = 600;

    /// <summary>
    /// The shortest time between two trims, in seconds, when the heap grew by <see cref="TrimSlackMiB"/> since the last:
    /// a trim that fell in the middle of a wave of first syncs does not keep the node from giving back the rest of it.
    /// </summary>
    public int TrimIntervalAfterGrowthSeconds { get; set; } = 120;
}
