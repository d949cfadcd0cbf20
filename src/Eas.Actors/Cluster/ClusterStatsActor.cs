using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace Eas.Actors.Cluster;

/// <summary>
/// One per node: on every membership or reachability change, and every <see cref="Interval"/>, reads the
/// membership and asks the local shard region which shards and entities it hosts, and publishes the result
/// to <see cref="ClusterStats"/>.
/// </summary>
public sealed class ClusterStatsActor : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public ClusterStatsActor(IActorRef region, ClusterStats stats)
    {
        var cluster = Akka.Cluster.Cluster.Get(Context.System);
        Receive<Sample>(_ => region.Tell(GetShardRegionState.Instance));
        Receive<ClusterEvent.IClusterDomainEvent>(_ => region.Tell(GetShardRegionState.Instance));
        Receive<CurrentShardRegionState>(state =>
        {
            var members = cluster.State.Members.Where(m => m.Status != Akka.Cluster.MemberStatus.Removed).ToList();
            var oldest = members.Where(m => m.Status == Akka.Cluster.MemberStatus.Up).OrderBy(m => m, Akka.Cluster.Member.AgeOrdering).FirstOrDefault();
            var unreachable = cluster.State.Unreachable;
            stats.Publish(new ClusterSnapshot(
                cluster.SelfAddress.ToString(),
                [.. members.Select(m => new ClusterMember(m.Address.ToString(), m.Status.ToString().ToLowerInvariant(), !unreachable.Contains(m), m == oldest))],
                state.Shards.Count,
                state.Shards.Sum(shard => shard.EntityIds.Count),
                oldest?.Address == cluster.SelfAddress));
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer("sample", Sample.Instance, TimeSpan.Zero, Interval);
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
    }

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private sealed record Sample
    {
        public static readonly Sample Instance = new();
    }
}
