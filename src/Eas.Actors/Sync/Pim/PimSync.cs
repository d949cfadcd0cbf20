using System.Collections.Immutable;
using System.Globalization;
using Eas.Actors.Sync.Collections;
using Eas.Mail.Pim;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// The collection rules of Sync for PIM collections (MS-ASCMD 2.2.1.21, 3.1.5.3; MS-ASCNTC 3.1.5), as pure
/// functions on <see cref="PimSyncState"/>, with email's SyncKey rules (<see cref="CollectionSync"/>): a request with
/// the current key confirms what the last response delivered, takes in the phone's own changes (never echoed back),
/// then the store's changes (a diff against what the phone holds), then cuts the next window: deletions, soft
/// deletions, changes, adds, at most WindowSize. A resent key (MS-ASCMD 3.1.5.9) is answered from the restored state
/// under a new key. The FilterType window (MS-ASCMD 2.2.3.68.2) is kept by <see cref="Filtered"/> (what a window
/// found outside) and <see cref="Rewindowed"/> (a check of everything held and kept out).
/// </summary>
public static class PimSync
{
    public static KeyMatch Match(PimSyncState? state, string clientKey)
    {
        if (clientKey == "0") return KeyMatch.Initial;
        if (state is null) return KeyMatch.Invalid;
        if (clientKey == state.Key) return KeyMatch.Current;
        return clientKey == state.PreviousKey ? KeyMatch.Resent : KeyMatch.Invalid;
    }

    /// <summary>
    /// SyncKey 0: an empty state under a new epoch, answered without items (MS-ASCMD 3.1.5.3). ServerIds keep
    /// growing from <paramref name="nextNumber"/> (the old state's), so none is ever given to two items.
    /// </summary>
    public static PimSyncState Start(string epoch, int nextNumber = 1) => new() { Epoch = epoch, Counter = 1, NextNumber = Math.Max(1, nextNumber) };

    /// <summary>The ServerId of the next new item in <paramref name="folderId"/>, and the state that has used it.</summary>
    public static (PimSyncState State, string ServerId) NewServerId(PimSyncState state, string folderId) =>
        (state with { NextNumber = state.NextNumber + 1 }, folderId + ":" + state.NextNumber.ToString(CultureInfo.InvariantCulture));

    /// <summary>The phone sent the key of the last response: what it carried is now on the phone.</summary>
    public static PimSyncState Confirm(PimSyncState state)
    {
        if (state.Sent is not { } sent) return state;
        var items = state.Items.ToBuilder();
        var outside = state.OutOfWindow.ToBuilder();
        foreach (var serverId in sent.Deletes) items.Remove(serverId);
        foreach (var (serverId, version) in sent.SoftDeletesOrEmpty)
        {
            if (!items.TryGetValue(serverId, out var held)) continue;
            outside[held.ItemId] = version;
            items.Remove(serverId);
        }

        foreach (var (serverId, version) in sent.Changes)
            if (items.TryGetValue(serverId, out var held)) items[serverId] = held with { Version = version };
        foreach (var add in sent.Adds) items[add.ServerId] = new PimHeld(add.ItemId, add.Version);
        return state with { Items = items.ToImmutable(), OutOfWindow = outside.ToImmutable(), Sent = null };
    }

    /// <summary>The ServerId under which the phone holds a store item, or null.</summary>
    public static string? ServerIdOf(PimSyncState state, string itemId) =>
        state.Items.FirstOrDefault(pair => pair.Value.ItemId == itemId).Key;

    /// <summary>The phone added an item that the store now keeps at <paramref name="version"/>: the phone holds it already.</summary>
    public static PimSyncState ClientAdded(PimSyncState state, string serverId, string itemId, string version) => state with
    {
        Items = state.Items.SetItem(serverId, new PimHeld(itemId, version)),
        PendingAdds = state.PendingAdds.Remove(itemId),
    };

