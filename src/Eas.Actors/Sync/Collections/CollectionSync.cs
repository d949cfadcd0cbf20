using System.Collections.Immutable;
using Eas.Actors.Mailboxes;

namespace Eas.Actors.Sync.Collections;

/// <summary>
/// The email collection rules of Sync (MS-ASCMD 2.2.1.21, 3.1.5.3), as pure functions on
/// <see cref="CollectionSyncState"/>. A request with the current key first confirms what the last response
/// delivered, then takes in the client's own changes, then the folder's changes, then cuts the next window:
/// deletions, then flag changes, then new messages newest first, at most WindowSize in all, MoreAvailable
/// when more wait. What a response carries is kept as its plan, and nothing is taken as delivered until the
/// phone shows it was by sending that response's key. Every response with a new key keeps the way back to the
/// state the phone held when it sent its request (<see cref="CollectionSyncState.Rollback"/>): a request that
/// resends that key (its response was lost, MS-ASCMD 3.1.5.9) is run from the restored state against the
/// mailbox as it is now (<see cref="Restore"/>), and gets a key never issued before in the epoch.
/// </summary>
public static class CollectionSync
{
    /// <summary>The flags a phone is told about: read state and follow-up flag (MS-ASEMAIL Read, Flag).</summary>
    public const MessageFlags Synced = MessageFlags.Seen | MessageFlags.Flagged;

    public static KeyMatch Match(CollectionSyncState? state, string clientKey)
    {
        if (clientKey == "0") return KeyMatch.Initial;
        if (state is null) return KeyMatch.Invalid;
        if (clientKey == state.Key) return KeyMatch.Current;
        return clientKey == state.PreviousKey ? KeyMatch.Resent : KeyMatch.Invalid;
    }

    /// <summary>SyncKey 0: an empty state under a new epoch whose first key is answered without items (MS-ASCMD 3.1.5.3).</summary>
    public static CollectionSyncState Start(string epoch, uint uidValidity, int filterType) =>
        new() { Epoch = epoch, Counter = 1, UidValidity = uidValidity, FilterType = filterType };

    /// <summary>The phone sent the key of the last response: what it carried is now on the phone.</summary>
    public static CollectionSyncState Confirm(CollectionSyncState state)
    {
        if (state.Sent is not { } sent) return state;
        var items = state.Items.ToBuilder();
        var touched = ImmutableArray.CreateBuilder<uint>(sent.Deletes.Length + sent.Changes.Length + sent.AddedFlags.Length);
        foreach (var uid in sent.Deletes)
        {
            items.Remove(uid);
            touched.Add(uid);
        }

        foreach (var (uid, flags) in sent.Changes)
        {
            items[uid] = flags & Synced;
            touched.Add(uid);
        }

        foreach (var (uid, flags) in sent.AddedFlags)
        {
            items[uid] = flags & Synced;
            touched.Add(uid);
        }

        var aliases = sent.Deletes.IsDefaultOrEmpty ? state.Aliases : state.Aliases.RemoveRange(sent.Deletes);
        var parts = sent.Deletes.IsDefaultOrEmpty || !sent.Deletes.Any(state.DraftParts.ContainsKey) ? state.DraftParts : state.DraftParts.RemoveRange(sent.Deletes);
        return ItemsEdit.Apply(state, items.ToImmutable(), touched.MoveToImmutable()) with { Aliases = aliases, DraftParts = parts, Sent = null };
    }

    /// <summary>
    /// The flags the phone holds for a message: from <see cref="CollectionSyncState.Items"/>, or from the last
    /// response when the message arrived with it (the phone acts on items, so it has that response).
    /// </summary>
    public static MessageFlags? Held(CollectionSyncState state, uint uid)
    {
        if (state.Items.TryGetValue(uid, out var flags)) return flags;
        if (state.Sent is { } sent && sent.AddedFlags.FirstOrDefault(pair => pair.Key == uid) is { Key: not 0 } added) return added.Value & Synced;
        return null;
    }

