namespace Eas.Load.Bench;

/// <summary>
/// The knobs of <c>fanout-bench</c>: how many accounts (one phone each), the Ping heartbeat (also how long answers are
/// waited for after the fan-out), how many phones set up at once, how the server hears of changes, and where the report goes.
/// </summary>
internal sealed record FanoutBenchSettings(
    int Accounts, int HeartbeatSeconds, int Concurrency, string Version, string Push, string ServerLogLevel, string? ServerDll, bool KeepData, string? Report)
{
    /// <summary>Dovecot's push_notification plugin posts to the server instead of a watcher session per account.</summary>
    public bool Webhook => string.Equals(Push, "webhook", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// IMAP sessions Dovecot must take at once: per account the server's watcher and command session and the bench's
    /// own APPEND session (all signed in before the fan-out), plus a sign-in check per phone being set up, and spare.
    /// </summary>
    public int ImapSessions => 3 * Accounts + Concurrency + 64;
}
