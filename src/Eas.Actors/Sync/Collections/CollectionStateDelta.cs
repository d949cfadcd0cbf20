using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Sync.Collections;

/// <summary>
/// What changed between two <see cref="CollectionSyncState"/>s of one folder under the same epoch and
/// UIDVALIDITY, so that a Sync window is journalled in proportion to the window, not to the folder: an
/// initial sync of 10,000 messages would otherwise write every held item again with each window of 100.
/// The scalars are carried whole; the item and pending collections as what was added, changed or removed.
/// <see cref="CollectionSyncState.PendingAdds"/> is ordered (newest first), and its usual changes are a
/// window taken from the front, messages that left, and new mail put in front: it is carried as the UIDs
/// removed from the old list and those prepended to what remains, or whole when it is not of that shape.
/// </summary>
public sealed record CollectionStateDelta
{
    /// <summary>The epoch of the state it continues: applying it to another state is a journal read out of order.</summary>
    public required string Epoch { get; init; }

    public int Counter { get; init; }

    public ulong ModSeq { get; init; }

    public int FilterType { get; init; }

    public SyncOptions? Options { get; init; }

    public SyncPlan? Sent { get; init; }

    /// <summary>Items the phone now holds that it did not, or holds with other flags.</summary>
    public ImmutableSortedDictionary<uint, MessageFlags> ItemsUpserted { get; init; } = ImmutableSortedDictionary<uint, MessageFlags>.Empty;

    public ImmutableArray<uint> ItemsRemoved { get; init; } = [];

    /// <summary>UIDs taken out of the old pending adds; the others keep their order.</summary>
    public ImmutableArray<uint> PendingAddsRemoved { get; init; } = [];

    /// <summary>UIDs put in front of what remains of the old pending adds, in order.</summary>
    public ImmutableArray<uint> PendingAddsPrepended { get; init; } = [];

    /// <summary>The whole new pending adds, when they are not the old ones with some removed and some prepended; then the two above are empty.</summary>
    public ImmutableList<uint>? PendingAddsReplaced { get; init; }

    public ImmutableSortedDictionary<uint, MessageFlags> PendingChangesUpserted { get; init; } = ImmutableSortedDictionary<uint, MessageFlags>.Empty;

    public ImmutableArray<uint> PendingChangesRemoved { get; init; } = [];

    public ImmutableArray<uint> PendingDeletesAdded { get; init; } = [];

    public ImmutableArray<uint> PendingDeletesRemoved { get; init; } = [];

    /// <summary>The new state's <see cref="CollectionSyncState.Aliases"/>, carried whole when they changed (drafts only; a few entries); null when unchanged.</summary>
    public ImmutableSortedDictionary<uint, uint>? AliasesReplaced { get; init; }

    /// <summary>The new state's <see cref="CollectionSyncState.DraftParts"/>, carried whole when they changed (changed drafts only); null when unchanged.</summary>
    public ImmutableSortedDictionary<uint, ImmutableSortedDictionary<string, string>>? DraftPartsReplaced { get; init; }

    /// <summary>
    /// The new state's <see cref="CollectionSyncState.Rollback"/>, carried whole: it is itself in proportion to
    /// the window. Null in a rollback, and in deltas journalled before resends were answered from it.
    /// </summary>
    public CollectionStateDelta? Rollback { get; init; }

