using System.Collections.Immutable;
using Eas.Actors.Mailboxes;

namespace Eas.Actors.Sync.Collections;

/// <summary>
/// How a state's <see cref="CollectionSyncState.Items"/> (<see cref="Result"/>) was made from an earlier map
/// (<see cref="Base"/>): by changing at most the UIDs in <see cref="Touched"/>, after the edits of <see cref="Before"/>
/// when <see cref="Base"/> was itself made that way. It lets <see cref="CollectionStateDelta.Between"/> compare two maps
/// of a folder at the UIDs a request touched instead of walking every message the phone holds: a Sync window of an
/// initial sync of 10,000 messages would otherwise walk up to 10,000 entries, twice. Kept in memory only (never
/// persisted) and dropped when a state is saved (<see cref="Saved"/>), so a chain lasts one command; a map made any other
/// way has no edit that leads to it, and is compared by the walk.
/// </summary>
internal sealed record ItemsEdit(
    ImmutableSortedDictionary<uint, MessageFlags> Base,
    ImmutableSortedDictionary<uint, MessageFlags> Result,
    ImmutableArray<uint> Touched,
    ItemsEdit? Before)
{
    /// <summary>The most UIDs compared one by one: past a quarter of the map, one walk over it costs less.</summary>
    private static bool WorthIt(int touched, int mapCount) => touched <= Math.Max(16, mapCount / 4);

    /// <summary>
    /// <paramref name="state"/> with <paramref name="items"/>, made from its current items by changing at most
    /// <paramref name="touched"/>, and the edit that says so.
    /// </summary>
    public static CollectionSyncState Apply(CollectionSyncState state, ImmutableSortedDictionary<uint, MessageFlags> items, ImmutableArray<uint> touched)
    {
        if (ReferenceEquals(items, state.Items)) return state;
        var before = state.ItemsEdit is { } edit && ReferenceEquals(edit.Result, state.Items) ? edit : null;
        return state with { Items = items, ItemsEdit = new ItemsEdit(state.Items, items, touched, before) };
    }

    /// <summary>
    /// <paramref name="state"/> as it is kept once saved: without its edits (this and <see cref="PendingAddsTaken"/>), which
    /// would hold older maps and lists alive.
    /// </summary>
    public static CollectionSyncState Saved(CollectionSyncState state) =>
        state.ItemsEdit is null && state.PendingAddsTaken is null ? state : state with { ItemsEdit = null, PendingAddsTaken = null };

    /// <summary>
    /// The UIDs, ascending and distinct, at which <paramref name="from"/> and <paramref name="to"/> may differ, when the
    /// edits of one lead from the other's map; null when neither does, or when so many were touched that a walk costs less.
    /// </summary>
    public static uint[]? TouchedBetween(CollectionSyncState from, CollectionSyncState to) =>
        Chain(from.Items, to) ?? Chain(to.Items, from);

    private static uint[]? Chain(ImmutableSortedDictionary<uint, MessageFlags> origin, CollectionSyncState state)
    {
        if (state.ItemsEdit is not { } edit || !ReferenceEquals(edit.Result, state.Items)) return null;
        var touched = new List<uint>();
        for (var step = edit; step is not null; step = step.Before)
        {
            touched.AddRange(step.Touched);
            if (!WorthIt(touched.Count, state.Items.Count)) return null;
            if (ReferenceEquals(step.Base, origin))
            {
                touched.Sort();
                return [.. touched.Distinct()];
            }
        }

        return null;
    }
}