    /// <summary>
    /// The phone changed a message's flags itself: it already shows them, so they are not sent back (a message
    /// of the last response, not yet confirmed, has its flags changed in that plan).
    /// </summary>
    public static CollectionSyncState ClientChanged(CollectionSyncState state, uint uid, MessageFlags flags)
    {
        if (state.Items.ContainsKey(uid))
            return ItemsEdit.Apply(state, state.Items.SetItem(uid, flags & Synced), [uid]) with { PendingChanges = state.PendingChanges.Remove(uid) };
        if (state.Sent is { } sent && sent.AddedFlags.Any(pair => pair.Key == uid))
        {
            var updated = sent with { AddedFlags = [.. sent.AddedFlags.Select(pair => pair.Key == uid ? KeyValuePair.Create(uid, flags & Synced) : pair)] };
            return state with { Sent = updated, PendingChanges = state.PendingChanges.Remove(uid) };
        }

        return state;
    }

    /// <summary>The phone deleted (or moved away) a message itself: it leaves what the phone holds and what the last response carried.</summary>
    public static CollectionSyncState ClientDeleted(CollectionSyncState state, uint uid) => ItemsEdit.Apply(state, state.Items.Remove(uid), [uid]) with
    {
        PendingChanges = state.PendingChanges.Remove(uid),
        PendingDeletes = state.PendingDeletes.Remove(uid),
        PendingAdds = state.PendingAdds.Remove(uid),
        Aliases = state.Aliases.Remove(uid),
        DraftParts = state.DraftParts.Remove(uid),
        Sent = state.Sent is { } sent
            ? sent with
            {
                Adds = sent.Adds.Remove(uid),
                AddedFlags = sent.AddedFlags.RemoveAll(pair => pair.Key == uid),
                Changes = sent.Changes.RemoveAll(pair => pair.Key == uid),
                Deletes = sent.Deletes.Remove(uid),
            }
            : null,
    };

    /// <summary>Takes in the folder's state: a full listing (first sync, new filter) or a MODSEQ delta.</summary>
    public static CollectionSyncState Absorb(CollectionSyncState state, FolderListing listing, DateTimeOffset? since) =>
        (listing.IsDelta ? AbsorbDelta(state, listing, since) : AbsorbFull(state, listing)) with
        {
            UidValidity = listing.UidValidity,
            ModSeq = listing.HighestModSeq,
        };

    /// <summary>
    /// Cuts the next window and issues the next key when it carries anything or <paramref name="forceNewKey"/>
    /// (the response answers client commands). Returns the plan of what to send and whether more waits.
    /// </summary>
    public static (CollectionSyncState State, SyncPlan Plan, bool MoreAvailable) NextWindow(CollectionSyncState state, int windowSize, bool forceNewKey)
    {
        var room = Math.Max(1, windowSize);
        var deletes = state.PendingDeletes.Take(room).ToImmutableArray();
        room -= deletes.Length;
        var changes = state.PendingChanges.Take(room).ToImmutableArray();
        room -= changes.Length;
        var adds = state.PendingAdds.Take(room).ToImmutableArray();
        var plan = new SyncPlan(adds, changes, deletes, []);
        var pendingAdds = state.PendingAdds.RemoveRange(0, adds.Length);
        var next = state with
        {
            PendingDeletes = state.PendingDeletes.Except(deletes),
            PendingChanges = state.PendingChanges.RemoveRange(changes.Select(c => c.Key)),
            PendingAdds = pendingAdds,
            PendingAddsTaken = adds.IsEmpty ? state.PendingAddsTaken : new PendingAddsTaken(state.PendingAdds, pendingAdds, adds.Length),
        };
        if (plan.Count == 0 && !forceNewKey) return (state, plan, false);
        return (next with { Counter = state.Counter + 1, Sent = plan }, plan, next.HasPending);
    }

    /// <summary>Issues the next key for a response that carries only answers to client commands.</summary>
    public static CollectionSyncState Advance(CollectionSyncState state) => state with { Counter = state.Counter + 1, Sent = SyncPlan.Empty };

    /// <summary>
    /// The state the phone held when it sent the key it now resends (MS-ASCMD 3.1.5.9: the response to that
    /// request was lost), before that request's own changes were recorded, with the key counter of
    /// <paramref name="state"/> so the key of the answer is new (the lost response's key stays invalid). Its
    /// items hold the flags the phone was told, so taking in the folder's changes since its MODSEQ reports again
    /// what the lost request or anyone else changed meanwhile.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="state"/> has no way back (<see cref="Match"/> is not <see cref="KeyMatch.Resent"/>).</exception>
    public static CollectionSyncState Restore(CollectionSyncState state)
    {
        var rollback = state.Rollback ?? throw new InvalidOperationException("A sync state without a rollback cannot answer a resent key.");
        return rollback.ApplyTo(state) with { Counter = state.Counter };
    }

