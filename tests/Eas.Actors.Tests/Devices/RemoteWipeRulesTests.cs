using Eas.Actors.Devices;
using Eas.Wire.Commands.Provision;

namespace Eas.Actors.Tests.Devices;

/// <summary>The pure rules of remote wipe (MS-ASPROV 3.2.5.1.2, 2.2.2.1, 2.2.2.54.3): ordering, cancelling, acknowledging, gating.</summary>
public sealed class RemoteWipeRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    private static DeviceState Device(string version) =>
        DeviceDecisions.ApplyAll(DeviceState.New("mike@ox.io", "Phone1"), DeviceDecisions.Contact(DeviceState.New("mike@ox.io", "Phone1"), "Phone", version, null, T0));

    private static DeviceState Ordered(DeviceState state, bool accountOnly = false) =>
        DeviceDecisions.ApplyAll(state, RemoteWipeRules.Request(state, accountOnly, "admin:root", T0).Events);

    [Fact]
    public void MS_ASPROV_3_2_5_1_2_an_ordered_wipe_is_pending_and_gates_the_device()
    {
        var state = Ordered(Device("14.1"));

        state.RemoteWipe.ShouldBe(new RemoteWipeState(false, T0, "admin:root"));
        RemoteWipeRules.GateOf(state).ShouldBe(RemoteWipeGate.Pending);
        RemoteWipeRules.GateOf(Device("14.1")).ShouldBe(RemoteWipeGate.None);
    }

    [Theory]
    [InlineData("16.1", null)]
    [InlineData("16.0", RemoteWipeRefusal.AccountOnlyNeeds161)]
    [InlineData("14.1", RemoteWipeRefusal.AccountOnlyNeeds161)]
    [InlineData("12.1", RemoteWipeRefusal.AccountOnlyNeeds161)]
    public void MS_ASPROV_2_2_2_1_an_account_only_wipe_needs_a_16_1_device(string version, RemoteWipeRefusal? refusal)
    {
        var (refused, events) = RemoteWipeRules.Request(Device(version), accountOnly: true, "admin:root", T0);

        refused.ShouldBe(refusal);
        events.Length.ShouldBe(refusal is null ? 1 : 0);
    }

    [Fact]
    public void An_unknown_device_is_refused_and_a_repeated_order_writes_nothing()
    {
        RemoteWipeRules.Request(null, false, "admin:root", T0).Refusal.ShouldBe(RemoteWipeRefusal.UnknownDevice);
        RemoteWipeRules.Cancel(null, "admin:root", T0).Refusal.ShouldBe(RemoteWipeRefusal.UnknownDevice);
        var (refusal, events) = RemoteWipeRules.Request(Ordered(Device("14.1")), false, "admin:other", T0.AddMinutes(1));
        refusal.ShouldBeNull();
        events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(RemoteWipeAcknowledgement.Succeeded)]
    [InlineData(RemoteWipeAcknowledgement.Failed)]
    public void MS_ASPROV_3_2_5_1_2_2_the_acknowledgement_is_recorded_with_its_time_and_status_and_the_device_is_wiped(RemoteWipeAcknowledgement status)
    {
        var pending = Ordered(Device("16.1"), accountOnly: true);

        var events = RemoteWipeRules.Acknowledge(pending, status, T0.AddMinutes(5));
        var wiped = DeviceDecisions.ApplyAll(pending, events);

        wiped.RemoteWipe.ShouldBe(new RemoteWipeState(true, T0, "admin:root") { AcknowledgedAt = T0.AddMinutes(5), Status = status });
        RemoteWipeRules.GateOf(wiped).ShouldBe(RemoteWipeGate.Wiped);
        RemoteWipeRules.Acknowledge(wiped, status, T0.AddMinutes(6)).ShouldBeEmpty("a second acknowledgement changes nothing");
        RemoteWipeRules.Request(wiped, false, "admin:root", T0.AddMinutes(7)).Refusal.ShouldBe(RemoteWipeRefusal.AlreadyAcknowledged);
        RemoteWipeRules.Cancel(wiped, "admin:root", T0.AddMinutes(7)).Refusal.ShouldBe(RemoteWipeRefusal.AlreadyAcknowledged);
    }

    [Fact]
    public void An_acknowledgement_without_a_pending_wipe_records_nothing() =>
        RemoteWipeRules.Acknowledge(Device("14.1"), RemoteWipeAcknowledgement.Succeeded, T0).ShouldBeEmpty();

    [Fact]
    public void A_pending_wipe_can_be_cancelled_and_a_device_without_one_cannot()
    {
        var pending = Ordered(Device("14.1"));

        var (refusal, events) = RemoteWipeRules.Cancel(pending, "admin:root", T0.AddMinutes(1));

        refusal.ShouldBeNull();
        var cancelled = DeviceDecisions.ApplyAll(pending, events);
        cancelled.RemoteWipe.ShouldBeNull();
        RemoteWipeRules.GateOf(cancelled).ShouldBe(RemoteWipeGate.None);
        RemoteWipeRules.Cancel(cancelled, "admin:root", T0.AddMinutes(2)).Refusal.ShouldBe(RemoteWipeRefusal.NothingPending);
    }
}
