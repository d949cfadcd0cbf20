using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Devices.Lists;

/// <summary>
/// The manifests of the device list index's events and snapshot. They are a contract with rows on disk: never change
/// or reuse one (see <see cref="JsonManifestSetup"/>).
/// </summary>
public static class DeviceListManifests
{
    public const string Listed = "device-lists.listed.v1";
    public const string Unlisted = "device-lists.unlisted.v1";
    public const string State = "device-lists-state.v1";

    /// <summary>Adds the index's persisted types to the system's manifest table.</summary>
    public static JsonManifestSetup WithDeviceListManifests(this JsonManifestSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup
            .With<DeviceListed>(Listed)
            .With<DeviceUnlisted>(Unlisted)
            .With<DeviceListState>(State);
    }
}
