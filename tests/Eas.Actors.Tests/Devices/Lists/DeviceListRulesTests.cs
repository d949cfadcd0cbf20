using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;
using Eas.Actors.Devices.Lists;
using static Eas.Actors.Tests.Devices.Lists.DeviceListSamples;

namespace Eas.Actors.Tests.Devices.Lists;

/// <summary>Which devices the admin lists hold, when a device tells the index, and what the index makes of it (pure).</summary>
public sealed class DeviceListRulesTests
{
    [Fact]
    public void A_device_is_listed_while_quarantined_without_an_admin_decision_or_while_its_wipe_is_unacknowledged()
    {
        DeviceListRules.IsListed(Quarantined("mike@ox.io", "P1")).ShouldBeTrue();
        DeviceListRules.IsListed(WipePending("mike@ox.io", "P1")).ShouldBeTrue();
        DeviceListRules.IsListed(Approved("mike@ox.io", "P1")).ShouldBeFalse("an admin's decision overrides the quarantine");
        DeviceListRules.IsListed(Quarantined("mike@ox.io", "P1") with { AccessDecision = DeviceAccessLevel.Block }).ShouldBeFalse();
        DeviceListRules.IsListed(Wiped("mike@ox.io", "P1")).ShouldBeFalse("an acknowledged wipe waits for nobody");
        DeviceListRules.IsListed(Seen("mike@ox.io", "P1")).ShouldBeFalse();
        DeviceListRules.IsListed(null).ShouldBeFalse();
    }

    [Fact]
    public void A_device_tells_the_index_only_when_its_state_changed_and_it_is_or_was_listed()
    {
        var plain = Seen("mike@ox.io", "P1");
        var held = Quarantined("mike@ox.io", "P1");

        DeviceListRules.MustNote(plain, held).ShouldBeTrue("it entered");
        DeviceListRules.MustNote(held, held with { LastSeen = Noon.AddMinutes(5) }).ShouldBeTrue("it changed while listed");
        DeviceListRules.MustNote(held, Approved("mike@ox.io", "P1")).ShouldBeTrue("it left");
        DeviceListRules.MustNote(held, held).ShouldBeFalse("nothing was written");
        DeviceListRules.MustNote(plain, plain with { LastSeen = Noon.AddMinutes(5) }).ShouldBeFalse("an unlisted device never costs the index a message");
        DeviceListRules.MustNote(null, held).ShouldBeTrue("a listed device that starts tells the index again");
        DeviceListRules.MustNote(null, plain).ShouldBeFalse();
    }

    [Fact]
    public void A_listed_note_is_kept_an_unlisted_one_removes_a_known_device_and_an_unknown_one_writes_nothing()
    {
        var state = DeviceListState.Empty;
        var held = Quarantined("mike@ox.io", "Phone1");

        var listed = DeviceListRules.Decide(state, new NoteDeviceLists("mike@ox.io", "Phone1", held), Noon).ShouldBeOfType<DeviceListed>();
        state = DeviceListRules.Apply(state, listed);
        state.Devices.Keys.ShouldBe(["mike@ox.io/phone1"]);
        state.Devices["mike@ox.io/phone1"].ShouldBeSameAs(held);

        DeviceListRules.Decide(state, new NoteDeviceLists("anna@ox.io", "Phone2", Seen("anna@ox.io", "Phone2")), Noon).ShouldBeNull();
        DeviceListRules.Decide(state, new NoteDeviceLists("anna@ox.io", "Phone2", null), Noon).ShouldBeNull();

        var unlisted = DeviceListRules.Decide(state, new NoteDeviceLists("mike@ox.io", "Phone1", Approved("mike@ox.io", "Phone1")), Noon).ShouldBeOfType<DeviceUnlisted>();
        DeviceListRules.Apply(state, unlisted).Devices.ShouldBeEmpty();
        var removed = DeviceListRules.Decide(state, new NoteDeviceLists("mike@ox.io", "Phone1", null), Noon).ShouldBeOfType<DeviceUnlisted>();
        DeviceListRules.Apply(state, removed).Devices.ShouldBeEmpty("a removed partnership leaves the lists");
    }

    [Fact]
    public void A_device_listed_again_replaces_what_the_index_held_and_keys_ignore_case()
    {
        var state = DeviceListRules.Apply(DeviceListState.Empty, new DeviceListed(Quarantined("Mike@ox.io", "PHONE1"), Noon));
        var later = WipePending("mike@ox.io", "Phone1");

        state = DeviceListRules.Apply(state, new DeviceListed(later, Noon.AddMinutes(1)));

        state.Devices.ShouldHaveSingleItem().Value.ShouldBeSameAs(later);
    }
}
