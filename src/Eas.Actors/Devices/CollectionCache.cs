using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// The device actor's copy of its per-folder sync states and their stored versions, loaded on first use.
/// Also remembers the last full Sync request, which 12.1+ phones may omit (an empty Sync repeats it).
/// </summary>
internal sealed class CollectionCache(CollectionStateStore store, string deviceEntityId)
{
    private readonly Dictionary<string, (CollectionSyncState? State, long Version)> _states = new(StringComparer.Ordinal);

    public SyncRequest? LastRequest { get; set; }

    public async Task<CollectionSyncState?> GetAsync(string folderId)
    {
        if (!_states.TryGetValue(folderId, out var entry))
        {
            entry = await store.LoadAsync(deviceEntityId, folderId);
            _states[folderId] = entry;
        }

        return entry.State;
    }

    /// <summary>Writes the state durably, then keeps it; a failed write leaves the cached state as it was.</summary>
    public async Task SaveAsync(string folderId, CollectionSyncState state)
    {
        var version = _states.TryGetValue(folderId, out var entry) ? entry.Version : 0;
        var saved = await store.SaveAsync(deviceEntityId, folderId, state, version);
        _states[folderId] = (state, saved);
    }

    /// <summary>Forgets cached states, e.g. after a failed write whose outcome is unknown.</summary>
    public void Clear() => _states.Clear();
}
