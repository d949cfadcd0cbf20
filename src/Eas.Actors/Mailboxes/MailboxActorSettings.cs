using Eas.Actors.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Mailboxes;

/// <summary>What every MailboxActor shares.</summary>
/// <param name="Sessions">Opens command sessions.</param>
/// <param name="Watchers">Opens watcher sessions for push.</param>
/// <param name="Metrics">Push instruments.</param>
public sealed record MailboxActorSettings(IMailSessionFactory Sessions, IMailWatcherFactory Watchers, PushMetrics Metrics)
{
    /// <summary>Idle time, snapshot interval and journal instruments of mailbox actors.</summary>
    public Cluster.EntityChildOptions Entity { get; init; } = new("mailbox", TimeSpan.FromMinutes(5));

    /// <summary>The longest one IDLE lasts before it is renewed; below the 30-minute idle limit of RFC 3501 servers.</summary>
    public TimeSpan WatchWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the IMAP command session stays open after the last piece of work started; the next work reopens it.</summary>
    public TimeSpan CommandSessionIdle { get; init; } = DefaultCommandSessionIdle;

    /// <summary>
    /// The default of <see cref="CommandSessionIdle"/>: two minutes, long enough for the Sync, the fetches and the
    /// next Ping that follow one change, short enough that a mailbox whose phones only wait gives its session back.
    /// </summary>
    public static readonly TimeSpan DefaultCommandSessionIdle = TimeSpan.FromMinutes(2);

    /// <summary>How the mailbox hears of changes: a watcher session (<see cref="PushMode.Imap"/>) or the mail server's webhook.</summary>
    public PushMode Push { get; init; } = PushMode.Imap;

    /// <summary>In <see cref="PushMode.Webhook"/>, how often the watched folders are re-stamped in case a post was lost.</summary>
    public TimeSpan SafetyNetInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock the watcher's timestamps and backoff use.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Opens the accounts' PIM stores; null on a server without contacts sync.</summary>
    public Pim.IPimStoreFactory? Pim { get; init; }

    /// <summary>Where mailbox actors log.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
