using Akka.Hosting;

namespace Eas.Actors.Persistence.Audit;

/// <summary>Composition of the audit log's read side (Akka.Hosting); call it after <c>WithEasPersistence</c>.</summary>
public static class AuditHostingExtensions
{
    /// <summary>
    /// How long the read journal's sequence tracker waits for a gap in the journal's ordering before it takes the gap
    /// as permanent: <c>query-delay</c> × <c>max-tries</c>. Every journal has gaps (the rows deleted behind snapshots,
    /// inserts rolled back on PostgreSQL), and the tracker starts from scratch with each actor system, so with
    /// Akka.Persistence.Sql's default of 10 × 1 s the first <see cref="AuditReader.ReadAsync"/> after a start took
    /// 10.6 s here; with 2 × 1 s, 2.4 s. A gap is a rolled-back or deleted row, or an insert of another
    /// node still in flight: two seconds are ample for the latter, and the tracker still polls only once a second.
    /// </summary>
    public const string SequenceRetrievalHocon = """
        akka.persistence.query.journal.sql.journal-sequence-retrieval {
          query-delay = 1s
          max-tries = 2
        }
        """;

    /// <summary>Tunes the read journal that <see cref="AuditReader"/> queries (see <see cref="SequenceRetrievalHocon"/>).</summary>
    public static AkkaConfigurationBuilder WithAuditLog(this AkkaConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHocon(SequenceRetrievalHocon, HoconAddMode.Prepend);
    }
}
