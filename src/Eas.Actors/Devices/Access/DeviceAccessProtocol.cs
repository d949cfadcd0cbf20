namespace Eas.Actors.Devices.Access;

/// <summary>
/// An admin (<paramref name="By"/>) approves (<see cref="DeviceAccessLevel.Allow"/>) or blocks (<see cref="DeviceAccessLevel.Block"/>)
/// one device, overriding every rule; null hands the device back to the rules. Answered with <see cref="DeviceAccessResult"/>.
/// </summary>
public sealed record SetDeviceAccess(DeviceAccessLevel? Level, string By) : Cluster.IRoutedToChild;

/// <summary>The device after an admin's access decision; null state: the account has no such device.</summary>
public sealed record DeviceAccessResult(DeviceState? State);
