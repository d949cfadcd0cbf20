using System.Collections.Immutable;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Sync.Hierarchy;

/// <summary>
/// The FolderSync rules (MS-ASCMD 2.2.1.5, 2.2.3.177.3): SyncKey 0 starts over with every folder as an Add;
/// the current key gets the changes since; the previous key gets the changes since the previous state (the
/// answer to it was lost); any other key is Status 9 so the phone starts over. A new key is issued only when
/// something changed. Pure: the caller supplies the folders that exist now and a fresh epoch.
/// </summary>
public static class HierarchySync
{
    public static HierarchyDecision Decide(HierarchySyncState? state, string clientKey, IReadOnlyCollection<FolderView> current, string newEpoch)
    {
        var now = current.ToImmutableSortedDictionary(f => f.ServerId, f => f, StringComparer.Ordinal);
        if (clientKey == "0")
        {
            var fresh = new HierarchySyncState { Epoch = newEpoch, Counter = 1, Known = now };
            return new HierarchyDecision(FolderSyncStatus.Success, fresh.Key, Diff(ImmutableSortedDictionary<string, FolderView>.Empty, now), fresh);
        }

        if (state is null) return Invalid();
        if (clientKey == state.Key)
        {
            var changes = Diff(state.Known, now);
            if (changes.IsEmpty) return new HierarchyDecision(FolderSyncStatus.Success, state.Key, [], state);
            var advanced = state with { Counter = state.Counter + 1, Known = now, PreviousCounter = state.Counter, PreviousKnown = state.Known };
            return new HierarchyDecision(FolderSyncStatus.Success, advanced.Key, changes, advanced);
        }

        if (clientKey == state.PreviousKey)
        {
            var replayed = state with { Counter = state.Counter + 1, Known = now };
            return new HierarchyDecision(FolderSyncStatus.Success, replayed.Key, Diff(state.PreviousKnown, now), replayed);
        }

        return Invalid();

        static HierarchyDecision Invalid() => new(FolderSyncStatus.InvalidSyncKey, null, [], null);
    }

    /// <summary>Whether the folders differ from what the device knows: a Ping answers Status 7 then (MS-ASCMD 2.2.3.177.10).</summary>
    public static bool HasChanges(HierarchySyncState state, IReadOnlyCollection<FolderView> current) =>
        !Diff(state.Known, current.ToImmutableSortedDictionary(f => f.ServerId, f => f, StringComparer.Ordinal)).IsEmpty;

    /// <summary>Deletes, then updates, then adds with parents before children, so a phone can apply them in order.</summary>
    private static ImmutableArray<FolderChange> Diff(ImmutableSortedDictionary<string, FolderView> before, ImmutableSortedDictionary<string, FolderView> after)
    {
        var changes = ImmutableArray.CreateBuilder<FolderChange>();
        foreach (var id in before.Keys.Where(id => !after.ContainsKey(id)))
            changes.Add(new FolderSyncDelete(id));
        foreach (var (id, folder) in after)
            if (before.TryGetValue(id, out var old) && old != folder)
                changes.Add(new FolderSyncUpdate(id, folder.ParentId, folder.DisplayName, folder.Type));
        foreach (var folder in after.Values.Where(f => !before.ContainsKey(f.ServerId)).OrderBy(f => Depth(f, after)))
            changes.Add(new FolderSyncAdd(folder.ServerId, folder.ParentId, folder.DisplayName, folder.Type));
        return changes.ToImmutable();
    }

    private static int Depth(FolderView folder, ImmutableSortedDictionary<string, FolderView> all)
    {
        var depth = 0;
        for (var parent = folder.ParentId; parent != "0" && all.TryGetValue(parent, out var up) && depth < 64; parent = up.ParentId) depth++;
        return depth;
    }
}

/// <summary>A FolderSync answer: status, the key to send, the changes, and the state to persist (null: keep none).</summary>
public sealed record HierarchyDecision(FolderSyncStatus Status, string? Key, ImmutableArray<FolderChange> Changes, HierarchySyncState? State);