    /// <summary>
    /// A resent Add the lost response already answered (MS-ASCMD 3.1.5.9, 2.2.3.28.2): held again under the same
    /// ServerId without a second write. The store's listing since the restored token shows the item as new; when it
    /// has changed since it was stored, the phone is sent that version as a Change.
    /// </summary>
    public static PimSyncState ClientAddAnsweredAgain(PimSyncState state, PimClientAdded added)
    {
        var now = state.PendingAdds.TryGetValue(added.ItemId, out var pending) ? pending : added.Version;
        var held = ClientAdded(state, added.ServerId, added.ItemId, added.Version);
        return now == added.Version ? held : held with { PendingChanges = held.PendingChanges.SetItem(added.ServerId, now) };
    }

    /// <summary>The phone changed an item, now at <paramref name="version"/> in the store: its own change is not sent back.</summary>
    public static PimSyncState ClientChanged(PimSyncState state, string serverId, string version) =>
        state.Items.TryGetValue(serverId, out var held)
            ? state with
            {
                Items = state.Items.SetItem(serverId, held with { Version = version }),
                PendingChanges = state.PendingChanges.Remove(serverId),
                PendingSoftDeletes = state.PendingSoftDeletes.Remove(serverId),
            }
            : state;

    /// <summary>The phone deleted (or moved away) an item itself.</summary>
    public static PimSyncState ClientDeleted(PimSyncState state, string serverId) => state with
    {
        Items = state.Items.Remove(serverId),
        PendingChanges = state.PendingChanges.Remove(serverId),
        PendingDeletes = state.PendingDeletes.Remove(serverId),
        PendingSoftDeletes = state.PendingSoftDeletes.Remove(serverId),
    };

    /// <summary>
    /// Takes in the store's changes: a full listing is diffed with what the phone holds and what waits (anything
    /// not listed is gone); a delta updates them. An item the phone holds at the listed version is no change, which is
    /// why the phone's own writes, recorded at the version the store gave them, never come back to it.
    /// </summary>
    public static PimSyncState TakeIn(PimSyncState state, PimChangeSet changes)
    {
        var byItem = state.Items.ToDictionary(pair => pair.Value.ItemId, pair => pair.Key, StringComparer.Ordinal);
        var adds = state.PendingAdds.ToBuilder();
        var pendingChanges = state.PendingChanges.ToBuilder();
        var deletes = state.PendingDeletes.ToBuilder();
        var skipped = state.Skipped.ToBuilder();
        var outside = state.OutOfWindow.ToBuilder();
        var softDeletes = state.PendingSoftDeletes.ToBuilder();
        if (changes.IsFullListing)
        {
            var listed = changes.Changed.Select(c => c.ItemId).ToHashSet(StringComparer.Ordinal);
            foreach (var serverId in byItem.Where(pair => !listed.Contains(pair.Key)).Select(pair => pair.Value)) Gone(serverId);
            foreach (var itemId in adds.Keys.Where(id => !listed.Contains(id)).ToList()) adds.Remove(itemId);
            foreach (var itemId in skipped.Keys.Where(id => !listed.Contains(id)).ToList()) skipped.Remove(itemId);
            foreach (var itemId in outside.Keys.Where(id => !listed.Contains(id)).ToList()) outside.Remove(itemId);
        }
        else
        {
            foreach (var itemId in changes.Removed)
            {
                adds.Remove(itemId);
                skipped.Remove(itemId);
                outside.Remove(itemId);
                if (byItem.TryGetValue(itemId, out var serverId)) Gone(serverId);
            }
        }

        foreach (var (itemId, version) in changes.Changed)
        {
            if (byItem.TryGetValue(itemId, out var serverId))
            {
                if (state.Items[serverId].Version == version) pendingChanges.Remove(serverId);
                else
                {
                    pendingChanges[serverId] = version;
                    softDeletes.Remove(serverId);
                }
            }
            else if (skipped.TryGetValue(itemId, out var bad) && bad == version) continue;
            else if (outside.TryGetValue(itemId, out var kept) && kept == version) continue;
            else
            {
                outside.Remove(itemId);
                adds[itemId] = version;
            }
        }

        return state with
        {
            Token = changes.Token,
            PendingAdds = adds.ToImmutable(),
            PendingChanges = pendingChanges.ToImmutable(),
            PendingDeletes = deletes.ToImmutable(),
            Skipped = skipped.ToImmutable(),
            OutOfWindow = outside.ToImmutable(),
            PendingSoftDeletes = softDeletes.ToImmutable(),
        };

        void Gone(string serverId)
        {
            deletes.Add(serverId);
            pendingChanges.Remove(serverId);
            softDeletes.Remove(serverId);
        }
    }

