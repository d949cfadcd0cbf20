using Eas.Actors.Accounts;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.FolderSync;

namespace Eas.Actors.Devices;

/// <summary>A PIM collection of the account's store under its folder id; its kind picks its codec.</summary>
internal sealed record PimFolder(string FolderId, PimCollection Collection)
{
    public PimKind Kind => Collection.Kind;
}

/// <summary>
/// The account's PIM collections of every served kind (<see cref="PimCodecs"/>) as folders (MS-ASCMD 2.2.3.186.3,
/// <see cref="PimFolderTypes"/>). Their folder ids come from the account's folder map: with the IMAP store a
/// collection is an IMAP folder (its id is the folder's name), so it keeps the id the map gives that folder. A DAV
/// collection is no IMAP folder: it has an entry of its own in the map (<see cref="FolderMap.ReconcilePim"/>), a
/// stable id per collection id. A kind whose data class is switched off for the account (Contacts for contacts, Pim
/// for calendar, tasks and notes) is resolved by no command, as if its folders had left the hierarchy.
/// </summary>
internal static class PimFolders
{
    /// <summary>The collections of every served kind; empty without a PIM store; null when the store cannot be reached.</summary>
    public static async Task<IReadOnlyList<PimFolder>?> ListAsync(MailboxContext context)
    {
        if (!context.HasPim) return [];
        IReadOnlyList<PimCollection> collections;
        try
        {
            collections = await context.Pim.ListCollectionsOfKindsAsync([.. context.Codecs.Kinds], context.CancellationToken);
        }
        catch (PimStoreUnavailableException)
        {
            return null;
        }

        if (context.Pim.Kind != Mailboxes.Pim.PimStoreKinds.Imap)
        {
            var map = context.Folders.ReconcilePim([.. collections.Select(c => c.Id)]);
            if (!ReferenceEquals(map, context.Folders)) context.StageMap(map);
            return [.. collections.Select(c => context.Folders.PimIdOf(c.Id) is { } id ? new PimFolder(id, c) : null).OfType<PimFolder>()];
        }

        if (collections.Any(c => context.Folders.IdOf(c.Id) is null)) await context.RefreshFoldersAsync();
        return [.. collections.Select(c => context.Folders.IdOf(c.Id) is { } id ? new PimFolder(id, c) : null).OfType<PimFolder>()];
    }

    /// <summary>
    /// The collection behind a folder id, or null when it is not a PIM folder of a served kind or its data class is
    /// switched off for the account.
    /// </summary>
    /// <exception cref="PimStoreUnavailableException">The store cannot be reached.</exception>
    public static async Task<PimFolder?> ResolveAsync(MailboxContext context, DeviceRequest request, string folderId)
    {
        if (!context.HasPim || !context.Codecs.Kinds.Any(kind => Allows(request, kind))) return null;
        if (context.Folders.NameOf(folderId) is { } name && context.PimKindOf(name) is null) return null;
        var folders = await ListAsync(context) ?? throw new PimStoreUnavailableException("The PIM store cannot be reached.");
        return folders.FirstOrDefault(f => f.FolderId == folderId && Allows(request, f.Kind));
    }

    /// <summary>Whether the account's data-class switch and the phone's protocol version (<see cref="VersionHas"/>) let a kind through.</summary>
    public static bool Allows(DeviceRequest request, PimKind kind) => request.Features.Allows(PimFolderTypes.DataClassOf(kind)) && VersionHas(request, kind);

    /// <summary>
    /// Whether the phone's protocol version has the class: Notes exist from 14.0 (MS-ASNOTE 2.2.2: every element is
    /// 14.0+), so a 2.5 or 12.x phone sees no notes folder and no command reaches one; every other class all versions.
    /// </summary>
    public static bool VersionHas(DeviceRequest request, PimKind kind) =>
        kind != PimKind.Notes || request.Line.ProtocolVersion >= Eas.Wire.Http.ProtocolVersion.V140;

    /// <summary>
    /// The IMAP folder behind a PIM folder of the IMAP store, which the account's watcher watches like a mail folder;
    /// null for other folders, or when the folder's data class is switched off.
    /// </summary>
    public static async Task<string?> ImapNameOfAsync(MailboxContext context, DeviceRequest request, string folderId) =>
        await context.ResolveAsync(folderId) is { } name && context.PimKindOf(name) is { } kind && Allows(request, kind) ? name : null;

    /// <summary>The folders as FolderSync shows them.</summary>
    public static IEnumerable<FolderView> Views(IReadOnlyList<PimFolder> folders, FolderMap map) =>
        folders.Select(f => new FolderView(
            f.FolderId,
            f.Collection.ParentId is { } parent ? map.IdOf(parent) ?? map.PimIdOf(parent) ?? "0" : "0",
            f.Collection.DisplayName,
            PimFolderTypes.Of(f.Kind, f.Collection.IsDefault)));
}
