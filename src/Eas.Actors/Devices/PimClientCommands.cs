using System.Collections.Immutable;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Devices;

/// <summary>
/// A phone's Add, Change, Delete and Fetch on a PIM collection (MS-ASCMD 2.2.3.7.2, 2.2.3.24, 2.2.3.42.2,
/// 2.2.3.67.2), applied to the PIM store through the folder's codec (<see cref="IPimItemCodec"/>) and recorded in the
/// sync state so that none comes back to the phone. Add: a new ServerId, the item stored under the id the codec
/// picks (a fresh UID unless the item brings its own). Change: the stored item with the phone's elements applied by
/// the codec (ghosting by the Supported list of the initial Sync), written with the version the phone holds; a
/// conflict (MS-ASCMD 2.2.3.34) is decided by the collection's Conflict option: client wins writes again without the
/// version, server wins answers Status 7 and the store's version reaches the phone as a Change in this or the next
/// window. An item the codec refuses, or cannot read, is Status 6 (ConversionError) with a log line and nothing is
/// written. Delete removes the item, or with an InstanceId (16.0+) only that occurrence
/// (<see cref="IPimItemCodec.RemoveInstance"/>; Status 6 for a class without occurrences). DeletesAsMoves (MS-ASCMD
/// 2.2.3.43) is for email, whose Deleted Items folder keeps the message; a PIM store has no such folder.
/// A change is stored as <paramref name="followUp"/> (when given) revises it, and after each write the store took it
/// hears the item's text before and after (null: created, deleted); a Delete reads the item first only when it asks
/// for it (<see cref="IPimWriteFollowUp.NeedsDeletedItem"/>): for calendars, the organizer's SEQUENCE and iTIP mail
/// (<see cref="OrganizerMail"/>). It cannot fail the write: an exception there is a log line.
/// A resent request's Add whose ClientId the lost response answered (<paramref name="answeredBefore"/>, MS-ASCMD
/// 3.1.5.9, 2.2.3.28.2) gets the same ServerId again and is neither written nor followed up a second time; every
/// Add the store took is in <see cref="Added"/>, for the response's plan (<see cref="PimSyncPlan.ClientAdds"/>).
/// </summary>
internal sealed partial class PimClientCommands(
    IPimStore store, PimFolder folder, IPimItemCodec codec, PimCodecContext codecContext, ILogger logger, string user, CancellationToken cancellationToken,
    IPimWriteFollowUp? followUp = null, ImmutableArray<PimClientAdded> answeredBefore = default)
{
    private readonly ImmutableArray<PimClientAdded>.Builder _added = ImmutableArray.CreateBuilder<PimClientAdded>();

    private string CollectionId => folder.Collection.Id;

    /// <summary>The Adds of this request the store holds, answered now or (resent) before.</summary>
    public ImmutableArray<PimClientAdded> Added => _added.ToImmutable();

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
        if (AnsweredBefore(add.ClientId) is { } before)
        {
            _added.Add(before);
            LogAnsweredAgain(logger, codec.ClassName, user, add.ClientId, before.ServerId);
            return (PimSync.ClientAddAnsweredAgain(state, before), new SyncAddResponse(add.ClientId, SyncStatus.Success) { ServerId = before.ServerId });
        }

        if (Convert(add.ClientId, () => codec.Create(Guid.NewGuid().ToString("D"), add.ApplicationData, codecContext)) is not { } write)
            return (state, new SyncAddResponse(add.ClientId, SyncStatus.ConversionError));
        try
        {
            var stored = await store.CreateAsync(CollectionId, write.ItemId, write.Content, cancellationToken);
            await WrittenAsync(add.ClientId, null, write.Content);
            (state, var serverId) = PimSync.NewServerId(state, folder.FolderId);
            _added.Add(new PimClientAdded(add.ClientId, serverId, write.ItemId, stored.Version));
            return (PimSync.ClientAdded(state, serverId, write.ItemId, stored.Version), new SyncAddResponse(add.ClientId, SyncStatus.Success) { ServerId = serverId });
        }
        catch (PimItemRejectedException e)
        {
            LogRefused(logger, codec.ClassName, user, add.ClientId, e.Message);
            return (state, new SyncAddResponse(add.ClientId, SyncStatus.ConversionError));
        }
    }

    /// <summary>The Add with this ClientId the lost response answered, when this request is that one sent again.</summary>
    private PimClientAdded? AnsweredBefore(string clientId) =>
        answeredBefore.IsDefault ? null : answeredBefore.FirstOrDefault(a => string.Equals(a.ClientId, clientId, StringComparison.Ordinal));

    private async Task<(PimSyncState, SyncItemResponse?)> ChangeAsync(PimSyncState state, SyncClientChange change, SyncConflictResolution conflict)
    {
        if (!state.Items.TryGetValue(change.ServerId, out var held)) return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ObjectNotFound));
        var current = await GetOneAsync(held.ItemId);
        if (current is null) return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ObjectNotFound));
        if (Convert(change.ServerId, () => codec.Change(held.ItemId, current.Content, change.ApplicationData, codecContext)) is not { } write)
            return (state, new SyncChangeResponse(change.ServerId, SyncStatus.ConversionError));
        return await WriteAsync(state, change.ServerId, held, current.Content, write.Content, conflict);
    }

    private async Task<(PimSyncState, SyncItemResponse?)> DeleteAsync(PimSyncState state, SyncClientDelete delete)
    {
        if (!state.Items.TryGetValue(delete.ServerId, out var held)) return (state, new SyncDeleteResponse(delete.ServerId, SyncStatus.ObjectNotFound));
        if (delete.InstanceId is { } instanceId) return await RemoveInstanceAsync(state, delete.ServerId, held, instanceId);
        var before = followUp is { NeedsDeletedItem: true } ? await GetOneAsync(held.ItemId) : null;
        await store.DeleteAsync(CollectionId, held.ItemId, null, cancellationToken);
        if (before is not null) await WrittenAsync(delete.ServerId, before.Content, null);
        return (PimSync.ClientDeleted(state, delete.ServerId), null);
    }

    /// <summary>
    /// A Delete of one occurrence (MS-ASCMD 2.2.3.42.2 with airsyncbase:InstanceId, 16.0+): the series is written back
    /// without it, and the phone, which removed the occurrence itself, is not sent the change. Status 6 where the
    /// codec has no occurrences to remove or cannot remove this one; Status 8 when the series is gone.
    /// </summary>
    private async Task<(PimSyncState, SyncItemResponse?)> RemoveInstanceAsync(PimSyncState state, string serverId, PimHeld held, string instanceId)
    {
        var current = await GetOneAsync(held.ItemId);
        if (current is null) return (state, new SyncDeleteResponse(serverId, SyncStatus.ObjectNotFound) { InstanceId = instanceId });
        var write = Convert(serverId, () => codec.RemoveInstance(held.ItemId, current.Content, instanceId, codecContext));
        if (write is null) return (state, new SyncDeleteResponse(serverId, SyncStatus.ConversionError) { InstanceId = instanceId });
        var (next, response) = await WriteAsync(state, serverId, held, current.Content, write.Content, SyncConflictResolution.ClientWins);
        return (next, response is null ? null : new SyncDeleteResponse(serverId, response.Status) { InstanceId = instanceId });
    }

    /// <summary>Writes the phone's version of a held item at the version it holds; a conflict is decided by <paramref name="conflict"/>.</summary>
    private async Task<(PimSyncState, SyncItemResponse?)> WriteAsync(PimSyncState state, string serverId, PimHeld held, string before, string content, SyncConflictResolution conflict)
    {
        content = Revised(serverId, before, content);
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

            await WrittenAsync(serverId, before, content);
            return (PimSync.ClientChanged(state, serverId, written.Version), null);
        }
        catch (PimConflictException)
        {
            return (state, new SyncChangeResponse(serverId, SyncStatus.Conflict));
        }
        catch (PimItemRejectedException e)
        {
            LogRefused(logger, codec.ClassName, user, serverId, e.Message);
            return (state, new SyncChangeResponse(serverId, SyncStatus.ConversionError));
        }
    }

    private async Task<SyncItemResponse> FetchAsync(PimSyncState state, SyncClientFetch fetch)
    {
        if (!state.Items.TryGetValue(fetch.ServerId, out var held)) return new SyncFetchResponse(fetch.ServerId, SyncStatus.ObjectNotFound);
        var current = await GetOneAsync(held.ItemId);
        if (current is null || BuildOrNull(codec, current.Content, codecContext) is not { } data) return new SyncFetchResponse(fetch.ServerId, SyncStatus.ObjectNotFound);
        return new SyncFetchResponse(fetch.ServerId, SyncStatus.Success) { ApplicationData = data };
    }

    /// <summary>The change as the follow-up revises it; the phone's own when there is none or it fails (logged).</summary>
    private string Revised(string itemRef, string before, string content)
    {
        if (followUp is null) return content;
        try
        {
            return followUp.Revise(before, content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAfterWriteFailed(logger, e, codec.ClassName, user, itemRef);
            return content;
        }
    }

    /// <summary>Tells the follow-up of a write the store took; what it does never fails the write.</summary>
    private async Task WrittenAsync(string itemRef, string? before, string? after)
    {
        if (followUp is null) return;
        try
        {
            await followUp.WrittenAsync(before, after);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAfterWriteFailed(logger, e, codec.ClassName, user, itemRef);
        }
    }

    private async Task<PimObject?> GetOneAsync(string itemId) =>
        (await store.GetAsync(CollectionId, [itemId], cancellationToken)).FirstOrDefault(o => o.ItemId == itemId);

    /// <summary>
    /// The codec's answer for the phone's item, or null (logged) when it refuses the item or fails on it: the phone's
    /// input never costs more than that item's status.
    /// </summary>
    private PimWrite? Convert(string itemRef, Func<PimWrite?> convert)
    {
        try
        {
            return convert();
        }
        catch (PimItemRejectedException e)
        {
            LogRefused(logger, codec.ClassName, user, itemRef, e.Message);
        }
        catch (Exception e) when (e is not (OperationCanceledException or PimStoreUnavailableException))
        {
            LogUnconvertible(logger, e, codec.ClassName, user, itemRef);
        }

        return null;
    }

    /// <summary>The stored item as ApplicationData, or null when its content cannot be read at all.</summary>
    internal static WbxmlElement? BuildOrNull(IPimItemCodec codec, string content, PimCodecContext context)
    {
        try
        {
            return codec.Build(content, context);
        }
        catch (PimContentException)
        {
            return null;
        }
    }

    [LoggerMessage(1232, LogLevel.Warning, "{ItemClass} item {ItemRef} of {User} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string itemClass, string user, string itemRef, string reason);

    [LoggerMessage(1234, LogLevel.Warning, "{ItemClass} item {ItemRef} of {User} was written, but what follows a write (the organizer's mail) failed")]
    private static partial void LogAfterWriteFailed(ILogger logger, Exception exception, string itemClass, string user, string itemRef);

    [LoggerMessage(1235, LogLevel.Information, "{ItemClass} Add {ClientId} of {User} sent again: answered with {ServerId}, not stored twice")]
    private static partial void LogAnsweredAgain(ILogger logger, string itemClass, string user, string clientId, string serverId);

    [LoggerMessage(1233, LogLevel.Warning, "{ItemClass} item {ItemRef} of {User} could not be converted from the phone's ApplicationData")]
    private static partial void LogUnconvertible(ILogger logger, Exception exception, string itemClass, string user, string itemRef);
}
