using Eas.Actors.Mailboxes;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Sync.Hierarchy;

/// <summary>
/// Turns the account's IMAP folders into the hierarchy phones see: INBOX, Drafts, Sent, Trash and an
/// Outbox folder take their EAS default types (MS-ASCMD 2.2.3.186.3); every other mail folder, Junk and
/// Archive included, is a user-created mail folder (12). \Noselect containers are shown as generic folders
/// (1) so their children keep a parent.
/// </summary>
public static class HierarchyBuilder
{
    public static IReadOnlyList<FolderView> Build(FolderMap map, IReadOnlyCollection<MailFolder> folders)
    {
        var views = new List<FolderView>(folders.Count);
        foreach (var folder in folders)
        {
            var id = map.IdOf(folder.Name);
            if (id is null) continue;
            var parentId = folder.ParentName is { } parent ? map.IdOf(parent) ?? "0" : "0";
            views.Add(new FolderView(id, parentId, folder.DisplayName, TypeOf(folder)));
        }

        return views;
    }

    public static FolderType TypeOf(MailFolder folder) => folder.Use switch
    {
        FolderUse.Inbox => FolderType.DefaultInbox,
        FolderUse.Drafts => FolderType.DefaultDrafts,
        FolderUse.Sent => FolderType.DefaultSentItems,
        FolderUse.Trash => FolderType.DefaultDeletedItems,
        FolderUse.Outbox => FolderType.DefaultOutbox,
        _ when !folder.Selectable => FolderType.UserCreatedGeneric,
        _ => FolderType.UserCreatedMail,
    };
}
