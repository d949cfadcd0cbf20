using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Cluster;

/// <summary>What every child of an account entity shares: how long it idles, its snapshot interval, the journal's instruments.</summary>
/// <param name="Kind">The entity kind, the <c>kind</c> tag of the journal metrics (<c>device</c>, <c>mailbox</c>, <c>account</c>).</param>
/// <param name="IdleTimeout">How long the child stays in memory after its last message, unless it holds something.</param>
/// <param name="SnapshotEvery">Events between two snapshots; the events behind a snapshot are deleted.</param>
/// <param name="Metrics">Journal write and recovery instruments; null in tests.</param>
/// <param name="KeepsAuditEntries">
/// The stream holds <see cref="Persistence.Audit.IAuditedEvent"/>s: its events are never deleted behind a
/// snapshot, because the audit log is read from them (<see cref="SnapshotPolicy"/> keeping events).
/// </param>
public sealed record EntityChildOptions(string Kind, TimeSpan IdleTimeout, int SnapshotEvery = 100, JournalMetrics? Metrics = null, bool KeepsAuditEntries = false);

/// <summary>
/// Base of the actors an <see cref="AccountEntityActor"/> parents: persistent actors whose journal is their
/// durable state.
/// <list type="bullet">
/// <item>Passivation: after the idle time without a message the child offers to stop (<see cref="ChildIdle"/>)
/// unless <see cref="CanPassivate"/> says it holds something; the parent then sends <see cref="PassivateChild"/>
/// behind the messages already on their way, so the child only stops once it has handled all of them.</item>
/// <item>Hand-off: <see cref="StopForHandOff"/> stops the child whatever it holds, after the turn it is in; what it holds
/// (a parked Ping) is answered in its <c>PostStop</c>.</item>
/// <item>Recovery: the parent is told when the state is back (<see cref="ChildRecovered"/>) or could not be read
/// (<see cref="ChildRecoveryFailed"/>), so it can answer the messages that were waiting with a retriable error.</item>
/// <item>Writes: <see cref="PersistThen"/> persists a command's events and only then runs what answers the
/// phone, so every change a response reports is in the journal before the response leaves. A failed write
/// answers the waiting asker with <see cref="StoreUnavailableException"/> (HTTP 503) and Akka stops the actor;
/// its next incarnation reads the journal back, so nothing half-applied survives.</item>
/// <item>Snapshots every <see cref="EntityChildOptions.SnapshotEvery"/> events, with the events behind them deleted
/// (<see cref="SnapshotPolicy"/>), unless the stream keeps audit entries.</item>
/// <item>Messages: an untyped persistent actor whose handlers are one <c>switch</c> (<see cref="Handle"/>), not
/// Receive tables: a parked Ping keeps its device in memory for up to an hour, and a table of handler delegates
/// built per instance costs each of tens of thousands of devices about 2 KB. An async handler runs through
/// <see cref="Eventsourced.RunTask"/>, which suspends the mailbox until it ends, exactly as <c>CommandAsync</c> does.
/// For the same reason a child that needs Akka's timers implements <see cref="IWithTimers"/> itself: Akka gives every
/// actor that does a timer scheduler and its dictionary, a device's for nothing.</item>
/// </list>
/// </summary>
public abstract class EntityChildActor : UntypedPersistentActor
{
    private readonly string _persistenceId;
    private readonly EntityChildOptions _options;
    private readonly SnapshotPolicy _snapshots;
    private readonly long _started = Stopwatch.GetTimestamp();
    private IActorRef? _waitingForWrite;
    private bool _writeFailed;

    protected EntityChildActor(string persistenceId, EntityChildOptions options)
    {
        _persistenceId = persistenceId;
        _options = options;
        _snapshots = new SnapshotPolicy(options.SnapshotEvery, keepEvents: options.KeepsAuditEntries);
        Context.SetReceiveTimeout(options.IdleTimeout);
    }

    public override string PersistenceId => _persistenceId;

    /// <summary>
    /// Whether the child may stop now. Return false while holding something that must outlive idleness, such
    /// as a parked long-poll reply or a running watcher. Asked on the actor's own turn.
    /// </summary>
    protected virtual bool CanPassivate => true;

    /// <summary>
    /// Turns the idle timer off while the child holds something that keeps it in memory anyway (a parked Ping):
    /// Akka re-arms a receive timeout after every message, each time a scheduled message and a cancellation source.
    /// </summary>
    protected void SuspendIdleTimeout() => Context.SetReceiveTimeout(null);

    /// <summary>Turns the idle timer back on (<see cref="SuspendIdleTimeout"/>).</summary>
    protected void ResumeIdleTimeout() => Context.SetReceiveTimeout(_options.IdleTimeout);

    /// <summary>
    /// Sets an idle time other than the usual one until <see cref="ResumeIdleTimeout"/> (a device whose parked Ping its
    /// entity holds passivates sooner).
    /// </summary>
    protected void SetIdleTimeout(TimeSpan idle) => Context.SetReceiveTimeout(idle);

    /// <summary>The state a snapshot keeps; taken after the event that makes one due.</summary>
    protected abstract IPersistedMessage Snapshot();

    /// <summary>Takes in the snapshot recovery starts from.</summary>
    protected abstract void Restore(IPersistedMessage snapshot);

    /// <summary>Takes in one event, read back in recovery or just written.</summary>
    protected abstract void Apply(IPersistedMessage stored);

    /// <summary>Handles one of the child's own messages; false when it is not one.</summary>
    protected abstract bool Handle(object message);