    /// <summary>
    /// The state to keep after answering a request that found the phone at <paramref name="held"/>: under a new
    /// key, with the way back to <paramref name="held"/> (a delta in proportion to the window); under the same
    /// key, with none, since the phone has shown it holds that key. Before the first listing
    /// <paramref name="held"/> has no UIDVALIDITY yet; it is taken as the folder's, which its MODSEQ of 0 makes
    /// no difference to (the folder is listed whole again).
    /// </summary>
    /// <param name="next">The state answered, its key that of the response.</param>
    /// <param name="held">The state the phone held (after a resend, its counter already past the key's).</param>
    /// <param name="heldCounter">The counter of the key the phone sent.</param>
    public static CollectionSyncState Answered(CollectionSyncState next, CollectionSyncState held, int heldCounter)
    {
        if (next.Counter == heldCounter) return next with { Rollback = null };
        var target = held with
        {
            Counter = heldCounter,
            Rollback = null,
            UidValidity = held.ModSeq == 0 ? next.UidValidity : held.UidValidity,
        };
        return next with { Rollback = CollectionStateDelta.Between(next, target) };
    }

    private static CollectionSyncState AbsorbFull(CollectionSyncState state, FolderListing listing)
    {
        var present = listing.Messages.Where(m => !m.Flags.HasFlag(MessageFlags.Deleted)).ToDictionary(m => m.Uid);
        var deletes = state.PendingDeletes.ToBuilder();
        var changes = ImmutableSortedDictionary.CreateBuilder<uint, MessageFlags>();
        foreach (var (uid, held) in state.Items)
        {
            if (!present.TryGetValue(uid, out var message)) deletes.Add(uid);
            else if ((message.Flags & Synced) != held) changes[uid] = message.Flags & Synced;
        }

        var adds = present.Values
            .Where(m => !state.Items.ContainsKey(m.Uid))
            .OrderByDescending(m => m.Received).ThenByDescending(m => m.Uid)
            .Select(m => m.Uid);
        return state with { PendingDeletes = deletes.ToImmutable(), PendingChanges = changes.ToImmutable(), PendingAdds = [.. adds] };
    }

    /// <summary>
    /// An empty delta (every window of an initial sync of a folder nobody else changes) keeps the state's own lists:
    /// rebuilding them through builders would give equal lists under new references, and the delta to journal
    /// (<see cref="PendingAddsTaken"/>) then matches the window's pending adds by walking both whole lists.
    /// </summary>
    private static CollectionSyncState AbsorbDelta(CollectionSyncState state, FolderListing listing, DateTimeOffset? since)
    {
        if (listing.Messages.IsDefaultOrEmpty && listing.Vanished.IsDefaultOrEmpty) return state;
        var deletes = state.PendingDeletes.ToBuilder();
        var changes = state.PendingChanges.ToBuilder();
        var adds = state.PendingAdds.ToBuilder();
        var fresh = new List<MessageInfo>();
        foreach (var message in listing.Messages)
        {
            var gone = message.Flags.HasFlag(MessageFlags.Deleted);
            if (state.Items.TryGetValue(message.Uid, out var held))
            {
                if (gone)
                {
                    deletes.Add(message.Uid);
                    changes.Remove(message.Uid);
                }
                else if ((message.Flags & Synced) != held) changes[message.Uid] = message.Flags & Synced;
                else changes.Remove(message.Uid);
            }
            else if (gone) adds.Remove(message.Uid);
            else if (!adds.Contains(message.Uid) && (since is null || message.Received >= since)) fresh.Add(message);
        }

        foreach (var uid in listing.Vanished)
        {
            if (state.Items.ContainsKey(uid)) deletes.Add(uid);
            changes.Remove(uid);
            adds.Remove(uid);
        }

        adds.InsertRange(0, fresh.OrderByDescending(m => m.Received).ThenByDescending(m => m.Uid).Select(m => m.Uid));
        return state with { PendingDeletes = deletes.ToImmutable(), PendingChanges = changes.ToImmutable(), PendingAdds = adds.ToImmutable() };
    }
}
