using System.Collections.Immutable;
using Akka.Cluster;

namespace Eas.Actors.Cluster;

/// <summary>
/// Which node hosts which account shards, as cluster sharding's statistics last told this node (every few seconds,
/// <see cref="ClusterStatsActor"/>). A node whose region did not answer a round (unreachable: it is the one about to be
/// lost) keeps the shards it was last seen with, so that when it is removed the shards it took with it are known.
/// </summary>
public static class ShardHomes
{
    /// <summary>
    /// The homes after a round of statistics: each node that reported shards takes them, and no other node keeps them (they
    /// moved); a node that reported none (or did not answer) keeps what it had, less what others now report; a node no
    /// longer in the round and not kept is dropped only by <see cref="Remove"/>.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableHashSet<string>> Merge(
        ImmutableDictionary<string, ImmutableHashSet<string>> known, IEnumerable<KeyValuePair<string, IEnumerable<string>>> round)
    {
        var merged = known.ToBuilder();
        List<(string Node, ImmutableHashSet<string> Shards)> reported = [];
        foreach (var (node, shards) in round)
        {
            var set = shards.ToImmutableHashSet(StringComparer.Ordinal);
            if (set.Count > 0 || !merged.ContainsKey(node)) merged[node] = set;
            if (set.Count > 0) reported.Add((node, set));
        }

        foreach (var (node, shards) in reported)
        {
            foreach (var other in merged.Keys.Where(other => other != node && merged[other].Overlaps(shards)).ToList())
                merged[other] = merged[other].Except(shards);
        }

        return merged.ToImmutable();
    }

    /// <summary>
    /// Whether a member removed from <paramref name="previousStatus"/> took its shards with it: one that was downed
    /// (crashed, or cut off and downed by the split brain resolver) did; one that left (Exiting) handed them off first.
    /// </summary>
    public static bool LostWith(MemberStatus previousStatus) => previousStatus == MemberStatus.Down;

    /// <summary>Node <paramref name="node"/> was removed: the homes without it, and the shards it had (empty when none were known).</summary>
    public static (ImmutableDictionary<string, ImmutableHashSet<string>> Homes, ImmutableHashSet<string> Lost) Remove(
        ImmutableDictionary<string, ImmutableHashSet<string>> known, string node) =>
        known.TryGetValue(node, out var lost) ? (known.Remove(node), lost) : (known, ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));
}
