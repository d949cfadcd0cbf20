using System.Collections.Immutable;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Sync.Pim;

/// <summary>
/// What changed between two <see cref="PimSyncState"/>s of one epoch: the entries set and removed in each list,
/// and the small fields whole. The device journal keeps one per command (a window's entries, not the
/// collection's), and a state keeps one as its way back to the state before (<see cref="PimSyncState.Rollback"/>).
/// </summary>
public sealed record PimStateDelta
{
    public required string Epoch { get; init; }

    public int Counter { get; init; }

    public string? Token { get; init; }

    public int NextNumber { get; init; }

    public PimEntries<PimHeld> Items { get; init; } = PimEntries.None<PimHeld>();

    public PimEntries<string> PendingAdds { get; init; } = PimEntries.None<string>();

    public PimEntries<string> PendingChanges { get; init; } = PimEntries.None<string>();

    public PimEntries<string> Skipped { get; init; } = PimEntries.None<string>();

    public PimEntries<string> OutOfWindow { get; init; } = PimEntries.None<string>();

    public PimEntries<string> PendingSoftDeletes { get; init; } = PimEntries.None<string>();

    public DateTimeOffset? WindowCheckedAt { get; init; }

    public ImmutableArray<string> DeletesAdded { get; init; } = [];

    public ImmutableArray<string> DeletesRemoved { get; init; } = [];

    public SyncOptions? Options { get; init; }

    public ImmutableArray<ushort>? Supported { get; init; }

    public PimSyncPlan? Sent { get; init; }

    public PimStateDelta? Rollback { get; init; }

    /// <summary>The delta that turns <paramref name="before"/> into <paramref name="to"/>; null across epochs (write the state whole).</summary>
    public static PimStateDelta? Between(PimSyncState before, PimSyncState to) => before.Epoch != to.Epoch ? null : new PimStateDelta
    {
        Epoch = to.Epoch,
        Counter = to.Counter,
        Token = to.Token,
        NextNumber = to.NextNumber,
        Items = PimEntries.Between(before.Items, to.Items),
        PendingAdds = PimEntries.Between(before.PendingAdds, to.PendingAdds),
        PendingChanges = PimEntries.Between(before.PendingChanges, to.PendingChanges),
        Skipped = PimEntries.Between(before.Skipped, to.Skipped),
        OutOfWindow = PimEntries.Between(before.OutOfWindow, to.OutOfWindow),
        PendingSoftDeletes = PimEntries.Between(before.PendingSoftDeletes, to.PendingSoftDeletes),
        WindowCheckedAt = to.WindowCheckedAt,
        DeletesAdded = [.. to.PendingDeletes.Except(before.PendingDeletes)],
        DeletesRemoved = [.. before.PendingDeletes.Except(to.PendingDeletes)],
        Options = to.Options,
        Supported = to.Supported,
        Sent = to.Sent,
        Rollback = to.Rollback,
    };

    /// <summary>The state this delta leads to from <paramref name="before"/>.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="before"/> is of another epoch.</exception>
    public PimSyncState ApplyTo(PimSyncState before)
    {
        if (before.Epoch != Epoch) throw new InvalidOperationException($"A sync state delta of epoch {Epoch} cannot follow a state of epoch {before.Epoch}.");
        return before with
        {
            Counter = Counter,
            Token = Token,
            NextNumber = NextNumber,
            Items = Items.ApplyTo(before.Items),
            PendingAdds = PendingAdds.ApplyTo(before.PendingAdds),
            PendingChanges = PendingChanges.ApplyTo(before.PendingChanges),
            Skipped = Skipped.ApplyTo(before.Skipped),
            OutOfWindow = OutOfWindow.ApplyTo(before.OutOfWindow),
            PendingSoftDeletes = PendingSoftDeletes.ApplyTo(before.PendingSoftDeletes),
            WindowCheckedAt = WindowCheckedAt,
            PendingDeletes = before.PendingDeletes.Except(DeletesRemoved).Union(DeletesAdded),
            Options = Options,
            Supported = Supported,
            Sent = Sent,
            Rollback = Rollback,
        };
    }
}

/// <summary>The entries of one keyed list that were set (added or replaced) and removed.</summary>
public sealed record PimEntries<T>(ImmutableArray<KeyValuePair<string, T>> Set, ImmutableArray<string> Removed)
{

    public ImmutableSortedDictionary<string, T> ApplyTo(ImmutableSortedDictionary<string, T> before) =>
        before.RemoveRange(Removed.IsDefault ? [] : Removed).SetItems(Set.IsDefault ? [] : Set);
}

/// <summary>Builds <see cref="PimEntries{T}"/>.</summary>
public static class PimEntries
{
    public static PimEntries<T> None<T>() => new([], []);

    /// <summary>The entries of <paramref name="to"/> that differ from <paramref name="before"/>, and the keys it lost.</summary>
    public static PimEntries<T> Between<T>(ImmutableSortedDictionary<string, T> before, ImmutableSortedDictionary<string, T> to)
    {
        if (ReferenceEquals(before, to)) return None<T>();
        var set = to.Where(pair => !before.TryGetValue(pair.Key, out var old) || !EqualityComparer<T>.Default.Equals(old, pair.Value));
        var removed = before.Keys.Where(key => !to.ContainsKey(key));
        return new([.. set], [.. removed]);
    }
}
