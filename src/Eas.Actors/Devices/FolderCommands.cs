using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.FolderCreate;
using Eas.Wire.Commands.FolderDelete;
using Eas.Wire.Commands.FolderUpdate;

namespace Eas.Actors.Devices;

/// <summary>
/// FolderCreate, FolderUpdate and FolderDelete (MS-ASCMD 2.2.1.2, 2.2.1.4, 2.2.1.3) acting on IMAP. Each
/// needs the device's current hierarchy key (else Status 9), answers a new key, and records only its own
/// change in the device's hierarchy state, so the next FolderSync still reports what others changed.
/// Special folders (INBOX, Drafts, Sent, Trash) cannot be renamed or deleted. Folder ids are resolved like every
/// email command's (<see cref="MailboxWork.ResolveEmailAsync"/>), so with Email switched off for the account its
/// folders are not found; a folder of a data class switched off is not created.
/// </summary>
internal static class FolderCommands
{
    public static async Task<Decision> CreateAsync(DeviceState state, DeviceRequest request, DeviceActorSettings settings, DateTimeOffset now)
    {
        var body = (FolderCreateRequest)request.Body!;
        if (state.Hierarchy is not { } hierarchy || body.SyncKey != hierarchy.Key)
            return Respond(new FolderCreateResponse(FolderCreateStatus.InvalidSyncKey));
        if (!request.Features.Allows(DataClasses.Of(body.Type))) return Respond(new FolderCreateResponse(FolderCreateStatus.ParentNotFound));
        var (status, created) = await MailboxWork.RunAsync(request, settings, async context =>
        {
            if (Sync.Pim.PimFolderTypes.KindOf(body.Type) is { } kind && context.Codecs.Serves(kind)) return await PimFolderCommands.CreateAsync(context, body, kind);
            var folders = await context.RefreshFoldersAsync();
            var parent = body.ParentId == "0" ? null : await FindAsync(context, request, folders, body.ParentId);
            if (body.ParentId != "0" && parent is null) return (FolderCreateStatus.ParentNotFound, (FolderView?)null);
            var delimiter = parent?.Delimiter ?? (folders.Count > 0 ? folders[0].Delimiter : null) ?? '/';
            var name = parent is null ? body.DisplayName : parent.Name + delimiter + body.DisplayName;
            if (folders.Any(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
                return (FolderCreateStatus.FolderExists, null);
            await context.Session.CreateFolderAsync(name, context.CancellationToken);
            var after = await context.RefreshFoldersAsync();
            return (FolderCreateStatus.Success, HierarchyBuilder.Build(context.Folders, after).FirstOrDefault(v => context.Folders.NameOf(v.ServerId) == name));
        });
        if (created is null) return Respond(new FolderCreateResponse(status == FolderCreateStatus.Success ? FolderCreateStatus.ServerError : status));
        var next = Advance(hierarchy, hierarchy.Known.SetItem(created.ServerId, created));
        return new Decision(new RespondWith(new FolderCreateResponse(FolderCreateStatus.Success) { SyncKey = next.Key, ServerId = created.ServerId }), [new HierarchySynced(now, next)]);
    }

    public static async Task<Decision> UpdateAsync(DeviceState state, DeviceRequest request, DeviceActorSettings settings, DateTimeOffset now)
    {
        var body = (FolderUpdateRequest)request.Body!;
        if (state.Hierarchy is not { } hierarchy || body.SyncKey != hierarchy.Key)
            return Respond(new FolderUpdateResponse(FolderUpdateStatus.InvalidSyncKey));
        var (status, updated) = await MailboxWork.RunAsync(request, settings, async context =>
        {
            if (await FindPimAsync(context, request, body.ServerId) is { } found)
                return found.Folder is { } pim ? await PimFolderCommands.RenameAsync(context, pim, body) : (FolderUpdateStatus.ServerError, null);
            var folders = await context.RefreshFoldersAsync();
            var folder = await FindAsync(context, request, folders, body.ServerId);
            if (folder is null) return (FolderUpdateStatus.FolderNotFound, (FolderView?)null);
            if (folder.Use is not (FolderUse.None or FolderUse.Junk or FolderUse.Archive)) return (FolderUpdateStatus.FolderExists, null);
            var parent = body.ParentId == "0" ? null : await FindAsync(context, request, folders, body.ParentId);
            if (body.ParentId != "0" && parent is null) return (FolderUpdateStatus.ParentNotFound, null);
            var delimiter = folder.Delimiter ?? '/';
            var newName = parent is null ? body.DisplayName : parent.Name + delimiter + body.DisplayName;
            if (newName != folder.Name && folders.Any(f => string.Equals(f.Name, newName, StringComparison.OrdinalIgnoreCase)))
                return (FolderUpdateStatus.FolderExists, null);
            await context.Session.RenameFolderAsync(folder.Name, newName, context.CancellationToken);
            context.StageMap(context.Folders.Renamed(body.ServerId, newName));
            var after = await context.RefreshFoldersAsync();
            return (FolderUpdateStatus.Success, HierarchyBuilder.Build(context.Folders, after).FirstOrDefault(v => v.ServerId == body.ServerId));
        });
        if (updated is null) return Respond(new FolderUpdateResponse(status == FolderUpdateStatus.Success ? FolderUpdateStatus.ServerError : status));
        var next = Advance(hierarchy, hierarchy.Known.SetItem(updated.ServerId, updated));
        return new Decision(new RespondWith(new FolderUpdateResponse(FolderUpdateStatus.Success) { SyncKey = next.Key }), [new HierarchySynced(now, next)]);
    }

    public static async Task<Decision> DeleteAsync(DeviceState state, DeviceRequest request, DeviceActorSettings settings, DateTimeOffset now)
    {
        var body = (FolderDeleteRequest)request.Body!;
        if (state.Hierarchy is not { } hierarchy || body.SyncKey != hierarchy.Key)
            return Respond(new FolderDeleteResponse(FolderDeleteStatus.InvalidSyncKey));
        var status = await MailboxWork.RunAsync(request, settings, async context =>
        {
            if (await FindPimAsync(context, request, body.ServerId) is { } found)
                return found.Folder is { } pim ? await PimFolderCommands.DeleteAsync(context, pim) : FolderDeleteStatus.ServerError;
            var folders = await context.RefreshFoldersAsync();
            var folder = await FindAsync(context, request, folders, body.ServerId);
            if (folder is null) return FolderDeleteStatus.FolderNotFound;
            if (folder.Use is not (FolderUse.None or FolderUse.Junk or FolderUse.Archive)) return FolderDeleteStatus.SpecialFolder;
            var prefix = folder.Delimiter is { } d ? folder.Name + d : null;
            var doomed = folders.Where(f => f.Name == folder.Name || (prefix is not null && f.Name.StartsWith(prefix, StringComparison.Ordinal)))
                .OrderByDescending(f => f.Name.Length);
            foreach (var victim in doomed) await context.Session.DeleteFolderAsync(victim.Name, context.CancellationToken);
            await context.RefreshFoldersAsync();
            return FolderDeleteStatus.Success;
        });
        if (status != FolderDeleteStatus.Success) return Respond(new FolderDeleteResponse(status));
        var known = hierarchy.Known.Where(pair => !IsWithin(pair.Value, body.ServerId, hierarchy.Known)).ToImmutableSortedDictionary(StringComparer.Ordinal);
        var next = Advance(hierarchy, known);
        return new Decision(new RespondWith(new FolderDeleteResponse(FolderDeleteStatus.Success) { SyncKey = next.Key }), [new HierarchySynced(now, next)]);
    }

    private static HierarchySyncState Advance(HierarchySyncState hierarchy, ImmutableSortedDictionary<string, FolderView> known) =>
        hierarchy with { Counter = hierarchy.Counter + 1, Known = known, PreviousCounter = hierarchy.Counter, PreviousKnown = hierarchy.Known };

    private static bool IsWithin(FolderView folder, string ancestorId, ImmutableSortedDictionary<string, FolderView> all)
    {
        for (var (current, depth) = (folder, 0); depth < 64; depth++)
        {
            if (current.ServerId == ancestorId) return true;
            if (current.ParentId == "0" || !all.TryGetValue(current.ParentId, out var parent)) return false;
            current = parent;
        }

        return false;
    }

    private static Decision Respond(Wire.Commands.IEasResponse response) => new(new RespondWith(response), []);

    /// <summary>
    /// The PIM folder a folder id names: null when it names none; a result without a folder when the PIM store
    /// that would know cannot be reached.
    /// </summary>
    private static async Task<PimLookup?> FindPimAsync(MailboxContext context, DeviceRequest request, string folderId)
    {
        try
        {
            return await PimFolderCommands.FindAsync(context, request, folderId) is { } folder ? new PimLookup(folder) : null;
        }
        catch (Mail.Pim.PimStoreUnavailableException)
        {
            return new PimLookup(null);
        }
    }

    private sealed record PimLookup(PimFolder? Folder);

    /// <summary>The listed folder a phone's folder id names, through the one email resolution.</summary>
    private static async Task<MailFolder?> FindAsync(MailboxContext context, DeviceRequest request, IReadOnlyList<MailFolder> folders, string folderId) =>
        await context.ResolveEmailAsync(request, folderId) is { } name ? folders.FirstOrDefault(f => f.Name == name) : null;
}
