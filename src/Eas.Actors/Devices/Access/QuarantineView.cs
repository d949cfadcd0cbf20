using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Http;

namespace Eas.Actors.Devices.Access;

/// <summary>
/// What a quarantined device sees, pure: Exchange's quarantine experience, where the phone holds its Inbox with the
/// quarantine notice and nothing else until an admin decides. It may Provision, send Settings, sync its hierarchy
/// (which shows only the Inbox, FolderType 2, MS-ASCMD 2.2.3.186.3), and Sync, estimate and Ping the Inbox, whose
/// collection holds only the notices addressed to this device (marked by <see cref="NoticeHeader"/>). Every other
/// command, and any of these naming another collection, is refused (MS-ASCMD 2.2.2 Status 129
/// DeviceIsBlockedForThisUser from 14.0, HTTP 403 below). The restricted Inbox is a window like FilterType's
/// (MS-ASCMD 2.2.3.70.1): the collection state records <see cref="WindowFilterType"/>, so the first Sync after an
/// approval finds the window changed, lists the folder in full and adds the rest of the Inbox, while the notice the
/// phone holds stays as it is; the hierarchy state the phone holds is only the Inbox, so the next FolderSync adds
/// every other folder. Neither needs a resync.
/// </summary>
public static class QuarantineView
{
    /// <summary>The header that marks a quarantine notice and names the device it is for (its DeviceId).</summary>
    public const string NoticeHeader = "X-EAS-Quarantine-Device";

    /// <summary>
    /// The window a quarantined device's Inbox state is built under, recorded where a FilterType value goes; no
    /// FilterType (MS-ASCMD 2.2.3.70.1, 0 to 8) has this value, so leaving quarantine always changes the window.
    /// </summary>
    public const int WindowFilterType = -1;

    /// <summary>The commands a quarantined device may send; Sync, GetItemEstimate and Ping only for its Inbox (<see cref="Admits"/>).</summary>
    public static bool AllowsCommand(EasCommand command) => command is EasCommand.Provision or EasCommand.Settings or EasCommand.FolderSync || NamesCollections(command);

    /// <summary>The commands whose collections decide whether a quarantined device may send them.</summary>
    public static bool NamesCollections(EasCommand command) => command is EasCommand.Sync or EasCommand.GetItemEstimate or EasCommand.Ping;

    /// <summary>
    /// Whether a quarantined device may send <paramref name="command"/> naming <paramref name="collections"/>: a
    /// collection command only when it names at least one collection and every one is the Inbox of the hierarchy the
    /// device holds; null collections (none the request or an earlier one named) are refused.
    /// </summary>
    public static bool Admits(EasCommand command, IReadOnlyCollection<string>? collections, HierarchySyncState? hierarchy)
    {
        if (!AllowsCommand(command)) return false;
        if (!NamesCollections(command)) return true;
        if (collections is not { Count: > 0 } || InboxOf(hierarchy) is not { } inbox) return false;
        return collections.All(id => string.Equals(id, inbox, StringComparison.Ordinal));
    }

    /// <summary>The ServerId of the Inbox in the hierarchy the device holds, or null before its first FolderSync.</summary>
    public static string? InboxOf(HierarchySyncState? hierarchy) =>
        hierarchy?.Known.Values.FirstOrDefault(f => f.Type == FolderType.DefaultInbox)?.ServerId;

    /// <summary>The folders a quarantined device is shown: the Inbox alone (INBOX is at the top of every IMAP hierarchy).</summary>
    public static IReadOnlyList<FolderView> Folders(IEnumerable<FolderView> folders) =>
        [.. folders.Where(f => f.Type == FolderType.DefaultInbox)];

    /// <summary>
    /// A full listing of the Inbox cut to the notices of this device (<paramref name="notices"/>, the UIDs that carry
    /// <see cref="NoticeHeader"/> with its DeviceId); the folder's UIDVALIDITY and MODSEQ stay, so a change of
    /// UIDVALIDITY is still seen.
    /// </summary>
    public static FolderListing Restrict(FolderListing listing, IReadOnlyCollection<uint> notices)
    {
        var keep = notices as IReadOnlySet<uint> ?? notices.ToHashSet();
        return listing with { Messages = [.. listing.Messages.Where(m => keep.Contains(m.Uid))], Vanished = ImmutableArray<uint>.Empty, IsDelta = false };
    }
}
