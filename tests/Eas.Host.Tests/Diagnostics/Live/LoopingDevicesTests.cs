using Eas.Actors.Devices;
using Eas.Host.Diagnostics.Live;

namespace Eas.Host.Tests.Diagnostics.Live;

public sealed class LoopingDevicesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Lists_the_latest_report_of_each_device_latest_first_and_forgets_old_ones()
    {
        var looping = new LoopingDevices(new FixedClock(Now));

        looping.Flagged("mike@ox.io", "Phone1", new LoopReport("first", Now.AddMinutes(-3)));
        looping.Flagged("mike@ox.io", "Phone1", new LoopReport("again", Now.AddMinutes(-1)));
        looping.Flagged("anna@ox.io", "Phone2", new LoopReport("pings", Now.AddMinutes(-2)));
        looping.Flagged("old@ox.io", "Phone3", new LoopReport("long ago", Now - LoopingDevices.Shown - TimeSpan.FromSeconds(1)));

        looping.Recent(10).Select(d => (d.DeviceId, d.Reason)).ShouldBe([("Phone1", "again"), ("Phone2", "pings")]);
        looping.Recent(1).Single().DeviceId.ShouldBe("Phone1");
    }

    [Fact]
    public void Holds_at_most_its_capacity_dropping_the_oldest()
    {
        var looping = new LoopingDevices(new FixedClock(Now));
        for (var i = 0; i <= LoopingDevices.Capacity; i++)
            looping.Flagged("mike@ox.io", $"Phone{i}", new LoopReport("loop", Now.AddSeconds(-LoopingDevices.Capacity + i)));

        var listed = looping.Recent(LoopingDevices.Capacity + 10);
        listed.Count.ShouldBe(LoopingDevices.Capacity);
        listed.ShouldNotContain(d => d.DeviceId == "Phone0");
    }
}