    /// <summary>What turns <paramref name="saved"/> into <paramref name="next"/>; null across epochs or UIDVALIDITYs, which are journalled whole.</summary>
    public static CollectionStateDelta? Between(CollectionSyncState saved, CollectionSyncState next)
    {
        if (saved.Epoch != next.Epoch || saved.UidValidity != next.UidValidity) return null;
        var (itemsUpserted, itemsRemoved) = ItemsEdit.TouchedBetween(saved, next) is { } touched
            ? DiffAt(saved.Items, next.Items, touched)
            : Diff(saved.Items, next.Items);
        var (changesUpserted, changesRemoved) = Diff(saved.PendingChanges, next.PendingChanges);
        var (deletesAdded, deletesRemoved) = Diff(saved.PendingDeletes, next.PendingDeletes);
        var (addsRemoved, addsPrepended, addsReplaced) = PendingAddsTaken.Between(saved, next) ?? Diff(saved.PendingAdds, next.PendingAdds);
        return new CollectionStateDelta
        {
            Epoch = next.Epoch,
            Counter = next.Counter,
            ModSeq = next.ModSeq,
            FilterType = next.FilterType,
            Options = next.Options,
            Sent = next.Sent,
            ItemsUpserted = itemsUpserted,
            ItemsRemoved = itemsRemoved,
            PendingAddsRemoved = addsRemoved,
            PendingAddsPrepended = addsPrepended,
            PendingAddsReplaced = addsReplaced,
            PendingChangesUpserted = changesUpserted,
            PendingChangesRemoved = changesRemoved,
            PendingDeletesAdded = deletesAdded,
            PendingDeletesRemoved = deletesRemoved,
            AliasesReplaced = ReferenceEquals(saved.Aliases, next.Aliases) || saved.Aliases.SequenceEqual(next.Aliases) ? null : next.Aliases,
            DraftPartsReplaced = SameDraftParts(saved.DraftParts, next.DraftParts) ? null : next.DraftParts,
            Rollback = next.Rollback,
        };
    }

    private static bool SameDraftParts(
        ImmutableSortedDictionary<uint, ImmutableSortedDictionary<string, string>> saved, ImmutableSortedDictionary<uint, ImmutableSortedDictionary<string, string>> next) =>
        ReferenceEquals(saved, next) || (saved.Count == next.Count
            && saved.All(entry => next.TryGetValue(entry.Key, out var parts) && (ReferenceEquals(parts, entry.Value) || parts.SequenceEqual(entry.Value))));

    /// <summary>The state this delta leads to from <paramref name="saved"/>, the state it was taken against.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="saved"/> is of another epoch.</exception>
    public CollectionSyncState ApplyTo(CollectionSyncState saved)
    {
        if (saved.Epoch != Epoch)
            throw new InvalidOperationException($"A sync state delta of epoch {Epoch} cannot follow a state of epoch {saved.Epoch}.");
        return saved with
        {
            Counter = Counter,
            ModSeq = ModSeq,
            FilterType = FilterType,
            Options = Options,
            Sent = Sent,
            Items = saved.Items.RemoveRange(ItemsRemoved).SetItems(ItemsUpserted),
            PendingAdds = PendingAddsReplaced ?? ApplyToPendingAdds(saved.PendingAdds),
            PendingChanges = saved.PendingChanges.RemoveRange(PendingChangesRemoved).SetItems(PendingChangesUpserted),
            PendingDeletes = saved.PendingDeletes.Except(PendingDeletesRemoved).Union(PendingDeletesAdded),
            Aliases = AliasesReplaced ?? saved.Aliases,
            DraftParts = DraftPartsReplaced ?? saved.DraftParts,
            Rollback = Rollback,
        };
    }

    private ImmutableList<uint> ApplyToPendingAdds(ImmutableList<uint> saved)
    {
        var removed = PendingAddsRemoved.ToHashSet();
        var kept = removed.Count == 0 ? saved : saved.RemoveAll(removed.Contains);
        return PendingAddsPrepended.IsEmpty ? kept : kept.InsertRange(0, PendingAddsPrepended);
    }

    /// <summary>
    /// One walk over both maps in key order (both are sorted by UID): linear in the folder, with no lookups, since
    /// it runs twice for every Sync window (the journalled delta and the rollback).
    /// </summary>
    internal static (ImmutableSortedDictionary<uint, MessageFlags> Upserted, ImmutableArray<uint> Removed) Diff(
        ImmutableSortedDictionary<uint, MessageFlags> saved, ImmutableSortedDictionary<uint, MessageFlags> next)
    {
        if (ReferenceEquals(saved, next)) return (ImmutableSortedDictionary<uint, MessageFlags>.Empty, []);
        var upserted = ImmutableSortedDictionary.CreateBuilder<uint, MessageFlags>();
        var removed = ImmutableArray.CreateBuilder<uint>();
        using var before = saved.GetEnumerator();
        using var after = next.GetEnumerator();
        var hasBefore = before.MoveNext();
        var hasAfter = after.MoveNext();
        while (hasBefore || hasAfter)
        {
            if (hasAfter && (!hasBefore || after.Current.Key < before.Current.Key))
            {
                upserted.Add(after.Current.Key, after.Current.Value);
                hasAfter = after.MoveNext();
            }
            else if (hasBefore && (!hasAfter || before.Current.Key < after.Current.Key))
            {
                removed.Add(before.Current.Key);
                hasBefore = before.MoveNext();
            }
            else
            {
                if (before.Current.Value != after.Current.Value) upserted.Add(after.Current.Key, after.Current.Value);
                hasBefore = before.MoveNext();
                hasAfter = after.MoveNext();
            }
        }

        return (upserted.ToImmutable(), removed.ToImmutable());
    }

