using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;

namespace Eas.Actors.Tests.Sync.Collections;

/// <summary>
/// The walk in UID order that <see cref="CollectionStateDelta"/> diffs the held items, pending changes and pending
/// deletes with gives exactly what a lookup of every UID in the other collection gives, for random pairs with
/// UIDs on one side only, on both with other flags, and empty sides.
/// </summary>
public sealed class CollectionStateDeltaDiffTests
{
    private const int Cases = 300;
    private static readonly MessageFlags[] Flags = [MessageFlags.None, MessageFlags.Seen, MessageFlags.Flagged, MessageFlags.Seen | MessageFlags.Flagged];

    [Fact]
    public void The_item_map_walk_finds_what_a_lookup_per_uid_finds()
    {
        var random = new Random(2027);
        var (added, changed, removed) = (0, 0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var saved = RandomMap(random);
            var next = Mutate(random, saved);

            var (upserted, gone) = CollectionStateDelta.Diff(saved, next);

            upserted.ToList().ShouldBe([.. next.Where(pair => !saved.TryGetValue(pair.Key, out var flags) || flags != pair.Value)], $"case {i}");
            gone.ToList().ShouldBe([.. saved.Keys.Where(uid => !next.ContainsKey(uid))], $"case {i}");
            added += upserted.Keys.Any(uid => !saved.ContainsKey(uid)) ? 1 : 0;
            changed += upserted.Keys.Any(saved.ContainsKey) ? 1 : 0;
            removed += gone.IsEmpty ? 0 : 1;
        }

        added.ShouldBeGreaterThan(0, "some pairs add UIDs");
        changed.ShouldBeGreaterThan(0, "some pairs change the flags of a held UID");
        removed.ShouldBeGreaterThan(0, "some pairs drop UIDs");
    }

    [Fact]
    public void The_uid_set_walk_finds_what_set_differences_find()
    {
        var random = new Random(31337);
        for (var i = 0; i < Cases; i++)
        {
            var saved = RandomMap(random).Keys.ToImmutableSortedSet();
            var next = Mutate(random, RandomMap(random).SetItems(saved.Select(uid => KeyValuePair.Create(uid, MessageFlags.None)))).Keys.ToImmutableSortedSet();

            var (added, removed) = CollectionStateDelta.Diff(saved, next);

            added.ToList().ShouldBe([.. next.Except(saved)], $"case {i}");
            removed.ToList().ShouldBe([.. saved.Except(next)], $"case {i}");
        }
    }

    [Fact]
    public void The_same_collection_on_both_sides_is_no_change()
    {
        var random = new Random(5);
        var map = RandomMap(random);
        while (map.IsEmpty) map = RandomMap(random);

        var (upserted, removed) = CollectionStateDelta.Diff(map, map);
        var (upsertedFromCopy, removedFromCopy) = CollectionStateDelta.Diff(map, map.ToBuilder().ToImmutable().Add(uint.MaxValue, MessageFlags.Seen).Remove(uint.MaxValue));

        upserted.ShouldBeEmpty();
        removed.ShouldBeEmpty();
        upsertedFromCopy.ShouldBeEmpty();
        removedFromCopy.ShouldBeEmpty();
    }

    private static ImmutableSortedDictionary<uint, MessageFlags> RandomMap(Random random)
    {
        var count = random.Next(0, 4) == 0 ? 0 : random.Next(1, 200);
        var builder = ImmutableSortedDictionary.CreateBuilder<uint, MessageFlags>();
        for (var i = 0; i < count; i++) builder[(uint)random.Next(1, 400)] = Flags[random.Next(Flags.Length)];
        return builder.ToImmutable();
    }

    /// <summary>Drops some UIDs, changes the flags of some, adds some below, among and above the others.</summary>
    private static ImmutableSortedDictionary<uint, MessageFlags> Mutate(Random random, ImmutableSortedDictionary<uint, MessageFlags> saved)
    {
        var builder = saved.ToBuilder();
        foreach (var uid in saved.Keys)
        {
            var roll = random.Next(10);
            if (roll == 0) builder.Remove(uid);
            else if (roll == 1) builder[uid] = Flags[(Array.IndexOf(Flags, saved[uid]) + 1) % Flags.Length];
        }

        for (var i = random.Next(0, 20); i > 0; i--) builder[(uint)random.Next(1, 500)] = Flags[random.Next(Flags.Length)];
        return builder.ToImmutable();
    }
}
