namespace Eas.Actors.Persistence.Import;

/// <summary>
/// The kinds of the pre-Akka store's rows and their ids, as that code wrote them (git: <c>7b26be1^</c>). They are a
/// contract with files on operators' disks: never change one.
/// </summary>
public static class LegacyKinds
{
    /// <summary>A phone's <c>DeviceState</c>; id <c>account/deviceid</c>, lower-cased.</summary>
    public const string Device = "device";

    /// <summary>A phone's sync state of one email folder (<c>CollectionSyncState</c>); id <c>account/deviceid/folderid</c>.</summary>
    public const string Collection = "collection";

    /// <summary>An account's folder map (<c>FolderMap</c>); id = the account.</summary>
    public const string FolderMap = "folders";

    /// <summary>An account's gate record (<c>AccountState</c>); id = the account.</summary>
    public const string Account = "account";

    /// <summary>The license's record (<c>LicenseState</c>); id <c>deployment</c>.</summary>
    public const string License = "license";

    /// <summary>The service, domain and class settings (<c>DirectoryState</c>); id <c>service</c>.</summary>
    public const string Directory = "directory";
}
