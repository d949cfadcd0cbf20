using System.Collections.Immutable;
using System.Diagnostics.Metrics;

namespace Eas.Actors.Cluster;

/// <summary>What one node sees of the cluster, sampled every few seconds by <see cref="ClusterStatsActor"/>.</summary>
/// <param name="SelfAddress">This node's cluster address.</param>
/// <param name="Members">Every member the node knows, with its status (<c>up</c>, <c>joining</c>, <c>leaving</c>, …) and reachability.</param>
/// <param name="Shards">Account shards hosted on this node.</param>
/// <param name="ShardedEntities">Account entities alive on this node, as sharding counts them.</param>
/// <param name="SingletonsHere">Whether the license and directory singletons run on this node (they run on the oldest member).</param>
public sealed record ClusterSnapshot(string SelfAddress, ImmutableList<ClusterMember> Members, int Shards, int ShardedEntities, bool SingletonsHere)
{
    public static readonly ClusterSnapshot Empty = new("", [], 0, 0, false);

    /// <summary>Account entities alive on each node of the cluster, by node address, as sharding last reported them (every few seconds).</summary>
    public ImmutableSortedDictionary<string, int> EntitiesByNode { get; init; } = ImmutableSortedDictionary<string, int>.Empty;
}

/// <summary>One cluster member as a node sees it.</summary>
public sealed record ClusterMember(string Address, string Status, bool Reachable, bool Oldest);

/// <summary>
/// The latest <see cref="ClusterSnapshot"/> of this node, for the admin API, <c>eas-server top</c> and the
/// cluster gauges. Written only by <see cref="ClusterStatsActor"/>.
/// </summary>
public sealed class ClusterStats
{
    private static readonly string[] Statuses = ["joining", "weaklyup", "up", "leaving", "exiting", "down", "removed"];
    private ClusterSnapshot _current = ClusterSnapshot.Empty;

    public ClusterStats(Meter? meter = null)
    {
        if (meter is null) return;
        meter.CreateObservableGauge("eas.cluster.members", ObserveMembers, "{node}", "Cluster members this node knows, by status.");
        meter.CreateObservableGauge("eas.cluster.unreachable", () => Current.Members.Count(m => !m.Reachable), "{node}", "Members this node's failure detector finds unreachable.");
        meter.CreateObservableGauge("eas.cluster.shards", () => Current.Shards, "{shard}", "Account shards hosted on this node.");
        meter.CreateObservableGauge("eas.cluster.sharded_entities", () => Current.ShardedEntities, "{entity}", "Account entities alive on this node, as sharding counts them.");
        meter.CreateObservableGauge("eas.cluster.singletons_here", () => Current.SingletonsHere ? 1 : 0, "{node}", "1 when the license and directory singletons run on this node.");
    }

    public ClusterSnapshot Current => Volatile.Read(ref _current);

    /// <summary>
    /// A member was downed and removed from the cluster while it hosted these account shards, as this node last heard
    /// from cluster sharding's statistics: whatever this node had sent to those shards' entities there before
    /// <see cref="ShardsLost.RoutedBefore"/> will never be answered (<see cref="Devices.DeviceRegion"/> ends those asks).
    /// A member that left gracefully handed its shards off first and is not reported.
    /// </summary>
    public event Action<ShardsLost>? MemberShardsLost;

    internal void Publish(ClusterSnapshot snapshot) => Volatile.Write(ref _current, snapshot);

    internal void ReportShardsLost(ShardsLost lost) => MemberShardsLost?.Invoke(lost);

    private IEnumerable<Measurement<int>> ObserveMembers()
    {
        var members = Current.Members;
        return Statuses.Select(status => new Measurement<int>(members.Count(m => m.Status == status), new KeyValuePair<string, object?>("status", status)));
    }
}

/// <summary>
/// The member downed and removed from the cluster, the account shards it hosted when this node last heard, and the
/// moment (<see cref="Environment.TickCount64"/>) before which a request to them went to that member: asks started
/// later reached the shards' new homes. With <paramref name="PingsOnly"/> only parked Pings are ended: a request routed
/// just after the removal may instead wait in the local shard region's buffer and still run once the shard has its new
/// home, and a Sync answered 503 that then runs anyway would race the phone's retry with the same key; a Ping answered
/// Status 1 that runs anyway is only superseded by the phone's next Ping.
/// </summary>
public sealed record ShardsLost(string Node, ImmutableHashSet<string> Shards, long RoutedBefore = long.MaxValue, bool PingsOnly = false);
