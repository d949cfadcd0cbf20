using System.Collections.Immutable;

namespace Eas.Actors.Devices.Lists;

/// <summary>
/// A device tells the index its state after a change that moved it into, within or out of an admin list
/// (<see cref="DeviceListRules.IsListed"/>); <paramref name="Device"/> is null when the device was removed.
/// Told, never asked: the device's own journal is the truth, the index follows it.
/// </summary>
public sealed record NoteDeviceLists(string AccountId, string DeviceId, DeviceState? Device);

/// <summary>Reads the index; answered with <see cref="DeviceListsReply"/>.</summary>
public sealed record GetDeviceLists
{
    public static readonly GetDeviceLists Instance = new();
}

/// <summary>Every device in an admin list, each as it last told the index, by account and DeviceId.</summary>
public sealed record DeviceListsReply(ImmutableList<DeviceState> Devices);
