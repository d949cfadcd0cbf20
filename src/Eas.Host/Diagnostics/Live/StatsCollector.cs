using Eas.Actors.Devices;
using Eas.Actors.Diagnostics;
using Eas.Actors.Mailboxes;

namespace Eas.Host.Diagnostics.Live;

/// <summary>Puts a <see cref="StatsSnapshot"/> together from the request counters, push metrics, the entity regions and the process.</summary>
internal sealed class StatsCollector(LiveStats live, PushMetrics push, DeviceRegion devices, MailboxRegion mailboxes, TimeProvider clock)
{
    /// <summary>How many busiest devices and accounts a snapshot lists.</summary>
    public const int BusiestShown = 20;

    public StatsSnapshot Collect()
    {
        var now = clock.GetUtcNow();
        return new StatsSnapshot(
            now,
            Math.Max(0, (DateTimeOffset.UtcNow - ProcessSampler.Started).TotalSeconds),
            live.Commands(),
            new PushStats(push.ParkedNow, push.WatchersNow, push.ReconnectsTotal),
            new ActorStats(devices.Count, mailboxes.Count),
            ProcessSampler.Sample(),
            live.BusiestDevices(BusiestShown),
            live.BusiestAccounts(BusiestShown));
    }
}
