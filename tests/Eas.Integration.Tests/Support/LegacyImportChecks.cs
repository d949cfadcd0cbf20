using Eas.Actors.Persistence.Import;

namespace Eas.Integration.Tests.Support;

/// <summary>What a finished import left in the journal, counted in its tables.</summary>
internal static class LegacyImportChecks
{
    /// <summary>
    /// Every stream of the import holds its events exactly once (as many journal rows as the import maps events, none
    /// written twice by a run that resumed) and, where it has one, its snapshot. Call it before a phone makes the
    /// entities write events of their own.
    /// </summary>
    public static async Task EveryStreamOnceAsync(JournalRows journal, IReadOnlyDictionary<string, ImportedStream> streams)
    {
        var events = await journal.EventsAsync();
        var snapshots = await journal.SnapshotsAsync();
        foreach (var (id, stream) in streams)
        {
            events.GetValueOrDefault(id).ShouldBe(stream.Events.Length, $"the journal rows of {id}");
            if (stream.Snapshot is not null) snapshots.GetValueOrDefault(id).ShouldBe(1, $"the snapshots of {id}");
        }
    }
}