    /// <summary>
    /// What <see cref="Diff(ImmutableSortedDictionary{uint, MessageFlags}, ImmutableSortedDictionary{uint, MessageFlags})"/>
    /// gives, looked up at <paramref name="touched"/> (ascending, distinct) only: the maps are the same everywhere else.
    /// </summary>
    internal static (ImmutableSortedDictionary<uint, MessageFlags> Upserted, ImmutableArray<uint> Removed) DiffAt(
        ImmutableSortedDictionary<uint, MessageFlags> saved, ImmutableSortedDictionary<uint, MessageFlags> next, uint[] touched)
    {
        var upserted = ImmutableSortedDictionary.CreateBuilder<uint, MessageFlags>();
        var removed = ImmutableArray.CreateBuilder<uint>();
        foreach (var uid in touched)
        {
            var held = saved.TryGetValue(uid, out var before);
            if (next.TryGetValue(uid, out var after))
            {
                if (!held || before != after) upserted.Add(uid, after);
            }
            else if (held)
            {
                removed.Add(uid);
            }
        }

        return (upserted.ToImmutable(), removed.ToImmutable());
    }

    /// <summary>The same walk for sorted UID sets: the UIDs only in <paramref name="next"/>, and those only in <paramref name="saved"/>.</summary>
    internal static (ImmutableArray<uint> Added, ImmutableArray<uint> Removed) Diff(ImmutableSortedSet<uint> saved, ImmutableSortedSet<uint> next)
    {
        if (ReferenceEquals(saved, next)) return ([], []);
        var added = ImmutableArray.CreateBuilder<uint>();
        var removed = ImmutableArray.CreateBuilder<uint>();
        using var before = saved.GetEnumerator();
        using var after = next.GetEnumerator();
        var hasBefore = before.MoveNext();
        var hasAfter = after.MoveNext();
        while (hasBefore || hasAfter)
        {
            if (hasAfter && (!hasBefore || after.Current < before.Current))
            {
                added.Add(after.Current);
                hasAfter = after.MoveNext();
            }
            else if (hasBefore && (!hasAfter || before.Current < after.Current))
            {
                removed.Add(before.Current);
                hasBefore = before.MoveNext();
            }
            else
            {
                hasBefore = before.MoveNext();
                hasAfter = after.MoveNext();
            }
        }

        return (added.ToImmutable(), removed.ToImmutable());
    }

    /// <summary>
    /// Matches the tail of <paramref name="next"/> against <paramref name="saved"/> from the end, each UID as late
    /// as it occurs: that gives the longest tail that is <paramref name="saved"/> with some UIDs removed, and what
    /// precedes it was prepended. The whole list is carried instead when that would be shorter, or when a UID
    /// kept is also among those removed (a duplicate), which removal by UID could not express.
    /// </summary>
    internal static (ImmutableArray<uint> Removed, ImmutableArray<uint> Prepended, ImmutableList<uint>? Replaced) Diff(ImmutableList<uint> saved, ImmutableList<uint> next)
    {
        if (ReferenceEquals(saved, next)) return ([], [], null);
        var before = saved.ToArray();
        var after = next.ToArray();
        var removed = ImmutableArray.CreateBuilder<uint>();
        var i = before.Length - 1;
        var j = after.Length - 1;
        for (; j >= 0; j--, i--)
        {
            while (i >= 0 && before[i] != after[j]) removed.Add(before[i--]);
            if (i < 0) break;
        }

        while (i >= 0) removed.Add(before[i--]);
        var prepended = after.AsSpan(0, j + 1);
        if (removed.Count + prepended.Length > after.Length) return ([], [], next);
        var removedSet = removed.ToHashSet();
        foreach (var uid in after.AsSpan(j + 1))
        {
            if (removedSet.Contains(uid)) return ([], [], next);
        }

        removed.Reverse();
        return (removed.ToImmutable(), [.. prepended], null);
    }
}