    /// <summary>
    /// Cuts the next window and issues the next key when it carries anything or <paramref name="forceNewKey"/>
    /// (the response answers client commands); new items get their ServerIds here.
    /// </summary>
    public static (PimSyncState State, PimSyncPlan Plan, bool MoreAvailable) NextWindow(PimSyncState state, string folderId, int windowSize, bool forceNewKey)
    {
        var room = Math.Max(1, windowSize);
        var deletes = state.PendingDeletes.Take(room).ToImmutableArray();
        room -= deletes.Length;
        var softDeletes = state.PendingSoftDeletes.Take(room).ToImmutableArray();
        room -= softDeletes.Length;
        var changes = state.PendingChanges.Take(room).ToImmutableArray();
        room -= changes.Length;
        var addList = state.PendingAdds.Take(room).ToList();
        var next = state;
        var adds = ImmutableArray.CreateBuilder<PimPlannedAdd>(addList.Count);
        foreach (var (itemId, version) in addList)
        {
            (next, var serverId) = NewServerId(next, folderId);
            adds.Add(new PimPlannedAdd(serverId, itemId, version));
        }

        var plan = new PimSyncPlan(adds.ToImmutable(), changes, deletes) { SoftDeletes = softDeletes };
        next = next with
        {
            PendingDeletes = state.PendingDeletes.Except(deletes),
            PendingSoftDeletes = state.PendingSoftDeletes.RemoveRange(softDeletes.Select(s => s.Key)),
            PendingChanges = state.PendingChanges.RemoveRange(changes.Select(c => c.Key)),
            PendingAdds = state.PendingAdds.RemoveRange(addList.Select(a => a.Key)),
        };
        if (plan.Count == 0 && !forceNewKey) return (state, plan, false);
        return (next with { Counter = state.Counter + 1, Sent = plan }, plan, next.HasPending);
    }

    /// <summary>
    /// The window as it was delivered: adds whose content could not be read are left out of the plan and kept in
    /// <see cref="PimSyncState.Skipped"/> at their version; adds and changes of items gone meanwhile are dropped
    /// (the next listing reports them gone).
    /// </summary>
    public static PimSyncState Delivered(PimSyncState state, IReadOnlySet<string> unreadable, IReadOnlySet<string> missing)
    {
        if (state.Sent is not { } sent || (unreadable.Count == 0 && missing.Count == 0)) return state;
        var kept = sent.Adds.Where(a => !unreadable.Contains(a.ItemId) && !missing.Contains(a.ItemId)).ToImmutableArray();
        var skipped = state.Skipped.SetItems(sent.Adds.Where(a => unreadable.Contains(a.ItemId)).Select(a => KeyValuePair.Create(a.ItemId, a.Version)));
        var changes = sent.Changes.Where(c => !state.Items.TryGetValue(c.Key, out var held) || !missing.Contains(held.ItemId)).ToImmutableArray();
        return state with { Sent = sent with { Adds = kept, Changes = changes }, Skipped = skipped };
    }

