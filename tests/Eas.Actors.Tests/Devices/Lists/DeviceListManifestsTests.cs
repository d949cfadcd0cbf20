using System.Text;
using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Lists;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using static Eas.Actors.Tests.Devices.Lists.DeviceListSamples;

namespace Eas.Actors.Tests.Devices.Lists;

/// <summary>The index's events and snapshot in the journal: explicit manifests, read back whole.</summary>
public sealed class DeviceListManifestsTests : Akka.TestKit.Xunit2.TestKit
{
    public DeviceListManifestsTests()
        : base(JsonManifestSetup.Empty.WithDeviceManifests().WithDeviceListManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerFor(DeviceListState.Empty);

    [Fact]
    public void Events_are_stored_under_their_manifests_and_read_back()
    {
        var listed = new DeviceListed(Quarantined("mike@ox.io", "Phone1"), Noon);
        var unlisted = new DeviceUnlisted("mike@ox.io", "Phone1", Noon);

        Serializer.Manifest(listed).ShouldBe(DeviceListManifests.Listed);
        Serializer.Manifest(unlisted).ShouldBe(DeviceListManifests.Unlisted);
        var back = Serializer.FromBinary(Serializer.ToBinary(listed), DeviceListManifests.Listed).ShouldBeOfType<DeviceListed>();
        (back.At, back.Device.AccountId, back.Device.DeviceId, back.Device.Access, back.Device.FirstSeen).ShouldBe((listed.At, "mike@ox.io", "Phone1", listed.Device.Access, listed.Device.FirstSeen));
        Serializer.FromBinary(Serializer.ToBinary(unlisted), DeviceListManifests.Unlisted).ShouldBe(unlisted);
        Encoding.UTF8.GetString(Serializer.ToBinary(listed)).ShouldNotContain("Eas.Actors");
    }

    [Fact]
    public void The_snapshot_is_read_back_with_ordinal_keys()
    {
        var state = DeviceListRules.Apply(DeviceListState.Empty, new DeviceListed(WipePending("mike@ox.io", "Phone1"), Noon));

        var back = Serializer.FromBinary(Serializer.ToBinary(state), DeviceListManifests.State).ShouldBeOfType<DeviceListState>();

        Serializer.Manifest(state).ShouldBe(DeviceListManifests.State);
        back.Devices.Keys.ShouldBe(["mike@ox.io/phone1"]);
        back.Devices.KeyComparer.ShouldBe(StringComparer.Ordinal);
        back.Devices["mike@ox.io/phone1"].RemoteWipe.ShouldBe(state.Devices["mike@ox.io/phone1"].RemoteWipe);
    }

    [Fact]
    public void The_index_is_in_the_servers_manifest_table_under_its_own_stream()
    {
        EasManifests.Table.ManifestOf(typeof(DeviceListed)).ShouldBe(DeviceListManifests.Listed);
        EasManifests.Table.ManifestOf(typeof(DeviceUnlisted)).ShouldBe(DeviceListManifests.Unlisted);
        EasManifests.Table.ManifestOf(typeof(DeviceListState)).ShouldBe(DeviceListManifests.State);
        PersistenceIds.DeviceLists.ShouldNotStartWith(PersistenceIds.DevicePrefix);
    }
}
