using System.Collections.Immutable;

namespace Eas.Actors.Cluster;

/// <summary>
/// Which node hosts which account shards, as cluster sharding's statistics last told this node (every few seconds,
/// <see cref="ClusterStatsActor"/>). A node whose region did not answer a round (unreachable: it is the one about to be
/// lost) keeps the shards it was last seen with, so that when it is removed the shards it took with it are known.
/// </summary>
public static class ShardHomes
{
    /// <summary>
    /// The homes after a round of statistics: each node that reported shards takes them; a node that reported none (or did
    /// not answer) keeps what it had; a node no longer in the round and not kept is dropped only by <see cref="Remove"/>.
    /// </summary>
    public static ImmutableDictionary<string, ImmutableHashSet<string>> Merge(
        ImmutableDictionary<string, ImmutableHashSet<string>> known, IEnumerable<KeyValuePair<string, IEnumerable<string>>> round)
    {
        var merged = known.ToBuilder();
        foreach (var (node, shards) in round)
        {
            var set = shards.ToImmutableHashSet(StringComparer.Ordinal);
            if (set.Count > 0 || !merged.ContainsKey(node)) merged[node] = set;
        }

        return merged.ToImmutable();
    }

    /// <summary>Node <paramref name="node"/> was removed: the homes without it, and the shards it had (empty when none were known).</summary>
    public static (ImmutableDictionary<string, ImmutableHashSet<string>> Homes, ImmutableHashSet<string> Lost) Remove(
        ImmutableDictionary<string, ImmutableHashSet<string>> known, string node) =>
        known.TryGetValue(node, out var lost) ? (known.Remove(node), lost) : (known, ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal));
}
