using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Devices.Lists;

/// <summary>Which devices the admin lists hold and how the index changes, pure: the index actor only persists and applies.</summary>
public static class DeviceListRules
{
    /// <summary>A device the rules or the default level hold in quarantine, with no admin decision yet.</summary>
    public static bool Quarantined(DeviceState state) => state.Access?.Level == Access.DeviceAccessLevel.Quarantine && state.AccessDecision is null;

    /// <summary>A device with a wipe it has not acknowledged (MS-ASPROV 3.2.5.1.2).</summary>
    public static bool WipePending(DeviceState state) => state.RemoteWipe is { Pending: true };

    /// <summary>Whether the device belongs in the index: in at least one admin list.</summary>
    public static bool IsListed(DeviceState? state) => state is not null && (Quarantined(state) || WipePending(state));

    /// <summary>
    /// Whether a device whose state went from <paramref name="before"/> to <paramref name="after"/> must tell the index:
    /// it is or was listed, and its state changed.
    /// </summary>
    public static bool MustNote(DeviceState? before, DeviceState? after) =>
        !ReferenceEquals(before, after) && (IsListed(before) || IsListed(after));

    /// <summary>
    /// The event a device's note makes: <see cref="DeviceListed"/> when it is in a list, <see cref="DeviceUnlisted"/> when
    /// the index holds it and it is in none, else nothing.
    /// </summary>
    public static IPersistedMessage? Decide(DeviceListState state, NoteDeviceLists note, DateTimeOffset now)
    {
        if (IsListed(note.Device)) return new DeviceListed(note.Device!, now);
        return state.Devices.ContainsKey(DeviceActor.KeyOf(note.AccountId, note.DeviceId)) ? new DeviceUnlisted(note.AccountId, note.DeviceId, now) : null;
    }

    /// <summary>The index after <paramref name="e"/>.</summary>
    public static DeviceListState Apply(DeviceListState state, IPersistedMessage e) => e switch
    {
        DeviceListed listed => state with { Devices = state.Devices.SetItem(DeviceActor.KeyOf(listed.Device.AccountId, listed.Device.DeviceId), listed.Device) },
        DeviceUnlisted unlisted => state with { Devices = state.Devices.Remove(DeviceActor.KeyOf(unlisted.AccountId, unlisted.DeviceId)) },
        _ => state,
    };
}
