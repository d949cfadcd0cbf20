using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Persistence.Audit;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence.Audit;

/// <summary>An audited event of a kind the product does not have, to show the reader needs nothing per type.</summary>
public sealed record NoteTaken(string Text, string By, DateTimeOffset At) : IAuditedEvent
{
    public const string Manifest = "test.note-taken.v1";

    string IAuditedEvent.Change => "test.note";

    object IAuditedEvent.Details => new { Text };
}

/// <summary>How many notes a <see cref="NoteActor"/> has taken; its snapshot.</summary>
public sealed record NoteCount(int Count) : IPersistedMessage
{
    public const string Manifest = "test.note-count.v1";
}

/// <summary>Persists each note it is told as an audited event and answers the count; snapshots with <see cref="SnapshotPolicy"/> keeping events.</summary>
public sealed class NoteActor : ReceivePersistentActor
{
    private readonly SnapshotPolicy _snapshots;
    private NoteCount _state = new(0);

    public NoteActor(string persistenceId, int snapshotEvery, IActorRef observer)
    {
        PersistenceId = persistenceId;
        _snapshots = new SnapshotPolicy(snapshotEvery, keepEvents: true);
        Recover<SnapshotOffer>(offer => _state = (NoteCount)offer.Snapshot);
        Recover<NoteTaken>(_ => _state = new(_state.Count + 1));
        Command<NoteTaken>(note => Persist(AuditedEvents.Tagged(note), _ =>
        {
            _state = new(_state.Count + 1);
            _snapshots.AfterPersist(this, _state);
            Sender.Tell(_state);
        }));
        Command<object>(message =>
        {
            if (!_snapshots.Handle(this, message)) return false;
            observer.Tell(message);
            return true;
        });
    }

    public override string PersistenceId { get; }

    /// <summary>The notes' manifests, next to the journal tests' tally entity, whose snapshot policy trims its stream.</summary>
    public static JsonManifestSetup Manifests { get; } = Eas.Actors.Tests.Persistence.Journal.TallyManifests.Setup.With<NoteTaken>(NoteTaken.Manifest).With<NoteCount>(NoteCount.Manifest);
}

