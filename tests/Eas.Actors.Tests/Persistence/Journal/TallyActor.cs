using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>
/// The test entity, written the way product entities are: persist, apply, reply, and after each event the snapshot
/// policy of this incarnation. What the test cannot ask for (the policy's answers, failures) goes to the observer.
/// </summary>
public sealed class TallyActor : ReceivePersistentActor
{
    private readonly IActorRef _observer;
    private readonly SnapshotPolicy? _snapshots;
    private TallyState _state = TallyState.Empty;
    private long? _snapshotSequenceNr;
    private int _eventsReplayed;

    public TallyActor(string persistenceId, IActorRef observer, int? snapshotEvery)
    {
        PersistenceId = persistenceId;
        _observer = observer;
        _snapshots = snapshotEvery is { } every ? new SnapshotPolicy(every) : null;

        Recover<SnapshotOffer>(offer =>
        {
            _state = (TallyState)offer.Snapshot;
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<TallyEvent>(e =>
        {
            _state = _state.Apply(e);
            _eventsReplayed++;
        });

        Command<Record>(command => Persist(command.Event, e =>
        {
            _state = _state.Apply(e);
            _snapshots?.AfterPersist(this, _state);
            Sender.Tell(new Persisted(LastSequenceNr, _state));
        }));
        Command<GetTally>(_ => Sender.Tell(new TallyView(_state, LastSequenceNr, _snapshotSequenceNr, _eventsReplayed)));
        Command<object>(message =>
        {
            if (_snapshots?.Handle(this, message) != true)
            {
                return false;
            }

            _observer.Tell(message);
            return true;
        });
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, IActorRef observer, int? snapshotEvery = null) =>
        Akka.Actor.Props.Create(() => new TallyActor(persistenceId, observer, snapshotEvery));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _observer.Tell(new PersistFailed(cause, _state, Rejected: false));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _observer.Tell(new PersistFailed(cause, _state, Rejected: true));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _observer.Tell(new RecoveryFailed(reason));
        base.OnRecoveryFailure(reason, message);
    }
}
