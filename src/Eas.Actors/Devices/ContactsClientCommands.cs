using System.Collections.Immutable;
using Eas.Actors.Sync.Contacts;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// A phone's Add, Change, Delete and Fetch on a contacts collection (MS-ASCMD 2.2.3.7.2, 2.2.3.24, 2.2.3.42.2,
/// 2.2.3.67.2 with MS-ASCNTC 3.1.5), applied to the PIM store and recorded in the sync state so that none comes back
/// to the phone. Add: a new ServerId and a fresh UID, the contact written as a new vCard. Change: the stored vCard
/// with the phone's elements applied (<see cref="ContactGhosting"/>, the Supported list of the initial Sync) and its
/// unmapped properties kept, written with the version the phone holds; a conflict (MS-ASCMD 2.2.3.34) is decided by
/// the collection's Conflict option: client wins writes again without the version, server wins answers Status 7 and
/// the store's version reaches the phone as a Change in this or the next window. A Picture over 48 KB of base64 is
/// Status 6 and nothing is written (MS-ASCNTC 2.2.2.58). Delete removes the item: DeletesAsMoves
/// (MS-ASCMD 2.2.3.43) is for email, whose Deleted Items folder keeps the message; a contacts store has no such folder.
/// </summary>
internal sealed class ContactsClientCommands(IPimStore store, ContactFolder folder, ProtocolVersion version, ContactBodyOptions body, CancellationToken cancellationToken)
{
    private string CollectionId => folder.Collection.Id;

    public async Task<(PimSyncState State, ImmutableArray<SyncItemResponse> Responses)> ApplyAsync(PimSyncState state, ImmutableArray<SyncClientCommand> commands, SyncConflictResolution conflict)
    {
        var responses = ImmutableArray.CreateBuilder<SyncItemResponse>();
        foreach (var command in commands.IsDefault ? [] : commands)
        {
            switch (command)
            {
                case SyncClientAdd add:
                    (state, var added) = await AddAsync(state, add);
                    responses.Add(added);
                    break;
                case SyncClientChange change:
                    (state, var changed) = await ChangeAsync(state, change, conflict);
                    if (changed is not null) responses.Add(changed);
                    break;
                case SyncClientDelete delete:
                    (state, var deleted) = await DeleteAsync(state, delete);
                    if (deleted is not null) responses.Add(deleted);
                    break;
                case SyncClientFetch fetch:
                    responses.Add(await FetchAsync(state, fetch));
                    break;
            }
        }

        return (state, responses.ToImmutable());
    }

    private async Task<(PimSyncState, SyncItemResponse)> AddAsync(PimSyncState state, SyncClientAdd add)
    {
        var update = ContactWbxml.Read(add.ApplicationData, version);
        if (ContactPicture.IsOverLimit(update.Item.Picture)) return (state, new SyncAddResponse(add.ClientId, SyncStatus.ConversionError));
        var uid = Guid.NewGuid().ToString("D");
        try
        {
            var stored = await store.CreateAsync(CollectionId, uid, ContactVCard.Write(uid, update.Item, null), cancellationToken);
            (state, var serverId) = PimSync.NewServerId(state, folder.FolderId);
            return (PimSync.ClientAdded(state, serverId, uid, stored.Version), new SyncAddResponse(add.ClientId, SyncStatus.Success) { ServerId = serverId });
        }
        catch (PimItemRejectedException)
        {
            return (state, new SyncAddResponse(add.ClientId, SyncStatus.ConversionError));
        }
    }

    private async Task<(PimSyncState, SyncItemResponse?)> ChangeAsync(PimSyncState state, SyncClientChange change, SyncConflictResolution conflict)
    {
        if (!state.Items.TryGetValue(change.ServerId, out var held)) return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ObjectNotFound));
        var update = ContactWbxml.Read(change.ApplicationData, version);
        if (ContactPicture.IsOverLimit(update.Item.Picture)) return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ConversionError));
        var current = await GetOneAsync(held.ItemId);
        if (current is null) return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ObjectNotFound));
        var card = ReadOrNull(current.Content);
        var item = ContactGhosting.Apply(card?.Item ?? ContactItem.Empty, update, Supported(state));
        var content = ContactVCard.Write(card is { Uid.Length: > 0 } ? card.Uid : held.ItemId, item, card?.Card);
        try
        {
            PimItemVersion written;
            try
            {
                written = await store.UpdateAsync(CollectionId, held.ItemId, content, held.Version, cancellationToken);
            }
            catch (PimConflictException) when (conflict == SyncConflictResolution.ClientWins)
            {
                written = await store.UpdateAsync(CollectionId, held.ItemId, content, null, cancellationToken);
            }

            return (PimSync.ClientChanged(state, change.ServerId, written.Version), null);
        }
        catch (PimConflictException)
        {
            return (state, new SyncChangeResponse(change.ServerId, SyncStatus.Conflict));
        }
        catch (PimItemRejectedException)
        {
            return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ConversionError));
        }
    }

    private async Task<(PimSyncState, SyncItemResponse?)> DeleteAsync(PimSyncState state, SyncClientDelete delete)
    {
        if (!state.Items.TryGetValue(delete.ServerId, out var held)) return (state, new SyncDeleteResponse(delete.ServerId, SyncStatus.ObjectNotFound));
        await store.DeleteAsync(CollectionId, held.ItemId, null, cancellationToken);
        return (PimSync.ClientDeleted(state, delete.ServerId), null);
    }

    private async Task<SyncItemResponse> FetchAsync(PimSyncState state, SyncClientFetch fetch)
    {
        if (!state.Items.TryGetValue(fetch.ServerId, out var held)) return new SyncFetchResponse(fetch.ServerId, SyncStatus.ObjectNotFound);
        var current = await GetOneAsync(held.ItemId);
        if (current is null || ReadOrNull(current.Content) is not { } card) return new SyncFetchResponse(fetch.ServerId, SyncStatus.ObjectNotFound);
        return new SyncFetchResponse(fetch.ServerId, SyncStatus.Success) { ApplicationData = ContactWbxml.Build(card.Item, version, body) };
    }

    private async Task<PimObject?> GetOneAsync(string itemId)
    {
        var found = await store.GetAsync(CollectionId, [itemId], cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private static HashSet<ushort>? Supported(PimSyncState state) => state.Supported is { } tags ? [.. tags] : null;

    /// <summary>The stored vCard read, or null when it cannot be read at all (a change then starts from an empty contact).</summary>
    internal static ContactCard? ReadOrNull(string content)
    {
        try
        {
            return ContactVCard.Read(content);
        }
        catch (VCardFormatException)
        {
            return null;
        }
    }
}
