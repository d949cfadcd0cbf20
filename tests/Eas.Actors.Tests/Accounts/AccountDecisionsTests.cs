using Eas.Actors.Accounts;
using Eas.Actors.Licensing;
using Shouldly;

namespace Eas.Actors.Tests.Accounts;

public sealed class AccountDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly AccountState Fresh = AccountState.New("mike@ox.io");

    [Fact]
    public void Each_level_that_switches_ActiveSync_off_gives_its_own_refusal()
    {
        AccountDecisions.RefusalOf(FeatureResolver.Resolve(new DirectoryState { ServiceEnabled = false }, "mike@ox.io", null)).ShouldBe(AccessRefusal.ServiceDisabled);
        var domainOff = new DirectoryState { Domains = DirectoryState.Default.Domains.Add("ox.io", new(ActiveSync: false)) };
        AccountDecisions.RefusalOf(FeatureResolver.Resolve(domainOff, "mike@ox.io", null)).ShouldBe(AccessRefusal.DisabledForDomain);
        var classOff = new DirectoryState { Classes = DirectoryState.Default.Classes.Add("basic", new(ActiveSync: false)) };
        AccountDecisions.RefusalOf(FeatureResolver.Resolve(classOff, "mike@ox.io", new AccountSettings { Class = "basic" })).ShouldBe(AccessRefusal.DisabledForClass);
        AccountDecisions.RefusalOf(FeatureResolver.Resolve(new DirectoryState { ServiceDefaults = new(ActiveSync: false) }, "mike@ox.io", null))
            .ShouldBe(AccessRefusal.DisabledByServiceDefaults);
        AccountDecisions.RefusalOf(FeatureResolver.Resolve(DirectoryState.Default, "mike@ox.io", new AccountSettings { Features = new(ActiveSync: false) }))
            .ShouldBe(AccessRefusal.DisabledForAccount);
        AccountDecisions.RefusalOf(FeatureResolver.Resolve(DirectoryState.Default, "mike@ox.io", null)).ShouldBeNull();
    }

    [Fact]
    public void A_held_slot_is_remembered_with_the_first_use()
    {
        var (state, refusal) = AccountDecisions.AfterClaim(Fresh, new SlotHeld(DateTimeOffset.MaxValue), Now);
        refusal.ShouldBeNull();
        state.HoldsSlot.ShouldBeTrue();
        state.FirstSeen.ShouldBe(Now);
        AccountDecisions.AfterClaim(state, new SlotHeld(DateTimeOffset.MaxValue), Now.AddDays(1)).State.FirstSeen.ShouldBe(Now);
    }

    [Fact]
    public void No_free_slot_switches_the_account_off_explicitly_as_the_license()
    {
        var (state, refusal) = AccountDecisions.AfterClaim(Fresh with { Settings = new AccountSettings { Class = "gold", Features = new(Pim: false) } }, new NoSlotFree(), Now);
        refusal.ShouldBe(AccessRefusal.NoLicenseSlot);
        state.Settings.Features.ShouldBe(new FeatureSettings(ActiveSync: false, Pim: false));
        state.Settings.DisabledByLicense.ShouldBeTrue();
        state.Settings.Class.ShouldBe("gold");
        FeatureResolver.Resolve(DirectoryState.Default, state.AccountId, state.Settings).ActiveSync.Source.ShouldBe(SettingSource.License);
    }

    [Fact]
    public void An_expired_trial_refuses_without_changing_the_account()
    {
        var (state, refusal) = AccountDecisions.AfterClaim(Fresh, new LicenseExpired(Now), Now);
        refusal.ShouldBe(AccessRefusal.LicenseExpired);
        state.ShouldBe(Fresh);
    }

    [Fact]
    public void Disabling_a_slot_holder_frees_its_slot()
    {
        var holder = Fresh with { HoldsSlot = true };
        var (state, release) = AccountDecisions.Change(holder, null, new FeatureSettings(ActiveSync: false));
        release.ShouldBeTrue();
        state.HoldsSlot.ShouldBeFalse();
        state.Settings.DisabledByLicense.ShouldBeFalse();
    }

    [Fact]
    public void Re_enabling_an_account_the_license_turned_off_tells_the_license()
    {
        var turnedOff = AccountDecisions.AfterClaim(Fresh, new NoSlotFree(), Now).State;
        var (state, release) = AccountDecisions.Change(turnedOff, null, FeatureSettings.Inherit);
        release.ShouldBeTrue();
        state.Settings.ShouldBe(AccountSettings.Default);
    }

    [Fact]
    public void Another_change_to_an_account_the_license_turned_off_leaves_it_the_licenses_doing()
    {
        var turnedOff = AccountDecisions.AfterClaim(Fresh, new NoSlotFree(), Now).State;
        var (state, release) = AccountDecisions.Change(turnedOff, "gold", turnedOff.Settings.Features with { Email = false });
        release.ShouldBeFalse();
        state.Settings.DisabledByLicense.ShouldBeTrue();
        state.Settings.Class.ShouldBe("gold");
        FeatureResolver.Resolve(DirectoryState.Default, state.AccountId, state.Settings).ActiveSync.Source.ShouldBe(SettingSource.License);
    }

    [Fact]
    public void Other_changes_keep_the_slot_and_do_not_bother_the_license()
    {
        var holder = Fresh with { HoldsSlot = true };
        var (state, release) = AccountDecisions.Change(holder, " Gold ", new FeatureSettings(Email: false));
        release.ShouldBeFalse();
        state.HoldsSlot.ShouldBeTrue();
        state.Settings.Class.ShouldBe("gold");
        AccountDecisions.Change(Fresh, null, new FeatureSettings(ActiveSync: false)).Release.ShouldBeFalse();
    }
}
