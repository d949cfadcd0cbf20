using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;

namespace Eas.Actors.Tests.Devices.Access;

/// <summary>The policy per level (MS-ASPROV 2.2.2.27 settings): account, class, domain, service, configuration.</summary>
public sealed class PolicyResolverTests
{
    private static readonly DevicePolicy Configured = new(true, false, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
        [KeyValuePair.Create("DevicePasswordEnabled", "1"), KeyValuePair.Create("MinDevicePasswordLength", "4")]));

    private static ImmutableSortedDictionary<string, string> Settings(params (string Name, string Value)[] pairs) =>
        pairs.ToImmutableSortedDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    [Fact]
    public void With_nothing_set_the_configured_policy_and_its_fingerprint_stay()
    {
        var effective = PolicyResolver.Resolve(Configured, PolicyOverrides.Empty, "mike@ox.io", null);

        effective.Policy.ShouldBeSameAs(Configured);
        effective.Settings.Values.ShouldAllBe(s => s.Source == PolicySource.Configuration);
    }

    [Fact]
    public void Each_setting_comes_from_the_nearest_level_account_class_domain_service_configuration()
    {
        var overrides = PolicyOverrides.Empty;
        foreach (var change in (DirectoryChange[])[
            new SetPolicySettings(DirectoryLevel.Service, null, Settings(("MinDevicePasswordLength", "5"), ("AllowCamera", "0"))),
            new SetPolicySettings(DirectoryLevel.Domain, "OX.io", Settings(("MinDevicePasswordLength", "6"), ("MaxInactivityTimeDeviceLock", "300"))),
            new SetPolicySettings(DirectoryLevel.Class, "Gold", Settings(("MinDevicePasswordLength", "8"))),
            new SetPolicySettings(DirectoryLevel.Account, "mike@ox.io", Settings(("AllowCamera", "1")))])
            overrides = DirectoryDecisions.Apply(DirectoryState.Default with { Policies = overrides }, change).Policies;

        var mike = PolicyResolver.Resolve(Configured, overrides, "Mike@ox.io", "gold");

        mike.Settings["DevicePasswordEnabled"].ShouldBe(new EffectivePolicySetting("1", PolicySource.Configuration));
        mike.Settings["MinDevicePasswordLength"].ShouldBe(new EffectivePolicySetting("8", PolicySource.Class));
        mike.Settings["MaxInactivityTimeDeviceLock"].ShouldBe(new EffectivePolicySetting("300", PolicySource.Domain));
        mike.Settings["AllowCamera"].ShouldBe(new EffectivePolicySetting("1", PolicySource.Account));
        PolicyResolver.Resolve(Configured, overrides, "anna@ox.io", null).Settings["MinDevicePasswordLength"].ShouldBe(new EffectivePolicySetting("6", PolicySource.Domain));
        PolicyResolver.Resolve(Configured, overrides, "joe@other.io", null).Settings["MinDevicePasswordLength"].ShouldBe(new EffectivePolicySetting("5", PolicySource.Service));
    }

    [Fact]
    public void MS_ASPROV_3_1_5_1_a_changed_level_changes_the_fingerprint_so_the_devices_it_reaches_re_provision()
    {
        var domain = PolicyOverrides.Empty with { Domains = ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>>.Empty.Add("ox.io", Settings(("MinDevicePasswordLength", "6"))) };

        var reached = PolicyResolver.Resolve(Configured, domain, "mike@ox.io", null).Policy;
        var elsewhere = PolicyResolver.Resolve(Configured, domain, "joe@other.io", null).Policy;

        reached.Fingerprint.ShouldNotBe(Configured.Fingerprint);
        elsewhere.Fingerprint.ShouldBe(Configured.Fingerprint);
        PolicyDocuments.EasProvisionDoc(reached).ValueOf(Wire.CodePages.Provision.MinDevicePasswordLength).ShouldBe("6");
        DeviceDecisions.CheckPolicyKey(DeviceState.New("mike@ox.io", "d") with { PolicyKey = 9, PolicyFingerprint = Configured.Fingerprint }, 9, reached.Fingerprint, false)
            .ShouldBe(PolicyVerdict.InvalidPolicyKey);
    }

    [Theory]
    [InlineData("NoSuchSetting", "1")]
    [InlineData("ApprovedApplicationList", "x")]
    public void A_setting_that_is_not_a_simple_EASProvisionDoc_element_is_refused(string name, string value) =>
        Should.Throw<ArgumentException>(() => DirectoryDecisions.Apply(DirectoryState.Default, new SetPolicySettings(DirectoryLevel.Domain, "ox.io", Settings((name, value)))));

    [Fact]
    public void Clearing_a_level_removes_it()
    {
        var state = DirectoryDecisions.Apply(DirectoryState.Default, new SetPolicySettings(DirectoryLevel.Class, "gold", Settings(("AllowCamera", "0"))));

        DirectoryDecisions.Apply(state, new SetPolicySettings(DirectoryLevel.Class, "gold", null)).Policies.Classes.ShouldBeEmpty();
    }
}
