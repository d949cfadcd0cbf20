using Eas.Actors.Devices.Lists;

namespace Eas.Actors.Devices;

/// <summary>The device's part in the admin lists' index (<see cref="DeviceListIndexActor"/>).</summary>
public sealed partial class DeviceActor
{
    /// <summary>
    /// After a change is in the journal: tells the index the device's state when it is or was in an admin list
    /// (quarantined, wipe pending), so the lists are read without starting any device.
    /// </summary>
    private void NoteLists(DeviceState? before)
    {
        if (settings.Lists is null || !DeviceListRules.MustNote(before, _state)) return;
        var device = (_state ?? before)!;
        settings.Lists.Note(device.AccountId, device.DeviceId, _state);
    }

    /// <summary>
    /// A listed device that starts tells the index again: a device listed before the index existed (or whose note was
    /// lost to a journal failure of the index) is in the lists again from its next start on.
    /// </summary>
    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        NoteLists(null);
    }

    /// <summary>The device is being removed: a listed device leaves the lists.</summary>
    private void UnlistForgotten()
    {
        if (settings.Lists is not null && DeviceListRules.IsListed(_state)) settings.Lists.Note(_state!.AccountId, _state.DeviceId, null);
    }
}
