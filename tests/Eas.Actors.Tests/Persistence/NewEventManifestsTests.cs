using System.Text.Json;
using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Persistence;

/// <summary>The journal's serializer writes and reads back the User-Agent block and the account's device records under their manifests.</summary>
public sealed class NewEventManifestsTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    public NewEventManifestsTests()
        : base(JsonManifestSetup.Empty.WithDeviceManifests().WithAccountManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerForType(typeof(UserAgentBlocked));

    [Theory]
    [InlineData("device.user-agent-blocked.v1")]
    [InlineData("account.device-seen.v1")]
    [InlineData("account.device-removed.v1")]
    [InlineData("device.remote-wipe-requested.v1")]
    [InlineData("device.remote-wipe-cancelled.v1")]
    [InlineData("device.remote-wipe-acknowledged.v1")]
    [InlineData("device.access-decided.v1")]
    [InlineData("device.quarantine-notice-delivered.v1")]
    [InlineData("device.quarantine-admin-notified.v1")]
    public void Each_new_event_round_trips_under_its_manifest(string manifest)
    {
        object written = manifest switch
        {
            "device.user-agent-blocked.v1" => new UserAgentBlocked(T0, T0.AddHours(14), 3),
            "account.device-seen.v1" => new AccountDeviceSeen("outlook-a", T0),
            "device.remote-wipe-requested.v1" => new RemoteWipeRequested(T0, true, "admin"),
            "device.remote-wipe-cancelled.v1" => new RemoteWipeCancelled(T0, "admin"),
            "device.remote-wipe-acknowledged.v1" => new RemoteWipeAcknowledged(T0, Wire.Commands.Provision.RemoteWipeAcknowledgement.Failed),
            "device.access-decided.v1" => new DeviceAccessDecided(T0, Eas.Actors.Devices.Access.DeviceAccessLevel.Allow, "admin"),
            "device.quarantine-notice-delivered.v1" => new QuarantineNoticeDelivered(T0),
            "device.quarantine-admin-notified.v1" => new QuarantineAdminNotified(T0),
            _ => new AccountDeviceRemoved("mike@ox.io", "outlook-a", T0, T0.AddDays(31)),
        };

        Serializer.Manifest(written).ShouldBe(manifest);
        Serializer.FromBinary(Serializer.ToBinary(written), manifest).ShouldBe(written);
    }

    [Fact]
    public void A_device_state_with_User_Agent_changes_and_an_account_state_with_devices_round_trip_in_snapshots()
    {
        var device = DeviceState.New("mike@ox.io", "Phone1") with { UserAgentChanges = [T0, T0.AddHours(1)], UserAgentBlockedUntil = T0.AddHours(15),
            RemoteWipe = new RemoteWipeState(false, T0, "admin") { AcknowledgedAt = T0.AddMinutes(3), Status = Wire.Commands.Provision.RemoteWipeAcknowledgement.Succeeded } };
        var account = AccountState.New("mike@ox.io") with { Devices = AccountState.New("x").Devices.Add("outlook-a", T0) };

        var deviceBack = (DeviceSnapshot)Serializer.FromBinary(Serializer.ToBinary(new DeviceSnapshot(device, [])), "device.snapshot.v1");
        var accountBack = (AccountSnapshot)Serializer.FromBinary(Serializer.ToBinary(new AccountSnapshot(account)), "account.snapshot.v1");

        JsonSerializer.Serialize(deviceBack.State).ShouldBe(JsonSerializer.Serialize(device));
        accountBack.State.Devices.ShouldBe(account.Devices);
    }

    [Fact]
    public void A_device_access_change_and_a_state_with_access_round_trip()
    {
        var verdict = new Eas.Actors.Devices.Access.DeviceAccessVerdict(Eas.Actors.Devices.Access.DeviceAccessLevel.Quarantine, Eas.Actors.Devices.Access.DeviceAccessSource.Service,
            new Eas.Actors.Devices.Access.DeviceAccessRule(Eas.Actors.Devices.Access.DeviceCharacteristic.DeviceType, "iPhone", Eas.Actors.Devices.Access.DeviceAccessLevel.Quarantine));
        var changed = new DeviceAccessChanged(T0, verdict);
        var device = DeviceState.New("mike@ox.io", "Phone1") with { Access = verdict, AccessDecision = Eas.Actors.Devices.Access.DeviceAccessLevel.Block, QuarantineNoticeAt = T0, QuarantineAdminNoticeAt = T0 };

        Serializer.Manifest(changed).ShouldBe("device.access-changed.v1");
        Serializer.FromBinary(Serializer.ToBinary(changed), "device.access-changed.v1").ShouldBe(changed);
        var back = (DeviceSnapshot)Serializer.FromBinary(Serializer.ToBinary(new DeviceSnapshot(device, [])), "device.snapshot.v1");
        JsonSerializer.Serialize(back.State).ShouldBe(JsonSerializer.Serialize(device));
    }
}
