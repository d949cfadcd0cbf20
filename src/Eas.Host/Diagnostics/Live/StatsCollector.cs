using Eas.Actors.Cluster;
using Eas.Actors.Diagnostics;

namespace Eas.Host.Diagnostics.Live;

/// <summary>Puts a <see cref="StatsSnapshot"/> together from the request counters, push metrics, the entity regions and the process.</summary>
internal sealed class StatsCollector(LiveStats live, LoopingDevices looping, PushMetrics push, EntityCounts entities, ClusterStats cluster, TimeProvider clock)
{
    /// <summary>How many busiest devices and accounts a snapshot lists.</summary>
    public const int BusiestShown = 20;

    private ActorStats Actors()
    {
        var seen = cluster.Current;
        return new ActorStats(
            entities[EntityKind.Device], entities[EntityKind.Mailbox], entities[EntityKind.Account], seen.Shards,
            seen.Members.Count(m => m.Status == "up"), seen.Members.Count(m => !m.Reachable), seen.SingletonsHere);
    }

    public StatsSnapshot Collect()
    {
        var now = clock.GetUtcNow();
        return new StatsSnapshot(
            now,
            Math.Max(0, (DateTimeOffset.UtcNow - ProcessSampler.Started).TotalSeconds),
            live.Commands(),
            new PushStats(push.ParkedNow, push.WatchersNow, push.ReconnectsTotal, push.PushesTotal, push.PushMillisecondsTotal),
            Actors(),
            ProcessSampler.Sample(),
            live.BusiestDevices(BusiestShown),
            live.BusiestAccounts(BusiestShown),
            looping.Recent(BusiestShown));
    }
}
