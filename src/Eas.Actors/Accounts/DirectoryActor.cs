using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Persistence;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Accounts;

/// <summary>
/// The levels above the accounts (service switch, service defaults, domains, classes), one per deployment: a
/// cluster singleton reached through its proxy, recovering from the journal stream
/// <see cref="PersistenceIds.Directory"/>. Admin changes are applied one at a time (<c>Persist</c> holds later
/// commands) and are in the journal, as their own audit entries, before they are published and answered. The
/// state after recovery and after every change reaches each node's <see cref="DirectoryView"/> through
/// distributed pub-sub (<see cref="DirectoryViewSubscriber"/>), so the account gates resolve settings without a
/// round trip to the singleton. The directory also persists the audit entries of admin actions that change no
/// actor's state (<see cref="RecordAdminAction"/>).
/// </summary>
public sealed class DirectoryActor : ReceivePersistentActor
{
    /// <summary>The singleton's name (and the name of the supervised actor under it).</summary>
    public const string Name = "directory";

    private readonly DirectoryActorSettings _settings;
    private readonly SnapshotPolicy _snapshots;
    private DirectoryState _state = DirectoryState.Default;
    private IActorRef? _waiting;

    public DirectoryActor(DirectoryActorSettings settings)
    {
        _settings = settings;
        _snapshots = new SnapshotPolicy(settings.SnapshotEvery, keepEvents: true);
        Recover<SnapshotOffer>(offer => _state = (DirectoryState)offer.Snapshot);
        Recover<DirectoryChanged>(e => _state = DirectoryDecisions.Apply(_state, e.Change));
        Recover<AdminActionRecorded>(_ => { });
        Recover<RecoveryCompleted>(_ => Publish(_state));
        Command<GetDirectory>(_ => Sender.Tell(_state));
        Command<ChangeDirectory>(Change);
        Command<RecordAdminAction>(record => PersistAudited(
            new AdminActionRecorded(record.Change, record.Details, record.By, _settings.Clock.GetUtcNow()), recorded => recorded));
        Command<object>(message => _snapshots.Handle(this, message));
    }

    public override string PersistenceId => PersistenceIds.Directory;

    /// <summary>The props the singleton manager runs: the actor restarted after a journal failure (<see cref="Cluster.RestartingSingleton"/>).</summary>
    public static Props SingletonProps(DirectoryActorSettings settings) =>
        Cluster.RestartingSingleton.Props(Props.Create(() => new DirectoryActor(settings)), Name, "directory");

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Fail(new StoreUnavailableException("The directory could not write to the journal; whether the change was written is known once it has recovered. Try again.", cause));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        Fail(cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    /// <summary>A change that changes nothing is answered without an event; a blank domain or class name fails only its ask.</summary>
    private void Change(ChangeDirectory change)
    {
        DirectoryState next;
        try
        {
            next = DirectoryDecisions.Apply(_state, change.Change);
        }
        catch (ArgumentException e)
        {
            Sender.Tell(new Status.Failure(e));
            return;
        }

        if (next == _state)
        {
            Sender.Tell(_state);
            return;
        }

        PersistAudited(new DirectoryChanged(change.Change, change.By, _settings.Clock.GetUtcNow()), changed =>
        {
            _state = DirectoryDecisions.Apply(_state, changed.Change);
            Publish(_state);
            return _state;
        });
    }

    /// <summary>Persists an audited event and answers the sender with what <paramref name="applied"/> returns, after the write.</summary>
    private void PersistAudited<TEvent>(TEvent e, Func<TEvent, object> applied)
        where TEvent : IAuditedEvent
    {
        var replyTo = Sender;
        _waiting = replyTo;
        Persist(AuditedEvents.Tagged(e), _ =>
        {
            var answer = applied(e);
            _snapshots.AfterPersist(this, _state);
            _waiting = null;
            replyTo.Tell(answer);
        });
    }

    private void Fail(Exception cause)
    {
        _waiting?.Tell(new Status.Failure(cause));
        _waiting = null;
    }

    private static void Publish(DirectoryState state) =>
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Publish(DirectoryViewSubscriber.Topic, new DirectoryPublished(state)));
}
