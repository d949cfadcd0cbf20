using Eas.Mail.Imap.Mailboxes;

namespace Eas.Mail.Imap.Watching;

/// <summary>Why <see cref="ImapClient.IdleAsync"/> returned.</summary>
public enum ImapIdleStopReason
{
    /// <summary>An event satisfied the caller's condition (by default: any event).</summary>
    EventMatched,

    /// <summary>The maximum duration passed without such an event.</summary>
    MaxDuration,

    /// <summary>The caller's token was cancelled; IDLE was still ended cleanly.</summary>
    Cancelled,

    /// <summary>The server completed IDLE on its own, without DONE (RFC 2177 allows it).</summary>
    EndedByServer,
}

/// <summary>
/// The outcome of one IDLE (RFC 2177): the events gathered, oldest first, including those that were already
/// queued when it began, and why it ended. The session is usable afterwards in every case.
/// </summary>
public sealed record ImapIdleResult(IReadOnlyList<ImapMailboxEvent> Events, ImapIdleStopReason StopReason);
