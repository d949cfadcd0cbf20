using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices.Access;

/// <summary>Device access rules: matching, precedence (admin, account, domain, service, default) and the gate per command.</summary>
public sealed class DeviceAccessRuleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DeviceFacts IPhone = new("iPhone", "iPhone15,2", "Apple-iPhone15C2/2104.66", "iOS 17.4 21E219");

    private static DeviceAccessRule Rule(DeviceCharacteristic on, string pattern, DeviceAccessLevel level) => new(on, pattern, level);

    [Theory]
    [InlineData(DeviceCharacteristic.DeviceType, "iPhone", true)]
    [InlineData(DeviceCharacteristic.DeviceType, "IPHONE", true)]
    [InlineData(DeviceCharacteristic.DeviceType, "iPhon", false)]
    [InlineData(DeviceCharacteristic.DeviceType, "iPhon*", true)]
    [InlineData(DeviceCharacteristic.DeviceModel, "iPhone15,2", true)]
    [InlineData(DeviceCharacteristic.UserAgent, "Apple-iPhone15C2/*", true)]
    [InlineData(DeviceCharacteristic.OperatingSystem, "iOS 17*", true)]
    [InlineData(DeviceCharacteristic.OperatingSystem, "iOS 16*", false)]
    [InlineData(DeviceCharacteristic.OperatingSystem, "*", true)]
    public void A_pattern_matches_the_whole_value_ignoring_case_or_a_prefix_when_it_ends_in_a_star(DeviceCharacteristic on, string pattern, bool matches) =>
        Rule(on, pattern, DeviceAccessLevel.Block).Matches(IPhone).ShouldBe(matches);

    [Fact]
    public void A_device_that_has_not_reported_a_characteristic_matches_no_rule_on_it()
    {
        var unknown = new DeviceFacts("iPhone", null, null, null);

        Rule(DeviceCharacteristic.DeviceModel, "*", DeviceAccessLevel.Block).Matches(unknown).ShouldBeFalse();
        Rule(DeviceCharacteristic.OperatingSystem, "iOS*", DeviceAccessLevel.Block).Matches(unknown).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "a rule needs a pattern")]
    [InlineData("i*Phone", "'*' may only end a pattern")]
    public void A_bad_pattern_is_named(string pattern, string problem) =>
        Rule(DeviceCharacteristic.DeviceType, pattern, DeviceAccessLevel.Allow).Problem().ShouldBe(problem);

    [Fact]
    public void The_account_is_checked_before_the_domain_and_the_domain_before_the_service()
    {
        var rules = new DeviceAccessRuleSet
        {
            Service = [Rule(DeviceCharacteristic.DeviceType, "iPhone", DeviceAccessLevel.Block)],
            Domains = ImmutableSortedDictionary<string, ImmutableList<DeviceAccessRule>>.Empty.Add("ox.io", [Rule(DeviceCharacteristic.OperatingSystem, "iOS*", DeviceAccessLevel.Quarantine)]),
            Accounts = ImmutableSortedDictionary<string, ImmutableList<DeviceAccessRule>>.Empty.Add("mike@ox.io", [Rule(DeviceCharacteristic.DeviceModel, "iPhone15,2", DeviceAccessLevel.Allow)]),
        };

        DeviceAccessResolver.Decide(rules, "Mike@OX.io", IPhone, null).ShouldBe(new DeviceAccessVerdict(DeviceAccessLevel.Allow, DeviceAccessSource.Account, rules.Accounts["mike@ox.io"][0]));
        DeviceAccessResolver.Decide(rules, "anna@ox.io", IPhone, null).ShouldBe(new DeviceAccessVerdict(DeviceAccessLevel.Quarantine, DeviceAccessSource.Domain, rules.Domains["ox.io"][0]));
        DeviceAccessResolver.Decide(rules, "joe@other.io", IPhone, null).ShouldBe(new DeviceAccessVerdict(DeviceAccessLevel.Block, DeviceAccessSource.Service, rules.Service[0]));
    }

    [Fact]
    public void Within_a_level_the_first_matching_rule_wins()
    {
        var rules = new DeviceAccessRuleSet
        {
            Service = [Rule(DeviceCharacteristic.DeviceType, "Android", DeviceAccessLevel.Block), Rule(DeviceCharacteristic.OperatingSystem, "iOS*", DeviceAccessLevel.Allow), Rule(DeviceCharacteristic.DeviceType, "iPhone", DeviceAccessLevel.Block)],
        };

        DeviceAccessResolver.Decide(rules, "mike@ox.io", IPhone, null).Level.ShouldBe(DeviceAccessLevel.Allow);
    }

    [Theory]
    [InlineData(DeviceAccessLevel.Allow)]
    [InlineData(DeviceAccessLevel.Quarantine)]
    [InlineData(DeviceAccessLevel.Block)]
    public void Nothing_matching_gives_the_default_access_level(DeviceAccessLevel level) =>
        DeviceAccessResolver.Decide(new DeviceAccessRuleSet { DefaultLevel = level }, "mike@ox.io", IPhone, null).ShouldBe(new DeviceAccessVerdict(level, DeviceAccessSource.Default));

    [Theory]
    [InlineData(DeviceAccessLevel.Allow)]
    [InlineData(DeviceAccessLevel.Block)]
    public void An_admins_decision_for_the_device_overrides_every_rule(DeviceAccessLevel decided)
    {
        var rules = new DeviceAccessRuleSet { Accounts = ImmutableSortedDictionary<string, ImmutableList<DeviceAccessRule>>.Empty.Add("mike@ox.io", [Rule(DeviceCharacteristic.DeviceType, "*", DeviceAccessLevel.Quarantine)]) };

        DeviceAccessResolver.Decide(rules, "mike@ox.io", IPhone, decided).ShouldBe(new DeviceAccessVerdict(decided, DeviceAccessSource.Admin));
    }

    [Theory]
    [InlineData(EasCommand.Provision, false)]
    [InlineData(EasCommand.Settings, false)]
    [InlineData(EasCommand.FolderSync, false)]
    [InlineData(EasCommand.Sync, false)]
    [InlineData(EasCommand.GetItemEstimate, false)]
    [InlineData(EasCommand.Ping, false)]
    [InlineData(EasCommand.SendMail, true)]
    [InlineData(EasCommand.ItemOperations, true)]
    [InlineData(EasCommand.MoveItems, true)]
    public void A_quarantined_device_may_provision_send_settings_sync_its_hierarchy_and_its_inbox(EasCommand command, bool refused)
    {
        var device = Device() with { Hierarchy = Hierarchy() };
        var check = DeviceAccessGate.Check(device, new DeviceAccessRuleSet { DefaultLevel = DeviceAccessLevel.Quarantine }, command, Noon, ["1"]);

        check.Refused.ShouldBe(refused);
        check.Quarantined.ShouldBe(!refused);
        check.NoticeDue.ShouldBeTrue();
        check.AdminNoticeDue.ShouldBeTrue();
    }

    [Theory]
    [InlineData(EasCommand.Sync)]
    [InlineData(EasCommand.GetItemEstimate)]
    [InlineData(EasCommand.Ping)]
    public void MS_ASCMD_2_2_2_a_quarantined_device_naming_another_collection_than_its_inbox_gets_status_129(EasCommand command)
    {
        var rules = new DeviceAccessRuleSet { DefaultLevel = DeviceAccessLevel.Quarantine };
        var device = Device() with { Hierarchy = Hierarchy() };

        DeviceAccessGate.Check(device, rules, command, Noon, ["1", "5"]).Refused.ShouldBeTrue();
        DeviceAccessGate.Check(device, rules, command, Noon, ["5"]).Refused.ShouldBeTrue();
        DeviceAccessGate.Check(device, rules, command, Noon, null).Refused.ShouldBeTrue("nothing named, nothing to repeat");
        DeviceAccessGate.Check(Device(), rules, command, Noon, ["1"]).Refused.ShouldBeTrue("no hierarchy yet: no Inbox known");
    }

    [Fact]
    public void An_allowed_device_is_not_quarantined_and_a_blocked_one_gets_no_admin_notice()
    {
        var allowed = DeviceAccessGate.Check(Device(), DeviceAccessRuleSet.Empty, EasCommand.Sync, Noon, ["5"]);
        var blocked = DeviceAccessGate.Check(Device(), new DeviceAccessRuleSet { DefaultLevel = DeviceAccessLevel.Block }, EasCommand.Sync, Noon, ["1"]);

        (allowed.Refused, allowed.Quarantined, allowed.AdminNoticeDue).ShouldBe((false, false, false));
        (blocked.Refused, blocked.Quarantined, blocked.AdminNoticeDue).ShouldBe((true, false, false));
    }

    [Fact]
    public void The_admins_are_told_once_per_device()
    {
        var rules = new DeviceAccessRuleSet { DefaultLevel = DeviceAccessLevel.Quarantine };
        var told = DeviceDecisions.Apply(Device(), new QuarantineAdminNotified(Noon));

        told.QuarantineAdminNoticeAt.ShouldBe(Noon);
        DeviceAccessGate.Check(told, rules, EasCommand.FolderSync, Noon.AddMinutes(1)).AdminNoticeDue.ShouldBeFalse();
    }

    [Fact]
    public void A_blocked_device_is_refused_every_command_and_gets_no_notice()
    {
        var check = DeviceAccessGate.Check(Device(), new DeviceAccessRuleSet { DefaultLevel = DeviceAccessLevel.Block }, EasCommand.Provision, Noon);

        (check.Refused, check.NoticeDue).ShouldBe((true, false));
    }

    [Fact]
    public void The_notice_is_due_once_per_device_and_the_access_change_is_recorded_only_when_it_changes()
    {
        var rules = new DeviceAccessRuleSet { DefaultLevel = DeviceAccessLevel.Quarantine };
        var first = DeviceAccessGate.Check(Device(), rules, EasCommand.FolderSync, Noon);
        var after = DeviceDecisions.ApplyAll(Device(), [.. first.Events, new QuarantineNoticeDelivered(Noon)]);

        first.Events.ShouldHaveSingleItem().ShouldBeOfType<DeviceAccessChanged>().Verdict.Level.ShouldBe(DeviceAccessLevel.Quarantine);
        var second = DeviceAccessGate.Check(after, rules, EasCommand.Sync, Noon.AddMinutes(1));
        second.Events.ShouldBeEmpty();
        second.NoticeDue.ShouldBeFalse();
        second.Refused.ShouldBeTrue();
    }

    [Fact]
    public void An_approval_lets_a_quarantined_device_in_without_touching_its_partnership()
    {
        var rules = new DeviceAccessRuleSet { DefaultLevel = DeviceAccessLevel.Quarantine };
        var quarantined = DeviceDecisions.ApplyAll(Device() with { PolicyKey = 77 }, [.. DeviceAccessGate.Check(Device(), rules, EasCommand.Sync, Noon).Events]);

        var approved = DeviceDecisions.Apply(quarantined, new DeviceAccessDecided(Noon.AddMinutes(5), DeviceAccessLevel.Allow, "admin:root"));
        var check = DeviceAccessGate.Check(approved, rules, EasCommand.Sync, Noon.AddMinutes(6));

        check.Refused.ShouldBeFalse();
        check.Verdict.Source.ShouldBe(DeviceAccessSource.Admin);
        approved.PolicyKey.ShouldBe(77u);
    }

    [Fact]
    public void Rules_read_the_model_and_os_from_device_information_and_the_user_agent_from_the_request()
    {
        var device = Device() with { UserAgent = "Outlook-iOS/2.0", Information = new DeviceInformation { Model = "iPhone15,2", OperatingSystem = "iOS 17.4", UserAgent = "Other" } };

        DeviceFacts.Of(device).ShouldBe(new DeviceFacts("iPhone", "iPhone15,2", "Outlook-iOS/2.0", "iOS 17.4"));
    }

    [Fact]
    public void A_bad_rule_never_reaches_the_directorys_state()
    {
        var change = new SetDeviceAccessRules(DirectoryLevel.Service, null, [Rule(DeviceCharacteristic.DeviceType, "a*b", DeviceAccessLevel.Block)]);

        Should.Throw<ArgumentException>(() => DirectoryDecisions.Apply(DirectoryState.Default, change));
        Should.Throw<ArgumentException>(() => DirectoryDecisions.Apply(DirectoryState.Default, new SetDeviceAccessRules(DirectoryLevel.Class, "staff", [])));
    }

    [Fact]
    public void Rules_are_set_and_removed_per_level_with_lower_cased_names()
    {
        var rule = Rule(DeviceCharacteristic.DeviceType, "iPhone", DeviceAccessLevel.Block);
        var state = DirectoryDecisions.Apply(DirectoryState.Default, new SetDeviceAccessRules(DirectoryLevel.Domain, "OX.io", [rule]));
        state = DirectoryDecisions.Apply(state, new SetDefaultAccessLevel(DeviceAccessLevel.Quarantine));

        state.AccessRules.Domains["ox.io"].ShouldBe([rule]);
        state.AccessRules.DefaultLevel.ShouldBe(DeviceAccessLevel.Quarantine);
        DirectoryDecisions.Apply(state, new SetDeviceAccessRules(DirectoryLevel.Domain, "ox.io", null)).AccessRules.Domains.ShouldBeEmpty();
    }

    private static global::Eas.Actors.Sync.Hierarchy.HierarchySyncState Hierarchy() => new()
    {
        Epoch = "e",
        Counter = 1,
        Known = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, global::Eas.Actors.Sync.Hierarchy.FolderView>
        {
            ["1"] = new("1", "0", "Inbox", global::Eas.Wire.Commands.FolderSync.FolderType.DefaultInbox),
            ["5"] = new("5", "0", "Sent", global::Eas.Wire.Commands.FolderSync.FolderType.DefaultSentItems),
        }),
    };

    private static DeviceState Device() => DeviceState.New("mike@ox.io", "ApplF17XK2QJ") with { DeviceType = "iPhone" };
}
