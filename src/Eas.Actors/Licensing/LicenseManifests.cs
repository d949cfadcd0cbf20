using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Licensing;

/// <summary>
/// The manifests of the license's events and snapshot. They are a contract with rows on disk: never change or
/// reuse one (see <see cref="JsonManifestSetup"/>).
/// </summary>
public static class LicenseManifests
{
    public const string FirstStarted = "license.first-started.v1";
    public const string SlotGranted = "license.slot-granted.v1";
    public const string AccountTurnedOff = "license.account-turned-off.v1";
    public const string SlotReleased = "license.slot-released.v1";
    public const string State = "license-state.v1";

    /// <summary>Adds the license's persisted types to the system's manifest table.</summary>
    public static JsonManifestSetup WithLicenseManifests(this JsonManifestSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup
            .With<LicenseFirstStarted>(FirstStarted)
            .With<Licensing.SlotGranted>(SlotGranted)
            .With<Licensing.AccountTurnedOff>(AccountTurnedOff)
            .With<Licensing.SlotReleased>(SlotReleased)
            .With<LicenseState>(State);
    }
}
