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
    /// <summary>What the running command staged, and the state each delta being written leads to; null when none (a parked device holds neither).</summary>
    private Dictionary<string, PimSyncState>? _staged;
    private Dictionary<PimStateAdvanced, PimSyncState>? _writing;

    public ImmutableDictionary<string, PimSyncState> Saved { get; private set; } = saved;

    public PimSyncState? Get(string folderId) =>
        _staged is not null && _staged.TryGetValue(folderId, out var staged) ? staged : Saved.GetValueOrDefault(folderId);

    public void Stage(string folderId, PimSyncState state) => (_staged ??= new(StringComparer.Ordinal))[folderId] = state;

    public IEnumerable<IPersistedMessage> TakeStaged()
    {
        if (_staged is null) return [];
        var events = _staged.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => ToEvent(pair.Key, pair.Value)).ToList();
        _staged = null;
        return events;
    }

    public void Apply(PimStateChanged changed) => Saved = Saved.SetItem(changed.FolderId, changed.State);

    /// <exception cref="InvalidOperationException">The collection has no saved state before the delta.</exception>
    public void Apply(PimStateAdvanced advanced)
    {
        if (_writing is not null && _writing.Remove(advanced, out var written))
        {
            if (_writing.Count == 0) _writing = null;
            Saved = Saved.SetItem(advanced.FolderId, written);
            return;
        }

        var saved = Saved.GetValueOrDefault(advanced.FolderId)
            ?? throw new InvalidOperationException($"PIM collection {advanced.FolderId} has a sync state delta but no state before it in the journal.");
        Saved = Saved.SetItem(advanced.FolderId, advanced.Delta.ApplyTo(saved));
    }

    public void DropStaged()
    {
        (_staged, _writing) = (null, null);
    }

    private IPersistedMessage ToEvent(string folderId, PimSyncState state)
    {
        if (Saved.GetValueOrDefault(folderId) is not { } saved || PimStateDelta.Between(saved, state) is not { } delta)
            return new PimStateChanged(folderId, state);
        var advanced = new PimStateAdvanced(folderId, delta);
        (_writing ??= new(ReferenceEqualityComparer.Instance))[advanced] = state;
        return advanced;
    }
}
