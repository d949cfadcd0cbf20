using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace Eas.Actors.Cluster;

/// <summary>
/// One per node: follows the membership through the cluster's events (not <c>Cluster.State</c>, which may lag
/// behind the event just received), asks the local shard region which shards and entities it hosts on every
/// change and every <see cref="Interval"/>, and publishes the result to <see cref="ClusterStats"/>.
/// </summary>
public sealed class ClusterStatsActor : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);
    private ImmutableDictionary<Address, Member> _members = ImmutableDictionary<Address, Member>.Empty;
    private ImmutableHashSet<Address> _unreachable = [];

    public ClusterStatsActor(IActorRef region, ClusterStats stats)
    {
        Receive<Sample>(_ => region.Tell(GetShardRegionState.Instance));
        Receive<ClusterEvent.CurrentClusterState>(state =>
        {
            _members = state.Members.ToImmutableDictionary(m => m.Address);
            _unreachable = [.. state.Unreachable.Select(m => m.Address)];
            region.Tell(GetShardRegionState.Instance);
        });
        Receive<ClusterEvent.MemberRemoved>(removed =>
        {
            _members = _members.Remove(removed.Member.Address);
            _unreachable = _unreachable.Remove(removed.Member.Address);
            region.Tell(GetShardRegionState.Instance);
        });
        Receive<ClusterEvent.IMemberEvent>(changed =>
        {
            _members = _members.SetItem(changed.Member.Address, changed.Member);
            region.Tell(GetShardRegionState.Instance);
        });
        Receive<ClusterEvent.UnreachableMember>(unreachable =>
        {
            _unreachable = _unreachable.Add(unreachable.Member.Address);
            region.Tell(GetShardRegionState.Instance);
        });
        Receive<ClusterEvent.ReachableMember>(reachable =>
        {
            _unreachable = _unreachable.Remove(reachable.Member.Address);
            region.Tell(GetShardRegionState.Instance);
        });
        Receive<CurrentShardRegionState>(state => stats.Publish(Snapshot(state)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("sample", Sample.Instance, Interval, Interval);
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private ClusterSnapshot Snapshot(CurrentShardRegionState state)
    {
        var members = _members.Values.Where(m => m.Status != MemberStatus.Removed).ToList();
        var oldest = members.Where(m => m.Status == MemberStatus.Up).OrderBy(m => m, Member.AgeOrdering).FirstOrDefault();
        return new ClusterSnapshot(
            _cluster.SelfAddress.ToString(),
            [.. members.OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
                .Select(m => new ClusterMember(m.Address.ToString(), m.Status.ToString().ToLowerInvariant(), !_unreachable.Contains(m.Address), m == oldest))],
            state.Shards.Count,
            state.Shards.Sum(shard => shard.EntityIds.Count),
            oldest?.Address == _cluster.SelfAddress);
    }

    private sealed record Sample
    {
        public static readonly Sample Instance = new();
    }
}