    protected sealed override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer offer:
                Restore((IPersistedMessage)offer.Snapshot);
                break;
            case IPersistedMessage stored:
                Apply(stored);
                break;
        }
    }

    protected sealed override void OnCommand(object message)
    {
        // A message that came back from a failed incarnation (AccountEntityActor): handled as if routed, with its asker as Sender.
        if (message is HandedOn handedOn) message = handedOn.Message;
        switch (message)
        {
            case ReceiveTimeout:
                if (CanPassivate) Context.Parent.Tell(ChildIdle.Instance);
                break;
            case PassivateChild when CanPassivate:
                Context.Stop(Self);
                break;
            case PassivateChild:
                Context.Parent.Tell(ChildBusy.Instance);
                break;
            case StopForHandOff:
                Context.Stop(Self);
                break;
            case DeleteMessagesSuccess or DeleteSnapshotsSuccess when _forgetting is { } forgetting:
                if (forgetting.Left > 1) _forgetting = forgetting with { Left = forgetting.Left - 1 };
                else
                {
                    forgetting.Asker.Tell(forgetting.Reply);
                    Context.Stop(Self);
                }

                break;
            case DeleteMessagesFailure or DeleteSnapshotsFailure when _forgetting is { } forgetting:
                _forgetting = null;
                forgetting.Asker.Tell(new Status.Failure(new StoreUnavailableException("The journal could not delete the entity's events.")));
                JournalRefused();
                break;
            case SaveSnapshotSuccess or SaveSnapshotFailure or DeleteMessagesSuccess or DeleteMessagesFailure or DeleteSnapshotsSuccess or DeleteSnapshotsFailure:
                _snapshots.Handle(this, message);
                break;
            default:
                if (!Handle(message)) Unhandled(message);
                break;
        }
    }

    /// <summary>
    /// Persists <paramref name="events"/> in order, applying each with <paramref name="apply"/> once it is in
    /// the journal, then runs <paramref name="then"/>. If the write fails, <paramref name="asker"/> gets a
    /// <see cref="StoreUnavailableException"/> instead and <paramref name="then"/> never runs. With no events,
    /// <paramref name="then"/> runs at once.
    /// </summary>
    protected void PersistThen<TEvent>(IReadOnlyList<TEvent> events, IActorRef asker, Action<TEvent> apply, Action then)
        where TEvent : class
    {
        if (events.Count == 0)
        {
            then();
            return;
        }

        _waitingForWrite = asker;
        _writeFailed = false;
        var started = Stopwatch.GetTimestamp();
        PersistAll(
            events.Select(Tagging),
            stored =>
            {
                apply(stored is Akka.Persistence.Journal.Tagged tagged ? (TEvent)tagged.Payload : (TEvent)stored);
                _snapshots.AfterPersist(this, Snapshot());
            },
            () =>
            {
                _waitingForWrite = null;
                if (_writeFailed) return;
                _options.Metrics?.Written(_options.Kind, Stopwatch.GetElapsedTime(started));
                then();
            });
    }

    /// <summary>
    /// Deletes the child's whole journal and its snapshots, then stops it; its next incarnation starts empty (the
    /// journal keeps only the highest sequence number). The deletes complete in the journal after the stop.
    /// </summary>
    protected void Forget()
    {
        DeleteMessages(LastSequenceNr);
        DeleteSnapshots(new SnapshotSelectionCriteria(long.MaxValue, DateTime.MaxValue));
        Context.Stop(Self);
    }

    /// <summary>
    /// Like <see cref="Forget()"/>, but answers <paramref name="reply"/> to <paramref name="asker"/> only once the journal
    /// has deleted the events and the snapshots, then stops: whoever waits for the answer knows the next incarnation
    /// starts empty. A failed delete answers a <see cref="StoreUnavailableException"/> and the child keeps running.
    /// </summary>
    protected void Forget(IActorRef asker, object reply)
    {
        _forgetting = new Forgetting(asker, reply, 2);
        DeleteMessages(LastSequenceNr);
        DeleteSnapshots(new SnapshotSelectionCriteria(long.MaxValue, DateTime.MaxValue));
    }

    private Forgetting? _forgetting;

    private sealed record Forgetting(IActorRef Asker, object Reply, int Left);

    /// <summary>Wraps an event that is also an audit entry in the journal tag the audit reader queries.</summary>
    private static object Tagging<TEvent>(TEvent e)
        where TEvent : class =>
        e is Persistence.Audit.IAuditedEvent ? new Akka.Persistence.Journal.Tagged(e, [Persistence.Audit.AuditTag.Name]) : e;

    protected override void OnReplaySuccess()
    {
        _options.Metrics?.Recovered(_options.Kind, Stopwatch.GetElapsedTime(_started));
        Context.Parent.Tell(ChildRecovered.Instance);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _options.Metrics?.RecoveryFailed(_options.Kind);
        Context.Parent.Tell(new ChildRecoveryFailed(reason.Message));
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // Akka.Persistence stops the actor after a failed write (a rejected one continues, below).
        Context.Parent.Tell(ChildWriteFailed.Instance);
        FailWrite(cause);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        FailWrite(cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
        JournalRefused();
    }

    /// <summary>
    /// The journal rejected a write, or could not delete what <see cref="Forget(IActorRef, object)"/> asked for: the child
    /// runs on as it was and what was to follow does not happen, so a subclass puts back what it took for it (the
    /// device: a held Ping it was given for an admin's order).
    /// </summary>
    protected virtual void JournalRefused()
    {
    }

    private void FailWrite(Exception cause)
    {
        _writeFailed = true;
        _options.Metrics?.WriteFailed(_options.Kind);
        _waitingForWrite?.Tell(new Status.Failure(new StoreUnavailableException($"The journal refused a write of {_persistenceId}: {cause.Message}", cause)));
        _waitingForWrite = null;
    }
}
