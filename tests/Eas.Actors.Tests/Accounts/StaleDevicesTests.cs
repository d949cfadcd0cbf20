using Eas.Actors.Accounts;

namespace Eas.Actors.Tests.Accounts;

/// <summary>Abandoned partnerships (Outlook for desktop's new DeviceId at every start): recorded coarsely, removed after the idle limit.</summary>
public sealed class StaleDevicesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly StaleDeviceLimits Limits = StaleDeviceLimits.Default;

    private static AccountState WithDevice(AccountState state, string deviceId, DateTimeOffset at) =>
        StaleDevices.Seen(state, deviceId, at, Limits) is { } seen ? StaleDevices.Apply(state, seen) : state;

    [Fact]
    public void A_device_is_recorded_when_new_and_again_only_once_its_record_is_older_than_the_resolution()
    {
        var state = WithDevice(AccountState.New("mike@ox.io"), "Outlook-A", T0);

        state.Devices.ShouldContainKeyAndValue("outlook-a", T0);
        StaleDevices.Seen(state, "OUTLOOK-A", T0.AddHours(1), Limits).ShouldBeNull();
        StaleDevices.Seen(state, "Outlook-A", T0 + Limits.SeenResolution, Limits).ShouldBe(new AccountDeviceSeen("outlook-a", T0 + Limits.SeenResolution));
        Limits.SeenResolution.ShouldBe(TimeSpan.FromDays(1));
    }

    [Fact]
    public void Devices_idle_past_the_limit_are_removed_but_never_the_one_asking()
    {
        var state = WithDevice(AccountState.New("mike@ox.io"), "Old", T0);
        state = WithDevice(state, "Recent", T0.AddDays(20));
        state = WithDevice(state, "Asking", T0);
        var now = T0.AddDays(31);

        var removed = StaleDevices.Sweep(state, "ASKING", now, Limits);

        removed.ShouldBe([new AccountDeviceRemoved("mike@ox.io", "old", T0, now)]);
        removed[0].By.ShouldBe(AccountDeviceRemoved.Cleanup);
        StaleDevices.Apply(state, removed[0]).Devices.Keys.ShouldBe(["asking", "recent"]);
    }

    [Fact]
    public void An_idle_limit_of_zero_turns_the_cleanup_off()
    {
        var state = WithDevice(AccountState.New("mike@ox.io"), "Old", T0);

        StaleDevices.Sweep(state, "New", T0.AddYears(1), new StaleDeviceLimits(TimeSpan.Zero)).ShouldBeEmpty();
    }
}
