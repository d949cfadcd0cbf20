using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>Timeouts and limits of an <see cref="ImapClient"/>.</summary>
public sealed record ImapClientOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ImapClientOptions Default { get; } = new();

    /// <summary>Time allowed for TCP connect, TLS, greeting, STARTTLS and the first CAPABILITY; 15 s by default.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed for one command, from sending it to its tagged completion; 60 s by default.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many unsolicited mailbox events (<see cref="Mailboxes.ImapMailboxEvent"/>) are kept until
    /// <see cref="ImapClient.TakeMailboxEvents"/> reads them; beyond that they are counted and reported as
    /// <see cref="Mailboxes.ImapMailboxEventsDropped"/>. 100,000 by default.
    /// </summary>
    public int MaxPendingMailboxEvents { get; init; } = 100_000;

    /// <summary>Bounds on server responses.</summary>
    public ImapLimits Limits { get; init; } = ImapLimits.Default;

    /// <summary>
    /// Told of every command when it ends, completed or failed: its name (<c>SELECT</c>, <c>UID FETCH</c>; <c>connect</c>
    /// for connecting, securing the connection and reading the greeting; <c>UID MOVE</c> also when a server without
    /// MOVE gets UID COPY, UID STORE and UID EXPUNGE instead) and the time from its start to its tagged completion or
    /// failure. Only this library knows which verb a call really sent (SELECT or EXAMINE, LOGIN or AUTHENTICATE in
    /// <see cref="ImapAuthenticator"/>, the IDLE and NOTIFY of a change watcher), so timings come from here; what is
    /// done with them is the owner's business, which keeps the library free of any metrics API. It runs on the
    /// command's own flow, so it must be cheap and must not throw.
    /// </summary>
    public Action<string, TimeSpan>? CommandCompleted { get; init; }
}
