using Eas.Actors.Accounts;
using Eas.Actors.Devices;
using Eas.Actors.Devices.Lists;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Persistence;

/// <summary>The server's manifest table: every persisted type of every area, each under its explicit manifest.</summary>
public static class EasManifests
{
    public static JsonManifestSetup Table { get; } = JsonManifestSetup.Empty
        .WithDeviceManifests()
        .WithMailboxManifests()
        .WithAccountManifests()
        .WithLicenseManifests()
        .WithDirectoryManifests()
        .WithDeviceListManifests();
}