    /// <summary>
    /// The window as the FilterType lets it through (MS-ASCMD 2.2.3.68.2): adds found outside the window are not sent
    /// and are kept in <see cref="PimSyncState.OutOfWindow"/> at their version; changes that put a held item outside
    /// become soft deletes (MS-ASCMD 2.2.3.172), and the item is kept out once the phone confirms them.
    /// </summary>
    public static PimSyncState Filtered(PimSyncState state, IReadOnlySet<string> addsOutside, IReadOnlySet<string> changesOutside)
    {
        if (state.Sent is not { } sent || (addsOutside.Count == 0 && changesOutside.Count == 0)) return state;
        var outside = state.OutOfWindow.SetItems(sent.Adds.Where(a => addsOutside.Contains(a.ItemId)).Select(a => KeyValuePair.Create(a.ItemId, a.Version)));
        return state with
        {
            OutOfWindow = outside,
            Sent = sent with
            {
                Adds = [.. sent.Adds.Where(a => !addsOutside.Contains(a.ItemId))],
                Changes = [.. sent.Changes.Where(c => !changesOutside.Contains(c.Key))],
                SoftDeletes = [.. sent.SoftDeletesOrEmpty, .. sent.Changes.Where(c => changesOutside.Contains(c.Key))],
            },
        };
    }

    /// <summary>
    /// The outcome of checking every held and kept-out item against the window at <paramref name="now"/> (after a
    /// FilterType change, and as the window moves): held items found outside are soft deleted (their pending change,
    /// if any, dropped), kept-out items found inside are added again.
    /// </summary>
    public static PimSyncState Rewindowed(PimSyncState state, IReadOnlyDictionary<string, string> heldOutside, IReadOnlySet<string> backInside, DateTimeOffset now)
    {
        var softDeletes = state.PendingSoftDeletes.ToBuilder();
        var pendingChanges = state.PendingChanges.ToBuilder();
        foreach (var (serverId, version) in heldOutside)
        {
            if (!state.Items.ContainsKey(serverId)) continue;
            softDeletes[serverId] = version;
            pendingChanges.Remove(serverId);
        }

        var adds = state.PendingAdds.ToBuilder();
        var outside = state.OutOfWindow.ToBuilder();
        foreach (var itemId in backInside)
        {
            if (!outside.TryGetValue(itemId, out var version)) continue;
            outside.Remove(itemId);
            adds[itemId] = version;
        }

        return state with
        {
            PendingSoftDeletes = softDeletes.ToImmutable(),
            PendingChanges = pendingChanges.ToImmutable(),
            PendingAdds = adds.ToImmutable(),
            OutOfWindow = outside.ToImmutable(),
            WindowCheckedAt = now,
        };
    }

    /// <summary>Issues the next key for a response that carries only answers to client commands.</summary>
    public static PimSyncState Advance(PimSyncState state) => state with { Counter = state.Counter + 1, Sent = PimSyncPlan.Empty };

    /// <summary>
    /// The state the phone held when it sent the key it now resends (its response was lost, MS-ASCMD 3.1.5.9), with
    /// the current counter so the answer's key is new, and the current ServerId counter so no ServerId is reused.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="state"/> has no way back.</exception>
    public static PimSyncState Restore(PimSyncState state)
    {
        var rollback = state.Rollback ?? throw new InvalidOperationException("A sync state without a rollback cannot answer a resent key.");
        return rollback.ApplyTo(state) with { Counter = state.Counter, NextNumber = state.NextNumber };
    }

    /// <summary>
    /// The state to keep after answering a request that found the phone at <paramref name="held"/>: under a new
    /// key, with the way back to <paramref name="held"/>; under the same key, with none.
    /// </summary>
    public static PimSyncState Answered(PimSyncState next, PimSyncState held, int heldCounter)
    {
        if (next.Counter == heldCounter) return next with { Rollback = null };
        var target = held with { Counter = heldCounter, Rollback = null };
        return next with { Rollback = PimStateDelta.Between(next, target) };
    }
}
