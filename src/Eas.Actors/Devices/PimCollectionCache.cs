using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Pim;

namespace Eas.Actors.Devices;

/// <summary>
/// The device's PIM collections' sync states (contacts), kept like <see cref="CollectionCache"/> keeps email's: those
/// in the journal, and those a command staged, written with its other events before its response leaves, as a delta
/// (<see cref="PimStateAdvanced"/>) or whole (<see cref="PimStateChanged"/>) on a new epoch.
/// </summary>
internal sealed class PimCollectionCache(ImmutableDictionary<string, PimSyncState> saved)
{
    private readonly Dictionary<string, PimSyncState> _staged = new(StringComparer.Ordinal);
    private readonly Dictionary<PimStateAdvanced, PimSyncState> _writing = new(ReferenceEqualityComparer.Instance);

    public ImmutableDictionary<string, PimSyncState> Saved { get; private set; } = saved;

    public PimSyncState? Get(string folderId) =>
        _staged.TryGetValue(folderId, out var staged) ? staged : Saved.GetValueOrDefault(folderId);

    public void Stage(string folderId, PimSyncState state) => _staged[folderId] = state;

    public IEnumerable<IPersistedMessage> TakeStaged()
    {
        var events = _staged.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => ToEvent(pair.Key, pair.Value)).ToList();
        _staged.Clear();
        return events;
    }

    public void Apply(PimStateChanged changed) => Saved = Saved.SetItem(changed.FolderId, changed.State);

    /// <exception cref="InvalidOperationException">The collection has no saved state before the delta.</exception>
    public void Apply(PimStateAdvanced advanced)
    {
        if (_writing.Remove(advanced, out var written))
        {
            Saved = Saved.SetItem(advanced.FolderId, written);
            return;
        }

        var saved = Saved.GetValueOrDefault(advanced.FolderId)
            ?? throw new InvalidOperationException($"PIM collection {advanced.FolderId} has a sync state delta but no state before it in the journal.");
        Saved = Saved.SetItem(advanced.FolderId, advanced.Delta.ApplyTo(saved));
    }

    public void DropStaged()
    {
        _staged.Clear();
        _writing.Clear();
    }

    private IPersistedMessage ToEvent(string folderId, PimSyncState state)
    {
        if (Saved.GetValueOrDefault(folderId) is not { } saved || PimStateDelta.Between(saved, state) is not { } delta)
            return new PimStateChanged(folderId, state);
        var advanced = new PimStateAdvanced(folderId, delta);
        _writing[advanced] = state;
        return advanced;
    }
}
