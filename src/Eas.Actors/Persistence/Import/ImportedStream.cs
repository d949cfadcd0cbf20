using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Persistence.Import;

/// <summary>
/// What the import writes into one journal stream: its events first (each under its manifest), then its snapshot if it
/// has one, taken at the last event's sequence number (0 when there are none). The entity's actor recovers exactly
/// this: the snapshot, or the events, as if it had written them itself. <c>Kind</c> is the old row kind the stream came
/// from, for the counts in the log.
/// </summary>
public sealed record ImportedStream(string Kind, string PersistenceId, ImmutableArray<IPersistedMessage> Events, IPersistedMessage? Snapshot);

/// <summary>A row the import could not read; it is logged and left out, and the rest of the import goes on.</summary>
public sealed record SkippedRow(string Kind, string Id, string Reason);

/// <summary>Everything one import writes, and the rows it left out.</summary>
public sealed record LegacyImportPlan(ImmutableArray<ImportedStream> Streams, ImmutableArray<SkippedRow> Skipped)
{
    /// <summary>The streams per old row kind.</summary>
    public ImmutableSortedDictionary<string, int> CountsByKind =>
        Streams.GroupBy(s => s.Kind).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
