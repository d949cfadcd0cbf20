using System.Collections.Frozen;
using System.Diagnostics.Metrics;

namespace Eas.Actors.Diagnostics;

/// <summary>
/// IMAP instruments on the server's meter: the sessions held open to the provider's IMAP server, and how long each
/// command took, by verb. The MailKit adapters (<see cref="Mailboxes.Imap.ImapMailSession"/>, the watcher and the
/// authenticator) time each MailKit call they make and name it by the command it sends (SELECT or EXAMINE, UID MOVE
/// or its UID COPY fallback, AUTHENTICATE or LOGIN); the tag set is the fixed list of verbs below, anything else is
/// <c>other</c>.
/// </summary>
public sealed class ImapMetrics
{
    /// <summary>The purpose of a session kept open for an account's commands (one per MailboxActor).</summary>
    public const string MailboxPurpose = "mailbox";

    /// <summary>The purpose of a session kept open to hear of changes for push (one per watched account).</summary>
    public const string WatcherPurpose = "watcher";

    private static readonly double[] DurationBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

    /// <summary>
    /// The command names the adapters report (STARTTLS and the greeting are part of <c>connect</c>), mapped to tag
    /// values. IDLE is left out on purpose: it lasts as long as the watch window, so its duration says nothing about
    /// how fast the server answers.
    /// </summary>
    private static readonly FrozenDictionary<string, string> Verbs = new[]
    {
        "connect", "CAPABILITY", "NOOP", "LOGOUT", "LOGIN", "AUTHENTICATE", "ENABLE", "ID", "NOTIFY", "LIST", "STATUS",
        "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "SELECT", "EXAMINE", "UNSELECT", "CLOSE", "EXPUNGE",
        "APPEND", "UID FETCH", "UID SEARCH", "UID STORE", "UID COPY", "UID MOVE", "UID EXPUNGE",
    }.ToFrozenDictionary(verb => verb, verb => verb.ToLowerInvariant().Replace(' ', '_'), StringComparer.OrdinalIgnoreCase);

    private readonly Histogram<double> _duration;
    private long _mailboxSessions;
    private long _watcherSessions;

    public ImapMetrics(Meter meter)
    {
        meter.CreateObservableUpDownCounter(
            "eas.imap.sessions",
            ObserveSessions,
            "{session}",
            "IMAP sessions open now to the provider's IMAP server, by purpose: mailbox (commands) or watcher (push).");
        _duration = meter.CreateHistogram(
            "eas.imap.command.duration",
            unit: "s",
            description: "Time from sending an IMAP command to its tagged completion or failure, by verb (IDLE excluded).",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>Records one finished command (its success or its failure).</summary>
    public void CommandCompleted(string command, TimeSpan elapsed)
    {
        if (command.Equals("IDLE", StringComparison.OrdinalIgnoreCase) || !_duration.Enabled) return;
        var verb = Verbs.GetValueOrDefault(command, "other");
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("command", verb));
    }

    internal void SessionOpened(string purpose) => Interlocked.Increment(ref Counter(purpose));

    internal void SessionClosed(string purpose) => Interlocked.Decrement(ref Counter(purpose));

    private ref long Counter(string purpose) => ref purpose == WatcherPurpose ? ref _watcherSessions : ref _mailboxSessions;

    private IEnumerable<Measurement<long>> ObserveSessions() =>
    [
        new(Volatile.Read(ref _mailboxSessions), new KeyValuePair<string, object?>("purpose", MailboxPurpose)),
        new(Volatile.Read(ref _watcherSessions), new KeyValuePair<string, object?>("purpose", WatcherPurpose)),
    ];
}
