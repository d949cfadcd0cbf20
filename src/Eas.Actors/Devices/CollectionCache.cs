using System.Collections.Immutable;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// The device's per-folder sync states: those in the journal, and those a command has staged and that are
/// persisted (as <see cref="CollectionStateChanged"/>) together with the command's other events before its
/// response leaves. A command that fails drops what it staged. Also remembers the last full Sync request,
/// which 12.1+ phones may omit (an empty Sync repeats it); that one is not durable.
/// </summary>
internal sealed class CollectionCache
{
    private readonly Dictionary<string, CollectionSyncState> _staged = new(StringComparer.Ordinal);

    public CollectionCache(ImmutableDictionary<string, CollectionSyncState> saved) => Saved = saved;

    /// <summary>The states in the journal, by folder id.</summary>
    public ImmutableDictionary<string, CollectionSyncState> Saved { get; private set; }

    public SyncRequest? LastRequest { get; set; }

    /// <summary>The folder's state as the running command sees it: staged, else saved; null when never synced.</summary>
    public CollectionSyncState? Get(string folderId) =>
        _staged.TryGetValue(folderId, out var staged) ? staged : Saved.GetValueOrDefault(folderId);

    /// <summary>Stages a new state of the folder; it becomes durable with the command's events.</summary>
    public void Stage(string folderId, CollectionSyncState state) => _staged[folderId] = state;

    /// <summary>The staged states as events to persist, in folder order; staging starts afresh.</summary>
    public IReadOnlyList<CollectionStateChanged> TakeStaged()
    {
        var events = _staged.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new CollectionStateChanged(pair.Key, pair.Value)).ToList();
        _staged.Clear();
        return events;
    }

    /// <summary>Takes in a state the journal confirmed (or that recovery read back).</summary>
    public void Apply(CollectionStateChanged changed) => Saved = Saved.SetItem(changed.FolderId, changed.State);

    /// <summary>Drops what a failed command staged.</summary>
    public void DropStaged() => _staged.Clear();
}
