using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// The phone's own commands in a Sync collection (MS-ASCMD 2.2.3.24 Commands): Change sets Read and the
/// follow-up flag on the IMAP message; Delete moves it to Deleted Items, or removes it for good when
/// DeletesAsMoves is false or it already is in Deleted Items; Fetch returns the item. Successful Change and
/// Delete get no Responses entry (MS-ASCMD 2.2.3.151); failures and every Fetch do. A Change that collides
/// with an unsent server change follows the Conflict option: the server wins unless the phone asked
/// otherwise (MS-ASCMD 2.2.3.34), answered with Status 7. The commands of a resent request (MS-ASCMD 3.1.5.9)
/// run again on the state the phone held when it first sent them: setting flags again changes nothing, and
/// moving or expunging a message already gone moves nothing (IMAP answers OK), so they succeed again.
/// From 16.0 an Add, and a Change with draft content or email2:Send, in the Drafts folder is a draft
/// (<see cref="DraftCommands"/>); an Add anywhere else, or before 16.0, stays Status 6, since email is created
/// on the phone only as a 16.x draft (MS-ASCMD 2.2.3.7.2, MS-ASEMAIL 2.2.2.69). ServerIds name messages through
/// the state's draft aliases (<see cref="ClientItems"/>).
/// </summary>
internal sealed class SyncClientCommands(
    MailboxContext context, string folderName, string folderId, ProtocolVersion version, EmailEncodingOptions encoding, EmailContentRequest content, DraftCommands drafts)
{
    public async Task<(CollectionSyncState State, ImmutableArray<SyncItemResponse> Responses)> ApplyAsync(
        CollectionSyncState state, ImmutableArray<SyncClientCommand> commands, SyncOptions options, bool deletesAsMoves)
    {
        var responses = ImmutableArray.CreateBuilder<SyncItemResponse>();
        if (commands.IsDefaultOrEmpty) return (state, responses.ToImmutable());
        foreach (var command in commands)
        {
            switch (command)
            {
                case SyncClientChange change when await IsDraftChangeAsync(state, change) is { } uids:
                    (state, var draftResponse) = await drafts.ChangeAsync(state, change, uids.Phone, uids.Store);
                    if (draftResponse is not null) responses.Add(draftResponse);
                    break;
                case SyncClientChange change:
                    (state, var changeStatus) = await ChangeAsync(state, change, options);
                    if (changeStatus != SyncStatus.Success) responses.Add(new SyncChangeResponse(change.ServerId, changeStatus));
                    break;
                case SyncClientDelete delete:
                    (state, var deleteStatus) = await DeleteAsync(state, delete.ServerId, deletesAsMoves);
                    if (deleteStatus != SyncStatus.Success) responses.Add(new SyncDeleteResponse(delete.ServerId, deleteStatus));
                    break;
                case SyncClientFetch fetch:
                    responses.Add(await FetchAsync(state, fetch.ServerId));
                    break;
                case SyncClientAdd add when SyncVersionRules.AllowsDrafts(version) && await drafts.IsDraftsFolderAsync():
                    (state, var addResponse) = await drafts.AddAsync(state, add);
                    responses.Add(addResponse);
                    break;
                case SyncClientAdd add:
                    responses.Add(new SyncAddResponse(add.ClientId, SyncStatus.ConversionError));
                    break;
            }
        }

        return (state, responses.ToImmutable());
    }

    /// <summary>The phone's and the store's UID of a held draft a 16.0+ Change edits or sends in the Drafts folder; null for any other Change.</summary>
    private async Task<(uint Phone, uint Store)?> IsDraftChangeAsync(CollectionSyncState state, SyncClientChange change)
    {
        if (!SyncVersionRules.AllowsDrafts(version) || !(change.Send || Sync.Email.Drafts.DraftFieldsReader.IsDraftEdit(change.ApplicationData))) return null;
        if (!TryStoreUid(state, change.ServerId, out var phone, out var store) || CollectionSync.Held(state, store) is null) return null;
        return await drafts.IsDraftsFolderAsync() ? (phone, store) : null;
    }

    private bool TryStoreUid(CollectionSyncState state, string serverId, out uint phoneUid, out uint storeUid)
    {
        storeUid = 0;
        if (!ServerIds.TryParse(serverId, folderId, out phoneUid)) return false;
        storeUid = ClientItems.StoreUid(state, phoneUid);
        return true;
    }

    private async Task<(CollectionSyncState, SyncStatus)> ChangeAsync(CollectionSyncState state, SyncClientChange change, SyncOptions options)
    {
        if (!TryStoreUid(state, change.ServerId, out _, out var uid) || CollectionSync.Held(state, uid) is not { } held)
            return (state, SyncStatus.ObjectNotFound);
        EmailChange parsed;
        try
        {
            parsed = EmailChangeParser.Parse(change.ApplicationData, version);
        }
        catch (EmailChangeException)
        {
            return (state, SyncStatus.ProtocolError);
        }

        if (state.PendingChanges.ContainsKey(uid) && (options.Conflict ?? SyncConflictResolution.ServerWins) == SyncConflictResolution.ServerWins)
            return (state, SyncStatus.Conflict);
        var wanted = held;
        if (parsed.Read is { } read) wanted = read ? wanted | MessageFlags.Seen : wanted & ~MessageFlags.Seen;
        if (parsed.Flag is { } flag) wanted = flag.Status == EmailFlagStatus.Active ? wanted | MessageFlags.Flagged : wanted & ~MessageFlags.Flagged;
        var add = wanted & ~held;
        var remove = held & ~wanted;
        try
        {
            if (add != MessageFlags.None || remove != MessageFlags.None)
                await context.Session.SetFlagsAsync(folderName, uid, add, remove, context.CancellationToken);
        }
        catch (MailKit.Net.Imap.ImapCommandException)
        {
            return (state, SyncStatus.ServerError);
        }

        return (CollectionSync.ClientChanged(state, uid, wanted), SyncStatus.Success);
    }

    private async Task<(CollectionSyncState, SyncStatus)> DeleteAsync(CollectionSyncState state, string serverId, bool deletesAsMoves)
    {
        if (!TryStoreUid(state, serverId, out _, out var uid) || CollectionSync.Held(state, uid) is null)
            return (state, SyncStatus.ObjectNotFound);
        var trash = (await context.Session.ListFoldersAsync(context.CancellationToken)).FirstOrDefault(f => f.Use == FolderUse.Trash);
        try
        {
            if (deletesAsMoves && trash is not null && trash.Name != folderName)
                await context.Session.MoveAsync(folderName, [uid], trash.Name, context.CancellationToken);
            else
                await context.Session.ExpungeAsync(folderName, [uid], context.CancellationToken);
        }
        catch (MailKit.Net.Imap.ImapCommandException)
        {
            return (state, SyncStatus.ServerError);
        }

        return (CollectionSync.ClientDeleted(state, uid), SyncStatus.Success);
    }

    private async Task<SyncItemResponse> FetchAsync(CollectionSyncState state, string serverId)
    {
        if (!TryStoreUid(state, serverId, out _, out var uid)) return new SyncFetchResponse(serverId, SyncStatus.ObjectNotFound);
        var fetched = await context.Session.FetchEmailsAsync(folderName, [uid], content with { MaxBodyBytes = null }, context.CancellationToken);
        return fetched.Count == 0
            ? new SyncFetchResponse(serverId, SyncStatus.ObjectNotFound)
            : new SyncFetchResponse(serverId, SyncStatus.Success) { ApplicationData = EmailApplicationData.Build(FileReferences.Qualify(fetched[0].Item, folderId, uid), encoding) };
    }
}
