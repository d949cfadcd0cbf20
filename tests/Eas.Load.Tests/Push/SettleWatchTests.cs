using Eas.Load.Push;

namespace Eas.Load.Tests.Push;

public class SettleWatchTests
{
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Settles_once_every_parkable_Ping_has_stayed_parked_for_the_steady_time()
    {
        var watch = new SettleWatch(Steady, Max);

        watch.Observe(At(0), parked: 10, parkable: 10).ShouldBe(SettleState.Waiting);
        watch.Observe(At(2.9), 10, 10).ShouldBe(SettleState.Waiting);
        watch.Observe(At(3), 10, 10).ShouldBe(SettleState.Settled);
    }

    [Fact]
    public void A_Ping_not_parked_starts_the_steady_time_again()
    {
        var watch = new SettleWatch(Steady, Max);

        watch.Observe(At(0), 10, 10);
        watch.Observe(At(2), 9, 10).ShouldBe(SettleState.Waiting);
        watch.Observe(At(4), 10, 10).ShouldBe(SettleState.Waiting);
        watch.Observe(At(4.9), 10, 10).ShouldBe(SettleState.Waiting);
        watch.Observe(At(5), 10, 10).ShouldBe(SettleState.Settled);
    }

    [Fact]
    public void Gives_up_after_the_longest_wait_when_a_device_never_parks_again()
    {
        var watch = new SettleWatch(Steady, Max);

        watch.Observe(At(100), 9, 10).ShouldBe(SettleState.Waiting);
        watch.Observe(At(159), 9, 10).ShouldBe(SettleState.Waiting);
        watch.Observe(At(160), 9, 10).ShouldBe(SettleState.GaveUp);
    }

    [Fact]
    public void Refused_devices_are_not_waited_for_since_they_are_not_parkable()
    {
        var counters = new PushCounters();
        counters.DeviceSetUp();
        counters.DeviceSetUp();
        counters.PingSent(first: true);
        counters.RefusedAtPing(hadParked: false);
        var watch = new SettleWatch(Steady, Max);

        watch.Observe(At(0), counters.Parked, counters.Parkable);
        watch.Observe(At(3), counters.Parked, counters.Parkable).ShouldBe(SettleState.Settled);
    }
}
