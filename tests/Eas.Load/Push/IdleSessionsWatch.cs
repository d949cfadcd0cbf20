namespace Eas.Load.Push;

/// <summary>
/// When the servers' command sessions count as closed after the setup of a push bench: an account's command session
/// closes once it has had no work for the idle time (<c>Eas:Imap:CommandSessionIdleSeconds</c>), and with the phones
/// only waiting in Ping the last work was their setup. Closed once the servers' own count of mailbox sessions
/// (<c>eas_imap_sessions{purpose="mailbox"}</c>) has stayed 0 for <c>linger</c> (Dovecot's imap processes end just after
/// the LOGOUT); given up <see cref="Margin"/> after the idle time, when some stay open (the webhook mode's safety net
/// opens them again every <c>Eas:Push:SafetyNetSeconds</c>) or the count cannot be read. Fed observations with the time
/// since the phones settled, so it is a pure function of them.
/// </summary>
internal sealed class IdleSessionsWatch(TimeSpan idle, TimeSpan linger)
{
    /// <summary>How long past the idle time sessions may take to close: the actors' timers and the LOGOUTs on a loaded machine.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    private TimeSpan? _closedSince;

    /// <summary>The time the watch waits at most.</summary>
    public TimeSpan Limit => idle + Margin;

    public IdleWaitState Observe(TimeSpan sinceSettled, double? mailboxSessions)
    {
        if (mailboxSessions == 0)
        {
            _closedSince ??= sinceSettled;
            if (sinceSettled - _closedSince >= linger) return IdleWaitState.Closed;
        }
        else
        {
            _closedSince = null;
        }

        return sinceSettled >= Limit ? IdleWaitState.GaveUp : IdleWaitState.Waiting;
    }
}

/// <summary>What an <see cref="IdleSessionsWatch"/> says after an observation.</summary>
internal enum IdleWaitState
{
    Waiting,
    Closed,
    GaveUp,
}

/// <summary>
/// How the wait for the command sessions to close went: the idle time and where it came from, whether they closed, how
/// long it took, the mailbox sessions the servers still held at the end (null when /metrics did not say), and the Pings
/// parked then.
/// </summary>
internal sealed record SessionIdleOutcome(int IdleSeconds, string Source, IdleWaitState State, TimeSpan Waited, double? MailboxSessionsLeft, int Parked);
