namespace Eas.Load.Bench;

/// <summary>
/// The knobs of <c>push-bench</c>: how many phones over how many accounts, how long their Pings are held and
/// with what heartbeat, how much mail arrives meanwhile, how many phones set up at once, and how the server runs:
/// one process, or a cluster of <see cref="Nodes"/> sharing a PostgreSQL journal, and under which descriptor limit
/// (<see cref="ServerNofile"/>: its connection cap follows from it, and devices above the cap are refused) and with which
/// command-session idle time (<see cref="CommandSessionIdleSeconds"/>; null leaves the server's own); whether to skip
/// waiting it out after the setup (<see cref="SkipIdleWait"/>); and where the report folder goes (<see cref="Reporting.RunReport"/>).
/// </summary>
internal sealed record PushBenchSettings(
    int Devices, int Accounts, int HoldSeconds, int Deliveries, int HeartbeatSeconds, int Concurrency, string Version,
    string ServerLogLevel, string? ServerDll, bool KeepData, int OperatorWindowSeconds = 0, int Nodes = 1, bool Floor = false, string Push = "imap",
    long? ServerNofile = null, string? Report = null, int? CommandSessionIdleSeconds = null, bool SkipIdleWait = false)
{
    /// <summary>The node (1-based) killed with SIGKILL once the phones have parked, instead of the hold (<see cref="Push.FailoverPhase"/>); null keeps the hold.</summary>
    public int? KillNode { get; init; }

    /// <summary>How long after the phones have parked the node is killed.</summary>
    public int KillAfterSeconds { get; init; } = 10;

    /// <summary>How long after the kill the phones may take to be answered again and parked.</summary>
    public int FailoverLimitSeconds { get; init; } = 300;

    /// <summary>
    /// The cluster's failure detection: <c>loosened</c> (10 s acceptable heartbeat pause, split brain resolver stable
    /// after 7 s, as tests/Eas.Cluster.Tests run it on a shared 2-core machine) or <c>production</c> (the server's own defaults).
    /// </summary>
    public string FailureDetector { get; init; } = "loosened";

    public bool LoosenedDetector => !string.Equals(FailureDetector, "production", StringComparison.OrdinalIgnoreCase);

    /// <summary>Dovecot's push_notification plugin posts to the server (<c>Eas:Push:Mode = webhook</c>) instead of a watcher session per account.</summary>
    public bool Webhook => string.Equals(Push, "webhook", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// IMAP sessions the private Dovecot must take at once: per account the server's watcher and command
    /// session, plus a sign-in check per phone being set up, plus the bench's own APPEND session and spare.
    /// </summary>
    public int ImapSessions => 2 * Accounts + Concurrency + 64;
}
