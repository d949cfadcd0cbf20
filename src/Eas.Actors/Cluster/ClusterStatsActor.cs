using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace Eas.Actors.Cluster;

/// <summary>
/// One per node: every <see cref="Interval"/>, and shortly after every membership or reachability change,
/// reads the membership (<c>Cluster.State</c>, which follows the events it is told of a moment later) and asks
/// the local shard region which shards and entities it hosts, and publishes the result to <see cref="ClusterStats"/>.
/// It also asks the region for the whole cluster's sharding statistics, so every node can show the entities per node,
/// and keeps from them which node hosts which shards (<see cref="ShardHomes"/>): when a downed member is removed it
/// reports the shards that member took with it (<see cref="ClusterStats.MemberShardsLost"/>), and once more
/// <see cref="ReportAgainAfter"/> later for the Pings routed up to <see cref="RegionNotice"/> after the removal: in
/// that moment, before the shard region's own notice of it, they may still have gone to the dead node. A member that left
/// (previous status Exiting) handed its shards off before it was removed: nothing of it is lost.
/// </summary>
public sealed class ClusterStatsActor : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AfterChange = TimeSpan.FromMilliseconds(100);
    /// <summary>Longer than the shard regions take to see the removed member's region terminated (about 2.5 s measured on a loaded 2-core machine).</summary>
    public static readonly TimeSpan ReportAgainAfter = TimeSpan.FromSeconds(5);

    /// <summary>How long after a removal a request may still have been routed to the removed member (measured about 2.5 s).</summary>
    public static readonly TimeSpan RegionNotice = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan ClusterStatsTimeout = TimeSpan.FromSeconds(3);
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private ImmutableSortedDictionary<string, int> _entitiesByNode = ImmutableSortedDictionary<string, int>.Empty;
    private ImmutableDictionary<string, ImmutableHashSet<string>> _shardHomes = ImmutableDictionary<string, ImmutableHashSet<string>>.Empty;

    public ClusterStatsActor(IActorRef region, ClusterStats stats)
    {
        Receive<Sample>(_ =>
        {
            region.Tell(GetShardRegionState.Instance);
            region.Tell(new GetClusterShardingStats(ClusterStatsTimeout));
        });
        Receive<ClusterShardingStats>(all =>
        {
            _entitiesByNode = all.Regions.ToImmutableSortedDictionary(r => r.Key.ToString(), r => r.Value.Stats.Values.Sum(), StringComparer.Ordinal);
            _shardHomes = ShardHomes.Merge(_shardHomes, all.Regions.Select(r => KeyValuePair.Create(r.Key.ToString(), (IEnumerable<string>)r.Value.Stats.Keys)));
        });
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            var node = removed.Member.Address.ToString();
            (_shardHomes, var lost) = ShardHomes.Remove(_shardHomes, node);
            if (!lost.IsEmpty && ShardHomes.LostWith(removed.PreviousStatus) && !removed.Member.Address.Equals(_cluster.SelfAddress))
            {
                var now = Environment.TickCount64;
                stats.ReportShardsLost(new ShardsLost(node, lost, now));
                Timers.StartSingleTimer("lost-again-" + node, new ReportAgain(new ShardsLost(node, lost, now + (long)RegionNotice.TotalMilliseconds, PingsOnly: true)), ReportAgainAfter);
            }
            Timers.StartSingleTimer("after-change", Sample.Instance, AfterChange);
        });
        Receive<ReportAgain>(again => stats.ReportShardsLost(again.Lost));
        Receive<ClusterEvent.IClusterDomainEvent>(_ => Timers.StartSingleTimer("after-change", Sample.Instance, AfterChange));
        Receive<ClusterEvent.CurrentClusterState>(_ => Timers.StartSingleTimer("after-change", Sample.Instance, AfterChange));
        Receive<CurrentShardRegionState>(state => stats.Publish(Snapshot(state)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("sample", Sample.Instance, TimeSpan.Zero, Interval);
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private ClusterSnapshot Snapshot(CurrentShardRegionState state)
    {
        var current = _cluster.State;
        var members = current.Members.Where(m => m.Status != MemberStatus.Removed).ToList();
        var oldest = members.Where(m => m.Status == MemberStatus.Up).OrderBy(m => m, Member.AgeOrdering).FirstOrDefault();
        return new ClusterSnapshot(
            _cluster.SelfAddress.ToString(),
            [.. members.Select(m => new ClusterMember(m.Address.ToString(), m.Status.ToString().ToLowerInvariant(), !current.Unreachable.Contains(m), m == oldest))],
            state.Shards.Count,
            state.Shards.Sum(shard => shard.EntityIds.Count),
            oldest?.Address == _cluster.SelfAddress)
        {
            EntitiesByNode = _entitiesByNode,
        };
    }

    private sealed record ReportAgain(ShardsLost Lost);

    private sealed record Sample
    {
        public static readonly Sample Instance = new();
    }
}
