using Eas.Actors.Devices;

namespace Eas.Actors.Tests.Devices;

public sealed class DeviceDecisionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private const string Policy = "policy-v1";

    private static DeviceState Provisioned(uint temporary = 11, uint final = 22)
    {
        var state = DeviceState.New("mike@ox.io", "Phone1");
        state = DeviceDecisions.ApplyAll(state, DeviceDecisions.IssuePolicy(temporary, Policy, T0));
        var (_, events) = DeviceDecisions.Acknowledge(state, temporary, 1, final, allowNonProvisionable: false, T0);
        return DeviceDecisions.ApplyAll(state, events);
    }

    [Fact]
    public void A_new_device_is_not_provisioned_whatever_key_it_sends()
    {
        var state = DeviceState.New("mike@ox.io", "Phone1");
        DeviceDecisions.CheckPolicyKey(state, null, Policy, true).ShouldBe(PolicyVerdict.NotProvisioned);
        DeviceDecisions.CheckPolicyKey(state, 0, Policy, true).ShouldBe(PolicyVerdict.NotProvisioned);
        DeviceDecisions.CheckPolicyKey(state, 1234, Policy, true).ShouldBe(PolicyVerdict.InvalidPolicyKey);
    }

    [Fact]
    public void The_two_phase_handshake_yields_a_final_key_that_is_then_required()
    {
        var state = Provisioned(temporary: 11, final: 22);

        state.PolicyKey.ShouldBe(22u);
        state.PendingPolicyKey.ShouldBeNull();
        DeviceDecisions.CheckPolicyKey(state, 22, Policy, true).ShouldBe(PolicyVerdict.Allowed);
        DeviceDecisions.CheckPolicyKey(state, 11, Policy, true).ShouldBe(PolicyVerdict.InvalidPolicyKey);
        DeviceDecisions.CheckPolicyKey(state, null, Policy, true).ShouldBe(PolicyVerdict.NotProvisioned);
    }

    [Fact]
    public void MS_ASPROV_3_1_5_2_a_provisioned_device_without_a_key_is_not_provisionable_where_such_devices_are_not_allowed()
    {
        var state = Provisioned(temporary: 11, final: 22);

        DeviceDecisions.CheckPolicyKey(state, null, Policy, false).ShouldBe(PolicyVerdict.NotProvisionable);
        DeviceDecisions.CheckPolicyKey(state, 0, Policy, false).ShouldBe(PolicyVerdict.NotProvisioned, "a key of 0 is sent: 'none yet'");
        DeviceDecisions.CheckPolicyKey(state, 11, Policy, false).ShouldBe(PolicyVerdict.InvalidPolicyKey);
        DeviceDecisions.CheckPolicyKey(DeviceState.New("mike@ox.io", "Phone1"), null, Policy, false).ShouldBe(PolicyVerdict.NotProvisioned, "never provisioned");
    }

    [Fact]
    public void A_changed_policy_makes_the_acknowledged_key_stale()
    {
        DeviceDecisions.CheckPolicyKey(Provisioned(), 22, "policy-v2", true).ShouldBe(PolicyVerdict.InvalidPolicyKey);
    }

    [Fact]
    public void A_resent_acknowledgement_gets_the_same_final_key_and_writes_nothing()
    {
        var state = Provisioned(temporary: 11, final: 22);

        var (outcome, events) = DeviceDecisions.Acknowledge(state, 11, 1, 33, allowNonProvisionable: false, T0);

        outcome.ShouldBe(AcknowledgeOutcome.Acknowledged);
        events.ShouldBeEmpty();
        state.PolicyKey.ShouldBe(22u);
    }

    [Fact]
    public void Acknowledging_a_key_never_issued_is_a_mismatch()
    {
        var state = DeviceDecisions.ApplyAll(DeviceState.New("a", "b"), DeviceDecisions.IssuePolicy(11, Policy, T0));

        DeviceDecisions.Acknowledge(state, 12, 1, 22, false, T0).Outcome.ShouldBe(AcknowledgeOutcome.PolicyKeyMismatch);
        DeviceDecisions.Acknowledge(DeviceState.New("a", "b"), 11, 1, 22, false, T0).Outcome.ShouldBe(AcknowledgeOutcome.PolicyKeyMismatch);
    }

    [Theory]
    [InlineData(2, false, AcknowledgeOutcome.NotFullyProvisionable)]
    [InlineData(3, false, AcknowledgeOutcome.NotFullyProvisionable)]
    [InlineData(4, false, AcknowledgeOutcome.ExternallyManaged)]
    [InlineData(2, true, AcknowledgeOutcome.Acknowledged)]
    [InlineData(4, true, AcknowledgeOutcome.Acknowledged)]
    [InlineData(1, false, AcknowledgeOutcome.Acknowledged)]
    public void Phones_that_cannot_apply_the_policy_are_let_in_only_when_allowed(int applyStatus, bool allow, AcknowledgeOutcome expected)
    {
        var state = DeviceDecisions.ApplyAll(DeviceState.New("a", "b"), DeviceDecisions.IssuePolicy(11, Policy, T0));

        var (outcome, events) = DeviceDecisions.Acknowledge(state, 11, applyStatus, 22, allow, T0);

        outcome.ShouldBe(expected);
        events.Length.ShouldBe(expected == AcknowledgeOutcome.Acknowledged ? 1 : 0);
    }

    [Fact]
    public void Re_provisioning_keeps_the_old_key_valid_until_the_new_one_is_acknowledged()
    {
        var state = DeviceDecisions.ApplyAll(Provisioned(11, 22), DeviceDecisions.IssuePolicy(33, "policy-v2", T0));

        DeviceDecisions.CheckPolicyKey(state, 22, Policy, true).ShouldBe(PolicyVerdict.Allowed);
        var (_, events) = DeviceDecisions.Acknowledge(state, 33, 1, 44, false, T0);
        state = DeviceDecisions.ApplyAll(state, events);
        DeviceDecisions.CheckPolicyKey(state, 44, "policy-v2", true).ShouldBe(PolicyVerdict.Allowed);
        state.IssuedKeys.ShouldBe([11u, 22u, 33u, 44u]);
    }

    [Fact]
    public void Contact_is_written_when_something_changed_or_the_last_one_is_old()
    {
        var state = DeviceDecisions.ApplyAll(DeviceState.New("a", "b"), DeviceDecisions.Contact(DeviceState.New("a", "b"), "iPhone", "14.1", "ua", T0));

        DeviceDecisions.Contact(state, "iPhone", "14.1", "ua", T0.AddMinutes(1)).ShouldBeEmpty();
        DeviceDecisions.Contact(state, "iPhone", "16.1", "ua", T0.AddMinutes(1)).Length.ShouldBe(1);
        DeviceDecisions.Contact(state, "iPhone", "14.1", "ua", T0.AddMinutes(6)).Length.ShouldBe(1);
        state.FirstSeen.ShouldBe(T0);
    }

    [Fact]
    public void Keys_are_never_zero()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DeviceDecisions.IssuePolicy(0, Policy, T0));
        var state = DeviceDecisions.ApplyAll(DeviceState.New("a", "b"), DeviceDecisions.IssuePolicy(11, Policy, T0));
        Should.Throw<ArgumentOutOfRangeException>(() => DeviceDecisions.Acknowledge(state, 11, 1, 0, false, T0));
    }
}
