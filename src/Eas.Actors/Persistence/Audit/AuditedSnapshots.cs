using Akka.Persistence;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Persistence.Audit;

/// <summary>
/// The snapshots of a stream whose events are audit entries: a snapshot every <see cref="Every"/> events, so that
/// recovery reads one snapshot and fewer than <see cref="Every"/> events, and once it is saved the older snapshots
/// are deleted. The events themselves are kept: they are the audit log.
/// </summary>
/// <remarks>
/// <para>
/// This is <see cref="SnapshotPolicy"/> without its journal trimming, on purpose. Akka.Persistence.Sql 1.5.73
/// deletes an entity's tag rows together with its events, and its query by tag skips events marked deleted, so
/// trimming behind a snapshot would silently drop every <see cref="IAuditedEvent"/> up to it from
/// <see cref="AuditReader"/>. Streams that hold audit entries are small (admin changes, one license decision per
/// account), so keeping them costs little.
/// </para>
/// <para>
/// Use it as <see cref="SnapshotPolicy"/>: one instance per incarnation, <see cref="AfterPersist"/> from the handler
/// of every persisted event, <see cref="Handle"/> registered last. Deletions of one stream never overlap (two
/// deletions of one persistence id can deadlock on PostgreSQL); a snapshot saved while one runs is handled when it
/// ends. A failed save or delete only leaves an extra snapshot; the next one tries again.
/// </para>
/// </remarks>
public sealed class AuditedSnapshots
{
    private bool _deleting;
    private long _savedAt;

    /// <summary>Snapshots every <paramref name="every"/> events.</summary>
    public AuditedSnapshots(int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        Every = every;
    }

    /// <summary>How many events lie between two snapshots.</summary>
    public int Every { get; }

    /// <summary>Saves <paramref name="state"/> when the event just persisted completes a multiple of <see cref="Every"/>.</summary>
    public void AfterPersist(Eventsourced actor, IPersistedMessage state)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.LastSequenceNr > 0 && actor.LastSequenceNr % Every == 0)
        {
            actor.SaveSnapshot(state);
        }
    }

    /// <summary>
    /// Takes the snapshot store's answers to this policy's requests and returns false for any other message, so
    /// that it can sit last in a <c>ReceivePersistentActor</c>.
    /// </summary>
    public bool Handle(Eventsourced actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        switch (message)
        {
            case SaveSnapshotSuccess saved:
                _savedAt = Math.Max(_savedAt, saved.Metadata.SequenceNr);
                DeleteOlderIfIdle(actor);
                return true;
            case DeleteSnapshotsSuccess or DeleteSnapshotsFailure:
                _deleting = false;
                DeleteOlderIfIdle(actor);
                return true;
            case SaveSnapshotFailure:
                return true;
            default:
                return false;
        }
    }

    private void DeleteOlderIfIdle(Eventsourced actor)
    {
        if (_deleting || _savedAt <= 1)
        {
            return;
        }

        actor.DeleteSnapshots(new SnapshotSelectionCriteria(_savedAt - 1));
        _savedAt = 0;
        _deleting = true;
    }
}
