using System.Data.Common;
using System.Text.Json;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Eas.Actors.Persistence.Audit;

/// <summary>
/// Reads the deployment's audit log: every <see cref="IAuditedEvent"/> of every stream, whichever actor persisted
/// it, oldest first, through Akka.Persistence.Sql's read journal (<see cref="SqlReadJournal.Identifier"/>,
/// <c>akka.persistence.query.journal.sql</c>, which <c>WithSqlPersistence</c> configures together with the
/// journal) and its query by the tag <see cref="AuditTag.Name"/>.
/// </summary>
/// <remarks>
/// <para>
/// The paging key is the journal's global ordering (<see cref="Sequence"/> offset, exclusive). The query answers
/// everything written before it started, but only once the read journal's sequence tracker has caught up with the
/// journal: normally within its query delay (1 s), and up to ten times that while the tracker waits for gaps in the
/// ordering (rolled-back inserts, rows deleted behind snapshots) to be filled, which it does after every start.
/// </para>
/// <para>
/// The read journal is made on the first read, not with the reader, once the write journal is ready
/// (<see cref="Journal.ReadJournalSource"/>: a node at start answers 503 rather than 500). Once made it polls the
/// journal's orderings for the life of the actor system.
/// </para>
/// </remarks>
public sealed class AuditReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ActorSystem _system;
    private readonly Journal.ReadJournalSource _journal;

    public AuditReader(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _system = system;
        _journal = new Journal.ReadJournalSource(system);
    }

    /// <summary>At most <paramref name="maxCount"/> entries with a <see cref="AuditRecord.Sequence"/> above <paramref name="afterSequence"/>, oldest first.</summary>
    /// <exception cref="StoreUnavailableException">The journal is not ready yet, or the database could not be read.</exception>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        var journal = await _journal.GetAsync(cancellationToken);
        var (reading, entries) = journal.CurrentEventsByTag(AuditTag.Name, Offset.Sequence(afterSequence))
            .Take(maxCount)
            .Select(RecordOf)
            .ViaMaterialized(KillSwitches.Single<AuditRecord>(), Keep.Right)
            .ToMaterialized(Sink.Seq<AuditRecord>(), Keep.Both)
            .Run(_system.Materializer());
        await using var cancel = cancellationToken.Register(() => reading.Abort(new OperationCanceledException(cancellationToken)));
        try
        {
            return await entries;
        }
        catch (DbException e)
        {
            throw new StoreUnavailableException("The audit log could not be read from the journal.", e);
        }
    }

    private static AuditRecord RecordOf(EventEnvelope envelope) =>
        envelope is { Offset: Sequence sequence, Event: IAuditedEvent audited }
            ? new AuditRecord(sequence.Value, audited.At, audited.By, audited.Change, JsonSerializer.SerializeToElement(audited.Details, audited.Details.GetType(), Json))
            : throw new InvalidDataException($"Event {envelope.SequenceNr} of '{envelope.PersistenceId}' is tagged '{AuditTag.Name}' but is a {envelope.Event?.GetType().Name ?? "null"}, not an {nameof(IAuditedEvent)}.");
}
