using System.Collections.Immutable;

namespace Eas.Actors.Sync.Collections;

/// <summary>
/// A Sync window taken from the front of a state's <see cref="CollectionSyncState.PendingAdds"/>: <see cref="Result"/> is
/// <see cref="Base"/> without its first <see cref="Count"/> UIDs (<see cref="CollectionSync.NextWindow"/>). It lets
/// <see cref="CollectionStateDelta.Between"/> write the delta of the usual window without copying and matching both whole
/// lists, which hold every message of an initial sync still to send. In memory only, dropped when the state is saved
/// (<see cref="ItemsEdit.Saved"/>); a list made any other way is compared whole.
/// </summary>
internal sealed record PendingAddsTaken(ImmutableList<uint> Base, ImmutableList<uint> Result, int Count)
{
    /// <summary>
    /// What <see cref="CollectionStateDelta"/>'s matching of the two lists gives when one is the other with the window
    /// taken, in either direction; null when neither state says so.
    /// </summary>
    public static (ImmutableArray<uint> Removed, ImmutableArray<uint> Prepended, ImmutableList<uint>? Replaced)? Between(CollectionSyncState saved, CollectionSyncState next)
    {
        if (Taken(next, saved.PendingAdds) is { } taken)
        {
            // The window's UIDs are removed from the front; carried whole when that is longer, or when a UID kept is also
            // among those removed (removal by UID could not express it).
            if (taken.Count > next.PendingAdds.Count) return ([], [], next.PendingAdds);
            var removed = ImmutableArray.CreateRange(saved.PendingAdds.Take(taken.Count));
            var removedSet = removed.ToHashSet();
            foreach (var uid in next.PendingAdds)
            {
                if (removedSet.Contains(uid)) return ([], [], next.PendingAdds);
            }

            return (removed, [], null);
        }

        // Back to the list before the window: its UIDs are put in front again.
        if (Taken(saved, next.PendingAdds) is { } undone) return ([], ImmutableArray.CreateRange(next.PendingAdds.Take(undone.Count)), null);
        return null;
    }

    private static PendingAddsTaken? Taken(CollectionSyncState state, ImmutableList<uint> from) =>
        state.PendingAddsTaken is { } taken && ReferenceEquals(taken.Result, state.PendingAdds) && ReferenceEquals(taken.Base, from) ? taken : null;
}
