namespace Eas.Actors.Persistence;

/// <summary>
/// The persistence ids of the journal's streams. They are a contract with rows on disk: never change one.
/// Account and device ids are lower-cased by the callers.
/// </summary>
public static class PersistenceIds
{
    public const string License = "license";

    public const string Directory = "directory";

    /// <summary>The index of the devices in an admin list (quarantined, wipe pending).</summary>
    public const string DeviceLists = "device-lists";

    public const string DevicePrefix = "device|";

    /// <summary>The stream of one device: <c>device|mike@ox.io/phone1</c>.</summary>
    public static string Device(string accountId, string deviceId) => $"{DevicePrefix}{accountId}/{deviceId}".ToLowerInvariant();

    /// <summary>The prefix of every device stream of an account, for the admin's device list.</summary>
    public static string DevicesOf(string accountId) => $"{DevicePrefix}{accountId}/".ToLowerInvariant();

    /// <summary>The folder map of one account's mailbox.</summary>
    public static string Mailbox(string accountId) => $"mailbox|{accountId}".ToLowerInvariant();

    /// <summary>The settings and license claim of one account.</summary>
    public static string Account(string accountId) => $"account|{accountId}".ToLowerInvariant();
}
