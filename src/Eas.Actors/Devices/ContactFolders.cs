using Eas.Actors.Accounts;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;
using Eas.Mail.Pim;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Devices;

/// <summary>A contacts collection of the account's PIM store under its folder id.</summary>
internal sealed record ContactFolder(string FolderId, PimCollection Collection);

/// <summary>
/// The account's contacts collections as folders (MS-ASCMD 2.2.3.186.3: the default one type 9, others 14). Their
/// folder ids come from the account's folder map: with the IMAP store a collection is an IMAP folder (its id is the
/// folder's name), so it keeps the id the map gives that folder. A CardDAV collection is no IMAP folder: it has an
/// entry of its own in the map (<see cref="FolderMap.ReconcilePim"/>), a stable id per collection id.
/// </summary>
internal static class ContactFolders
{
    /// <summary>The contacts collections; empty without a PIM store; null when the store cannot be reached.</summary>
    public static async Task<IReadOnlyList<ContactFolder>?> ListAsync(MailboxContext context)
    {
        if (!context.HasPim) return [];
        IReadOnlyList<PimCollection> collections;
        try
        {
            collections = await context.Pim.ListCollectionsAsync(PimKind.Contacts, context.CancellationToken);
        }
        catch (PimStoreUnavailableException)
        {
            return null;
        }

        if (context.Pim.Kind != Mailboxes.Pim.PimStoreKinds.Imap)
        {
            var map = context.Folders.ReconcilePim([.. collections.Select(c => c.Id)]);
            if (!ReferenceEquals(map, context.Folders)) context.StageMap(map);
            return [.. collections.Select(c => context.Folders.PimIdOf(c.Id) is { } id ? new ContactFolder(id, c) : null).OfType<ContactFolder>()];
        }

        if (collections.Any(c => context.Folders.IdOf(c.Id) is null)) await context.RefreshFoldersAsync();
        return [.. collections.Select(c => context.Folders.IdOf(c.Id) is { } id ? new ContactFolder(id, c) : null).OfType<ContactFolder>()];
    }

    /// <summary>The collection behind a folder id, or null when it is not a contacts folder or Contacts is switched off.</summary>
    /// <exception cref="PimStoreUnavailableException">The store cannot be reached.</exception>
    public static async Task<ContactFolder?> ResolveAsync(MailboxContext context, DeviceRequest request, string folderId)
    {
        if (!context.HasPim || !request.Features.Allows(DataClass.Contacts)) return null;
        if (context.Folders.NameOf(folderId) is { } name && !context.HoldsPim(name)) return null;
        var folders = await ListAsync(context) ?? throw new PimStoreUnavailableException("The contacts store cannot be reached.");
        return folders.FirstOrDefault(f => f.FolderId == folderId);
    }

    /// <summary>
    /// The IMAP folder behind a contacts folder of the IMAP store, which the account's watcher watches like a mail
    /// folder; null for other folders, or when Contacts is switched off.
    /// </summary>
    public static async Task<string?> ImapNameOfAsync(MailboxContext context, DeviceRequest request, string folderId) =>
        request.Features.Allows(DataClass.Contacts) && await context.ResolveAsync(folderId) is { } name && context.HoldsPim(name) ? name : null;

    /// <summary>The folders as FolderSync shows them.</summary>
    public static IEnumerable<FolderView> Views(IReadOnlyList<ContactFolder> folders, FolderMap map) =>
        folders.Select(f => new FolderView(
            f.FolderId,
            f.Collection.ParentId is { } parent ? map.IdOf(parent) ?? map.PimIdOf(parent) ?? "0" : "0",
            f.Collection.DisplayName,
            f.Collection.IsDefault ? FolderType.DefaultContacts : FolderType.UserCreatedContacts));
}
