using Eas.Actors.Devices;
using Eas.Actors.Devices.Access;
using Eas.Wire.Commands.Provision;

namespace Eas.Actors.Tests.Devices.Lists;

/// <summary>Device states in and out of the admin lists.</summary>
internal static class DeviceListSamples
{
    public static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static DeviceState Seen(string account, string device) =>
        DeviceState.New(account, device) with { DeviceType = "iPhone", FirstSeen = Noon.AddHours(-1), LastSeen = Noon, ProtocolVersion = "16.1" };

    public static DeviceState Quarantined(string account, string device) =>
        Seen(account, device) with { Access = new DeviceAccessVerdict(DeviceAccessLevel.Quarantine, DeviceAccessSource.Account, new DeviceAccessRule(DeviceCharacteristic.DeviceType, "*", DeviceAccessLevel.Quarantine)) };

    public static DeviceState Approved(string account, string device) =>
        Quarantined(account, device) with { AccessDecision = DeviceAccessLevel.Allow };

    public static DeviceState WipePending(string account, string device) =>
        Seen(account, device) with { RemoteWipe = new RemoteWipeState(false, Noon, "admin:root") };

    public static DeviceState Wiped(string account, string device) =>
        Seen(account, device) with { RemoteWipe = new RemoteWipeState(false, Noon, "admin:root") { AcknowledgedAt = Noon.AddMinutes(1), Status = RemoteWipeAcknowledgement.Succeeded } };
}
