using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Wire.Commands.FolderSync;
using Shouldly;

namespace Eas.Actors.Tests.Accounts;

public sealed class FeatureResolverTests
{
    private const string Mike = "mike@ox.io";

    private static DirectoryState Directory(
        bool service = true,
        FeatureSettings? defaults = null,
        FeatureSettings? domain = null,
        (string Name, FeatureSettings Settings)? accountClass = null) => new()
    {
        ServiceEnabled = service,
        ServiceDefaults = defaults ?? FeatureSettings.Inherit,
        Domains = domain is null ? DirectoryState.Default.Domains : DirectoryState.Default.Domains.Add("ox.io", domain),
        Classes = accountClass is { } c ? DirectoryState.Default.Classes.Add(c.Name, c.Settings) : DirectoryState.Default.Classes,
    };

    [Fact]
    public void Nothing_set_anywhere_is_on_from_the_built_in_default()
    {
        var effective = FeatureResolver.Resolve(DirectoryState.Default, Mike, null);
        effective.ActiveSync.ShouldBe(new EffectiveSetting(true, SettingSource.BuiltIn));
        effective.Email.ShouldBe(new EffectiveSetting(true, SettingSource.BuiltIn));
        effective.Contacts.Source.ShouldBe(SettingSource.BuiltIn);
        effective.Pim.Source.ShouldBe(SettingSource.BuiltIn);
    }

    [Fact]
    public void Service_defaults_apply_to_domains_that_set_nothing()
    {
        var effective = FeatureResolver.Resolve(Directory(defaults: new(ActiveSync: false, Pim: false)), Mike, null);
        effective.ActiveSync.ShouldBe(new EffectiveSetting(false, SettingSource.Service));
        effective.Pim.ShouldBe(new EffectiveSetting(false, SettingSource.Service));
        effective.Email.ShouldBe(new EffectiveSetting(true, SettingSource.BuiltIn));
    }

    [Fact]
    public void Domain_defaults_override_the_service_defaults()
    {
        var effective = FeatureResolver.Resolve(Directory(defaults: new(ActiveSync: false), domain: new(ActiveSync: true, Contacts: false)), Mike, null);
        effective.ActiveSync.ShouldBe(new EffectiveSetting(true, SettingSource.Domain));
        effective.Contacts.ShouldBe(new EffectiveSetting(false, SettingSource.Domain));
    }

    [Fact]
    public void Another_domain_does_not_apply()
    {
        var effective = FeatureResolver.Resolve(Directory(domain: new(ActiveSync: false)), "ann@other.example", null);
        effective.ActiveSync.ShouldBe(new EffectiveSetting(true, SettingSource.BuiltIn));
    }

    [Fact]
    public void The_class_overrides_the_domain_and_the_account_overrides_the_class()
    {
        var directory = Directory(domain: new(ActiveSync: false, Email: false), accountClass: ("premium", new(ActiveSync: true)));
        var inClass = FeatureResolver.Resolve(directory, Mike, new AccountSettings { Class = "Premium" });
        inClass.ActiveSync.ShouldBe(new EffectiveSetting(true, SettingSource.Class));
        inClass.Email.ShouldBe(new EffectiveSetting(false, SettingSource.Domain));

        var own = FeatureResolver.Resolve(directory, Mike, new AccountSettings { Class = "premium", Features = new(ActiveSync: false, Email: true) });
        own.ActiveSync.ShouldBe(new EffectiveSetting(false, SettingSource.Account));
        own.Email.ShouldBe(new EffectiveSetting(true, SettingSource.Account));
    }

    [Fact]
    public void A_class_that_does_not_exist_is_skipped()
    {
        var effective = FeatureResolver.Resolve(Directory(domain: new(Pim: false)), Mike, new AccountSettings { Class = "gone" });
        effective.Pim.ShouldBe(new EffectiveSetting(false, SettingSource.Domain));
    }

    [Fact]
    public void The_service_switch_overrides_an_account_switched_on_explicitly()
    {
        var effective = FeatureResolver.Resolve(Directory(service: false), Mike, new AccountSettings { Features = new(ActiveSync: true) });
        effective.ActiveSync.ShouldBe(new EffectiveSetting(false, SettingSource.ServiceSwitch));
        effective.Allows(DataClass.Email).ShouldBeFalse();
    }

    [Fact]
    public void An_account_turned_off_by_the_license_says_so()
    {
        var effective = FeatureResolver.Resolve(DirectoryState.Default, Mike, new AccountSettings { Features = new(ActiveSync: false), DisabledByLicense = true });
        effective.ActiveSync.ShouldBe(new EffectiveSetting(false, SettingSource.License));
    }

    [Fact]
    public void Sub_options_switch_their_folder_types()
    {
        var effective = FeatureResolver.Resolve(Directory(domain: new(Email: false, Pim: false)), Mike, null);
        effective.Allows(DataClasses.Of(FolderType.DefaultInbox)).ShouldBeFalse();
        effective.Allows(DataClasses.Of(FolderType.UserCreatedMail)).ShouldBeFalse();
        effective.Allows(DataClasses.Of(FolderType.DefaultContacts)).ShouldBeTrue();
        effective.Allows(DataClasses.Of(FolderType.UserCreatedContacts)).ShouldBeTrue();
        effective.Allows(DataClasses.Of(FolderType.DefaultCalendar)).ShouldBeFalse();
        effective.Allows(DataClasses.Of(FolderType.DefaultTasks)).ShouldBeFalse();
        effective.Allows(DataClasses.Of(FolderType.UserCreatedNotes)).ShouldBeFalse();
    }

    [Fact]
    public void Every_combination_of_levels_takes_the_nearest_level_that_sets_a_value()
    {
        bool?[] values = [null, false, true];
        foreach (var service in values)
        foreach (var domain in values)
        foreach (var cls in values)
        foreach (var account in values)
        {
            var directory = Directory(defaults: new(Contacts: service), domain: new(Contacts: domain), accountClass: ("c", new(Contacts: cls)));
            var effective = FeatureResolver.Resolve(directory, Mike, new AccountSettings { Class = "c", Features = new(Contacts: account) });
            var (expected, source) = account is { } a ? (a, SettingSource.Account)
                : cls is { } c ? (c, SettingSource.Class)
                : domain is { } d ? (d, SettingSource.Domain)
                : service is { } s ? (s, SettingSource.Service)
                : (true, SettingSource.BuiltIn);
            effective.Contacts.ShouldBe(new EffectiveSetting(expected, source), $"service {service}, domain {domain}, class {cls}, account {account}");
        }
    }

    [Fact]
    public void Directory_changes_lower_case_names_and_remove_with_null()
    {
        var state = DirectoryDecisions.Apply(DirectoryState.Default, new SetDomainDefaults(" OX.io ", new(ActiveSync: false)));
        state.Domains.Keys.ShouldBe(["ox.io"]);
        state = DirectoryDecisions.Apply(state, new SetAccountClass("Gold", new(Pim: true)));
        state.Classes.ShouldContainKey("gold");
        state = DirectoryDecisions.Apply(state, new SetDomainDefaults("ox.io", null));
        state.Domains.ShouldBeEmpty();
        DirectoryDecisions.Apply(state, new SetServiceEnabled(false)).ServiceEnabled.ShouldBeFalse();
        ImmutableArray<string> none = [];
        DirectoryDecisions.Apply(state, new SetAccountClass("gold", null)).Classes.Keys.ShouldBe(none);
    }
}
