using System.Collections.Immutable;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// The device's per-folder sync states: those in the journal, and those a command has staged and that are
/// persisted together with the command's other events before its response leaves. A staged state is written
/// as what changed since the saved one (<see cref="CollectionStateAdvanced"/>), or whole
/// (<see cref="CollectionStateChanged"/>) when the folder has no saved state or starts a new epoch or
/// UIDVALIDITY. A command that fails drops what it staged. Also remembers the last full Sync request,
/// which 12.1+ phones may omit (an empty Sync repeats it); that one is not durable.
/// </summary>
internal sealed class CollectionCache
{
    /// <summary>What the running command staged; null when nothing is (a parked device holds no dictionary).</summary>
    private Dictionary<string, CollectionSyncState>? _staged;

    /// <summary>
    /// The state each delta being written leads to, so its write's callback takes it as is instead of applying the
    /// delta again; null when no write is under way.
    /// </summary>
    private Dictionary<CollectionStateAdvanced, CollectionSyncState>? _writing;

    public CollectionCache(ImmutableDictionary<string, CollectionSyncState> saved, ImmutableDictionary<string, Sync.Pim.PimSyncState>? pim = null)
    {
        Saved = saved;
        Pim = new PimCollectionCache(pim ?? ImmutableDictionary<string, Sync.Pim.PimSyncState>.Empty);
    }

    /// <summary>The PIM collections' states (contacts), staged and written with the email ones.</summary>
    public PimCollectionCache Pim { get; }

    /// <summary>The states in the journal, by folder id.</summary>
    public ImmutableDictionary<string, CollectionSyncState> Saved { get; private set; }

    public SyncRequest? LastRequest { get; set; }

    /// <summary>The folder's state as the running command sees it: staged, else saved; null when never synced.</summary>
    public CollectionSyncState? Get(string folderId) =>
        _staged is not null && _staged.TryGetValue(folderId, out var staged) ? staged : Saved.GetValueOrDefault(folderId);

    /// <summary>
    /// The UID of the message that a ServerId's <paramref name="phoneUid"/> names in an email folder: a changed draft's
    /// current message through the folder's aliases (<see cref="ClientItems.StoreUid"/>), else the UID itself.
    /// </summary>
    public uint StoreUid(string folderId, uint phoneUid) => Get(folderId) is { } state ? ClientItems.StoreUid(state, phoneUid) : phoneUid;

    /// <summary>Stages a new state of the folder; it becomes durable with the command's events.</summary>
    public void Stage(string folderId, CollectionSyncState state) => (_staged ??= new(StringComparer.Ordinal))[folderId] = state;

    /// <summary>
    /// The staged states as events to persist, in folder order, each against the saved state it follows (so
    /// they must be applied before anything else changes <see cref="Saved"/>); staging starts afresh.
    /// </summary>
    public IReadOnlyList<IPersistedMessage> TakeStaged()
    {
        List<IPersistedMessage> events = _staged is null ? [] : [.. _staged.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => ToEvent(pair.Key, pair.Value))];
        _staged = null;
        events.AddRange(Pim.TakeStaged());
        return events;
    }

    /// <summary>Takes in a whole state the journal confirmed (or that recovery read back).</summary>
    public void Apply(CollectionStateChanged changed) => Saved = Saved.SetItem(changed.FolderId, ItemsEdit.Saved(changed.State));

    /// <summary>
    /// Takes in a state change the journal confirmed: the state it was taken from when this cache wrote it, else
    /// (recovery) the delta applied to the saved state it follows.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder has no saved state of the delta's epoch: the journal is not the one it was written to.</exception>
    public void Apply(CollectionStateAdvanced advanced)
    {
        if (_writing is not null && _writing.Remove(advanced, out var written))
        {
            if (_writing.Count == 0) _writing = null;
            Saved = Saved.SetItem(advanced.FolderId, ItemsEdit.Saved(written));
            return;
        }

        var saved = Saved.GetValueOrDefault(advanced.FolderId)
            ?? throw new InvalidOperationException($"Folder {advanced.FolderId} has a sync state delta but no state before it in the journal.");
        Saved = Saved.SetItem(advanced.FolderId, advanced.Delta.ApplyTo(saved));
    }

    /// <summary>Drops what a failed command staged or was writing.</summary>
    public void DropStaged()
    {
        Pim.DropStaged();
        (_staged, _writing) = (null, null);
    }

    private IPersistedMessage ToEvent(string folderId, CollectionSyncState state)
    {
        if (Saved.GetValueOrDefault(folderId) is not { } saved || CollectionStateDelta.Between(saved, state) is not { } delta)
            return new CollectionStateChanged(folderId, state);
        var advanced = new CollectionStateAdvanced(folderId, delta);
        (_writing ??= new(ReferenceEqualityComparer.Instance))[advanced] = state;
        return advanced;
    }
}
