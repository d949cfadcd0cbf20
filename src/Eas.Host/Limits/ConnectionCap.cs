namespace Eas.Host.Limits;

/// <summary>
/// How many connections this node serves at once, derived at start from the descriptor limit: the limit less a
/// reserve for what else holds descriptors (IMAP sessions, the journal, CardDAV/CalDAV and LDAP clients, files),
/// unless configured outright. Past <see cref="Cap"/> a connection is refused with 503; <see cref="HardStop"/>, a little
/// above, is the backstop for the refusals themselves, which hold a descriptor
/// until they are answered.
/// </summary>
/// <param name="DescriptorLimit">RLIMIT_NOFILE at start; null when unknown or unlimited.</param>
/// <param name="Reserve">Descriptors kept back from connections; 0 when there is no limit to keep them from.</param>
/// <param name="Cap">Connections served at once; null for no cap (no descriptor limit known and none configured).</param>
public sealed record ConnectionCap(long? DescriptorLimit, long Reserve, int? Cap)
{
    /// <summary>
    /// The fixed part of the default reserve: what the node holds at rest. The runtime keeps every assembly it has loaded
    /// open (push-bench under RLIMIT_NOFILE 1,024 counted 344 descriptors before the first phone: about 130 of the
    /// runtime, 110 of ASP.NET Core, 90 of the server's own, the rest the journal, pipes and sockets); with 256 the node
    /// ran out of descriptors (SQLite could not open the journal, then the runtime died) before it reached its cap.
    /// </summary>
    public const int FixedReserve = 512;

    /// <summary>
    /// The most connections open at once: the cap plus a twentieth (at least <see cref="MinRefusalsInFlight"/>) for
    /// connections being refused; beyond it new connections are closed unanswered (<see cref="ConnectionAdmission.TryStartOverCap"/>). Null without a cap.
    /// </summary>
    public long? HardStop => Cap is { } cap ? cap + Math.Max(MinRefusalsInFlight, cap / 20) : null;

    /// <summary>
    /// The fewest connections being refused at once that are still answered 503: phones setting up side by side are
    /// refused side by side (push-bench sets up 64 at once; with 16, a cap of 410 closed some unanswered).
    /// </summary>
    public const int MinRefusalsInFlight = 64;

    /// <summary>
    /// The cap for <paramref name="descriptorLimit"/>: <paramref name="maxConnections"/> when configured, else the
    /// limit less <paramref name="reserve"/> (default a tenth of the limit plus <see cref="FixedReserve"/>), but never
    /// below a quarter of the limit, so a small limit still serves some connections.
    /// </summary>
    public static ConnectionCap From(long? descriptorLimit, int? reserve, int? maxConnections)
    {
        if (maxConnections is < 1) throw new ArgumentOutOfRangeException(nameof(maxConnections), maxConnections, "Eas:Limits:MaxConnections must be at least 1.");
        if (reserve is < 0) throw new ArgumentOutOfRangeException(nameof(reserve), reserve, "Eas:Limits:DescriptorReserve must not be negative.");
        if (descriptorLimit is not { } limit) return new(null, 0, maxConnections);
        var kept = reserve ?? limit / 10 + FixedReserve;
        var derived = (int)Math.Min(int.MaxValue, Math.Max(limit - kept, limit / 4));
        return new(limit, kept, maxConnections ?? derived);
    }
}
