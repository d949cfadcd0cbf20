namespace Eas.Host.Limits;

/// <summary>The node's limits in the log: event ids 1870–1879.</summary>
internal static partial class LimitsLog
{
    [LoggerMessage(1870, LogLevel.Information, "Connection cap {Cap} (descriptor limit {Limit}, {Reserve} kept for IMAP, the journal and files; new connections closed unanswered from {HardStop}); IMAP sign-ins {Logins} at a time")]
    public static partial void Capped(ILogger logger, int cap, long limit, long reserve, long hardStop, int logins);

    [LoggerMessage(1871, LogLevel.Warning, "No connection cap: the descriptor limit is unknown or unlimited and Eas:Limits:MaxConnections is not set; IMAP sign-ins {Logins} at a time")]
    public static partial void Uncapped(ILogger logger, int logins);

    [LoggerMessage(1872, LogLevel.Warning, "Connection cap {Cap} reached: {Refused} connections refused with 503 since the last report ({Open} open, {Descriptors} descriptors of {Limit})")]
    public static partial void CapReached(ILogger logger, int cap, long refused, long open, int descriptors, long limit);

    [LoggerMessage(1873, LogLevel.Information, "Node quiet: memory trimmed, collector committed {CommittedBeforeMib} -> {CommittedAfterMib} MiB (heap {HeapMib} MiB), resident {ResidentBeforeMib} -> {ResidentAfterMib} MiB, paused {PauseMs:0} ms")]
    public static partial void MemoryTrimmed(ILogger logger, long committedBeforeMib, long committedAfterMib, long heapMib, long residentBeforeMib, long residentAfterMib, double pauseMs);
}
