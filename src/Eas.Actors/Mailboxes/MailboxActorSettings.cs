using Eas.Actors.Diagnostics;
using Eas.Actors.Persistence;

namespace Eas.Actors.Mailboxes;

/// <summary>What every MailboxActor shares.</summary>
/// <param name="Sessions">Opens command sessions.</param>
/// <param name="Watchers">Opens watcher sessions for push.</param>
/// <param name="Store">Where folder maps are kept.</param>
/// <param name="Metrics">Push instruments.</param>
public sealed record MailboxActorSettings(IMailSessionFactory Sessions, IMailWatcherFactory Watchers, IStateStore Store, PushMetrics Metrics)
{
    /// <summary>The longest one IDLE lasts before it is renewed; below the 30-minute idle limit of RFC 3501 servers.</summary>
    public TimeSpan WatchWindow { get; init; } = TimeSpan.FromMinutes(5);
}
