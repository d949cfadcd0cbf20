using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderSync;
using Eas.Wire.Commands.FolderUpdate;

namespace Eas.Actors.Devices;

/// <summary>
/// FolderCreate, FolderUpdate and FolderDelete (MS-ASCMD 2.2.1.3, 2.2.1.6, 2.2.1.4) of PIM folders, through the PIM
/// store port only, so they hold for every store and every served kind. A new folder of type 13, 14, 15 or 17
/// (MS-ASCMD 2.2.3.186.2: calendar, contacts, tasks, notes) goes below the folder of its kind the phone names, or
/// where the store keeps top-level collections for parent 0; the folder is recorded with the parent the phone gave,
/// so when the store put it elsewhere the next FolderSync reports an Update with its real place. The default folder
/// of each kind cannot be renamed (Status 2, MS-ASCMD 2.2.3.177.6) or deleted (Status 3, MS-ASCMD 2.2.3.177.4). A
/// parent of another class (a mail folder, or a contacts folder for a calendar) is a parent that does not exist for
/// that class (Status 5, MS-ASCMD 2.2.3.177.3). A store that cannot be reached is a server error (Status 6), retriable.
/// </summary>
internal static class PimFolderCommands
{
    /// <summary>The PIM folder a folder id names, or null when it is not one.</summary>
    /// <exception cref="PimStoreUnavailableException">The store cannot be reached.</exception>
    public static Task<PimFolder?> FindAsync(MailboxContext context, DeviceRequest request, string folderId) =>
        PimFolders.ResolveAsync(context, request, folderId);

    public static async Task<(FolderCreateStatus, FolderView?)> CreateAsync(MailboxContext context, FolderCreateRequest body, PimKind kind)
    {
        try
        {
            var listed = await PimFolders.ListAsync(context);
            if (listed is null) return (FolderCreateStatus.ServerError, null);
            var sameKind = listed.Where(f => f.Kind == kind).ToList();
            string? parentId = null;
            if (body.ParentId != "0")
            {
                if (sameKind.FirstOrDefault(f => f.FolderId == body.ParentId) is not { } parent) return (FolderCreateStatus.ParentNotFound, null);
                parentId = parent.Collection.Id;
            }

            var defaultId = sameKind.FirstOrDefault(f => f.Collection.IsDefault)?.Collection.Id;
            var siblings = sameKind.Where(f => f.Collection.ParentId == parentId || (parentId is null && f.Collection.ParentId == defaultId));
            if (siblings.Any(f => string.Equals(f.Collection.DisplayName, body.DisplayName, StringComparison.OrdinalIgnoreCase)))
                return (FolderCreateStatus.FolderExists, null);
            var created = await context.Pim.CreateCollectionAsync(kind, body.DisplayName, parentId, context.CancellationToken);
            var after = await PimFolders.ListAsync(context);
            var folder = after?.FirstOrDefault(f => f.Collection.Id == created.Id);
            if (folder is null) return (FolderCreateStatus.ServerError, null);
            return (FolderCreateStatus.Success, PimFolders.Views([folder], context.Folders).Single() with { ParentId = body.ParentId });
        }
        catch (PimStoreUnavailableException)
        {
            return (FolderCreateStatus.ServerError, null);
        }
    }

    public static async Task<(FolderUpdateStatus, FolderView?)> RenameAsync(MailboxContext context, PimFolder folder, FolderUpdateRequest body)
    {
        if (folder.Collection.IsDefault) return (FolderUpdateStatus.FolderExists, null);
        try
        {
            var listed = await PimFolders.ListAsync(context);
            if (listed is null) return (FolderUpdateStatus.ServerError, null);
            var sameKind = listed.Where(f => f.Kind == folder.Kind).ToList();
            if (body.ParentId != "0" && !sameKind.Any(f => f.FolderId == body.ParentId)) return (FolderUpdateStatus.ParentNotFound, null);
            var old = folder.Collection;
            if (!string.Equals(old.DisplayName, body.DisplayName, StringComparison.Ordinal))
            {
                if (sameKind.Any(f => f.Collection.ParentId == old.ParentId && f.Collection.Id != old.Id
                    && string.Equals(f.Collection.DisplayName, body.DisplayName, StringComparison.OrdinalIgnoreCase)))
                    return (FolderUpdateStatus.FolderExists, null);
                await context.Pim.RenameCollectionAsync(old.Id, body.DisplayName, context.CancellationToken);
                var collections = await context.Pim.ListCollectionsAsync(folder.Kind, context.CancellationToken);
                if (collections.FirstOrDefault(c => c.Id == old.Id) is null
                    && collections.FirstOrDefault(c => c.ParentId == old.ParentId && c.DisplayName == body.DisplayName) is { } renamed)
                    context.StageMap(context.Folders.Renamed(folder.FolderId, renamed.Id));
                await context.RefreshFoldersAsync();
            }

            var after = await PimFolders.ListAsync(context);
            var current = after?.FirstOrDefault(f => f.FolderId == folder.FolderId);
            if (current is null) return (FolderUpdateStatus.ServerError, null);
            return (FolderUpdateStatus.Success, PimFolders.Views([current], context.Folders).Single() with { ParentId = body.ParentId });
        }
        catch (PimStoreUnavailableException)
        {
            return (FolderUpdateStatus.ServerError, null);
        }
    }

    public static async Task<FolderDeleteStatus> DeleteAsync(MailboxContext context, PimFolder folder)
    {
        if (folder.Collection.IsDefault) return FolderDeleteStatus.SpecialFolder;
        try
        {
            await context.Pim.DeleteCollectionAsync(folder.Collection.Id, context.CancellationToken);
            await context.RefreshFoldersAsync();
            return FolderDeleteStatus.Success;
        }
        catch (PimStoreUnavailableException)
        {
            return FolderDeleteStatus.ServerError;
        }
    }
}
