using Akka.Persistence;

namespace Eas.Actors.Persistence.Journal;

/// <summary>
/// Keeps an entity's journal short: a snapshot every <see cref="Every"/> events, and once the snapshot store has
/// confirmed it, the events up to it and the older snapshots are deleted. Recovery then reads one snapshot and
/// fewer than <see cref="Every"/> events.
/// </summary>
/// <remarks>
/// <para>
/// One instance per actor incarnation, created in the actor's constructor: it remembers whether a deletion is
/// still running. The actor calls <see cref="AfterPersist"/> from the handler of every persisted event (with
/// <c>PersistAll</c> Akka runs the handler once per event, with <see cref="Eventsourced.LastSequenceNr"/> at that
/// event), and hands the snapshot store's and journal's answers to <see cref="Handle"/>, registered last:
/// </para>
/// <code>
/// Command&lt;StartPing&gt;(c =&gt; Persist(Decide(_state, c), e =&gt; { _state = _state.Apply(e); _snapshots.AfterPersist(this, _state); }));
/// Command&lt;object&gt;(message =&gt; _snapshots.Handle(this, message));
/// </code>
/// <para>
/// Nothing is deleted before the snapshot is durable. Deletions of one entity never overlap: Akka.Persistence.Sql
/// 1.5.73 deletes in a transaction (mark deleted, then delete), and two of them for the same persistence id
/// deadlock on PostgreSQL (<c>40P01</c>, seen here when snapshots came faster than deletions). A snapshot saved
/// while a deletion runs is trimmed to when it ends. A failed save or delete only leaves a longer journal; the
/// next snapshot tries again. Akka.Persistence.Sql keeps the row of the highest deleted event, marked deleted,
/// so sequence numbers are never reused.
/// </para>
/// </remarks>
public sealed class SnapshotPolicy
{
    private int _unansweredDeletions;
    private long _snapshotToTrimTo;

    private readonly bool _keepEvents;

    /// <summary>
    /// A policy that snapshots every <paramref name="every"/> events. With <paramref name="keepEvents"/> only older
    /// snapshots are deleted, never events: for streams whose events are audit entries, because
    /// Akka.Persistence.Sql 1.5.73 deletes a stream's tag rows with its events and its query by tag skips deleted
    /// rows, so trimming would silently drop audit entries.
    /// </summary>
    public SnapshotPolicy(int every, bool keepEvents = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        Every = every;
        _keepEvents = keepEvents;
    }

    /// <summary>How many events lie between two snapshots.</summary>
    public int Every { get; }

    /// <summary>Whether the event with <paramref name="sequenceNr"/> is followed by a snapshot.</summary>
    public bool IsDue(long sequenceNr) => sequenceNr > 0 && sequenceNr % Every == 0;

    /// <summary>
    /// Saves <paramref name="state"/> (an <see cref="IPersistedMessage"/>, so it gets our serializer) when the event
    /// just persisted completes a multiple of <see cref="Every"/>.
    /// </summary>
    public void AfterPersist(Eventsourced actor, IPersistedMessage state)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (IsDue(actor.LastSequenceNr))
        {
            actor.SaveSnapshot(state);
        }
    }

    /// <summary>
    /// Takes the answers to the policy's own requests (<see cref="SaveSnapshotSuccess"/> and
    /// <see cref="SaveSnapshotFailure"/>, success and failure of <c>DeleteMessages</c> and <c>DeleteSnapshots</c>)
    /// and returns false for any other message, so that it can sit last in a <c>ReceivePersistentActor</c>.
    /// </summary>
    public bool Handle(Eventsourced actor, object message)
    {
        ArgumentNullException.ThrowIfNull(actor);
        switch (message)
        {
            case SaveSnapshotSuccess saved:
                _snapshotToTrimTo = Math.Max(_snapshotToTrimTo, saved.Metadata.SequenceNr);
                TrimIfIdle(actor);
                return true;
            case DeleteMessagesSuccess or DeleteMessagesFailure or DeleteSnapshotsSuccess or DeleteSnapshotsFailure:
                if (_unansweredDeletions > 0)
                {
                    _unansweredDeletions--;
                    TrimIfIdle(actor);
                }

                return true;
            case SaveSnapshotFailure:
                return true;
            default:
                return false;
        }
    }

    private void TrimIfIdle(Eventsourced actor)
    {
        if (_unansweredDeletions > 0 || _snapshotToTrimTo == 0)
        {
            return;
        }

        var sequenceNr = _snapshotToTrimTo;
        _snapshotToTrimTo = 0;
        _unansweredDeletions = 0;
        if (!_keepEvents)
        {
            actor.DeleteMessages(sequenceNr);
            _unansweredDeletions++;
        }

        if (sequenceNr > 1)
        {
            actor.DeleteSnapshots(new SnapshotSelectionCriteria(sequenceNr - 1));
            _unansweredDeletions++;
        }
    }
}
