using Eas.Actors.Devices;

namespace Eas.Actors.Tests.Devices;

/// <summary>MS-ASHTTP 3.2.5.1.1: two User-Agent changes within 24 hours are allowed, a third blocks the device for 14 hours.</summary>
public sealed class UserAgentRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly UserAgentLimits Limits = new();

    private static DeviceState Contacted(DeviceState state, string? userAgent, DateTimeOffset at) =>
        DeviceDecisions.ApplyAll(state, DeviceDecisions.Contact(state, "Phone", "14.1", userAgent, at));

    private static DeviceState WithChanges(params string[] agents)
    {
        var state = DeviceState.New("mike@ox.io", "Phone1");
        for (var i = 0; i < agents.Length; i++) state = Contacted(state, agents[i], T0.AddHours(i));
        return state;
    }

    [Fact]
    public void MS_ASHTTP_3_2_5_1_1_two_changes_within_24_hours_are_allowed()
    {
        var state = WithChanges("A", "B");

        state.UserAgentChanges.Count.ShouldBe(1);
        UserAgentRules.Decide(state, "C", Limits, T0.AddHours(2)).ShouldBe(UserAgentVerdict.Allowed);
        UserAgentRules.Decide(state, "B", Limits, T0.AddHours(2)).ShouldBe(UserAgentVerdict.Allowed);
    }

    [Fact]
    public void MS_ASHTTP_3_2_5_1_1_a_third_change_within_24_hours_blocks_for_14_hours()
    {
        var state = WithChanges("A", "B", "C");
        var now = T0.AddHours(3);

        var verdict = UserAgentRules.Decide(state, "D", Limits, now);

        verdict.BlockedUntil.ShouldBe(now.AddHours(14));
        verdict.Events.Single().ShouldBe(new UserAgentBlocked(now, now.AddHours(14), 3));
        var blocked = DeviceDecisions.ApplyAll(Contacted(state, "D", now), verdict.Events);
        UserAgentRules.Decide(blocked, "D", Limits, now.AddHours(13.9)).BlockedUntil.ShouldBe(now.AddHours(14));
        UserAgentRules.Decide(blocked, "D", Limits, now.AddHours(14)).ShouldBe(UserAgentVerdict.Allowed);
    }

    [Fact]
    public void Changes_older_than_the_window_no_longer_count_and_a_missing_header_is_no_change()
    {
        var state = WithChanges("A", "B", "C");

        UserAgentRules.Decide(state, "D", Limits, T0.AddHours(25.5)).ShouldBe(UserAgentVerdict.Allowed);
        UserAgentRules.Decide(state, null, Limits, T0.AddHours(3)).ShouldBe(UserAgentVerdict.Allowed);
        UserAgentRules.IsChange(DeviceState.New("mike@ox.io", "Phone1"), "A").ShouldBeFalse();
    }

    [Fact]
    public void A_limit_of_zero_turns_the_rule_off()
    {
        var state = WithChanges("A", "B", "C", "D", "E");

        UserAgentRules.Decide(state, "F", new UserAgentLimits(0), T0.AddHours(5)).ShouldBe(UserAgentVerdict.Allowed);
    }
}
