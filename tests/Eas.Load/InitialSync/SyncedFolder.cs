namespace Eas.Load.InitialSync;

/// <summary>
/// Which folder an initial sync takes: the first of its FolderSync type (MS-ASCMD 2.2.3.186.3) and the Class a
/// 2.5 phone names it by in Sync (MS-ASCMD 2.2.3.27.5).
/// </summary>
internal sealed record SyncedFolder(string Type, string ClassName)
{
    public static readonly SyncedFolder Inbox = new(FolderTypes.Inbox, "Email");

    public static readonly SyncedFolder Contacts = new(FolderTypes.Contacts, "Contacts");

    public static readonly SyncedFolder Calendar = new(FolderTypes.Calendar, "Calendar");
}

/// <summary>The FolderSync folder types the load tool looks for (MS-ASCMD 2.2.3.186.3).</summary>
internal static class FolderTypes
{
    /// <summary>Default Inbox folder.</summary>
    public const string Inbox = "2";

    /// <summary>Default Contacts folder.</summary>
    public const string Contacts = "9";

    /// <summary>Default Calendar folder.</summary>
    public const string Calendar = "8";
}
