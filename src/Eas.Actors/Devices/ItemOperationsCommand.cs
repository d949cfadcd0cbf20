using System.Collections.Immutable;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Email;
using Eas.Wire.Commands;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Devices;

/// <summary>
/// ItemOperations (MS-ASCMD 2.2.1.10) on the mailbox store: Fetch of an email by CollectionId and ServerId
/// (with its own body preferences), Fetch of an attachment by FileReference (optionally a byte range, with
/// Range and Total), and EmptyFolderContents. An attachment is copied from IMAP into a temporary file and its bytes
/// stream from there when the response is written (base64 in Data, or a part of a multipart response); one over
/// its <see cref="FetchAllowance"/> is read to its end and dropped, and answered Status 11 (DataTooLarge,
/// MS-ASCMD 2.2.3.177.7). A whole message fetched as MIME (BodyPreference Type 4 with MIMESupport) and sent untruncated
/// streams the same way from the buffer the IMAP session fetched it into, a temporary file past 2 MiB, under the same
/// allowance. The 14.0+ Move moves a whole conversation.
/// A Fetch by LongId fetches the Search result it names. Document libraries are not offered by an IMAP store: UnknownStore.
/// </summary>
internal static class ItemOperationsCommand
{
    private const string MailboxStore = "Mailbox";

    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache)
    {
        var body = (ItemOperationsRequest)request.Body!;
        var results = ImmutableArray.CreateBuilder<ItemOperationResult>(body.Operations.Length);
        using var allowance = FetchAllowance.For(request, settings);
        foreach (var operation in body.Operations)
        {
            results.Add(operation switch
            {
                ItemOperationsFetch { FileReference: { } reference } fetch when IsMailbox(fetch) => await FetchAttachmentAsync(reference, fetch, request, settings, allowance, cache),
                ItemOperationsFetch { ServerId: { } serverId, CollectionId: { } collectionId } fetch when IsMailbox(fetch) => await FetchItemAsync(collectionId, serverId, fetch, request, settings, allowance, cache),
                ItemOperationsFetch { LongId: { } longId } fetch when IsMailbox(fetch) => await FetchByLongIdAsync(longId, fetch, request, settings, allowance),
                ItemOperationsFetch fetch when !IsMailbox(fetch) => new ItemOperationsFetchResult(ItemOperationsStatus.UnknownStore),
                ItemOperationsFetch fetch => new ItemOperationsFetchResult(ItemOperationsStatus.ObjectNotFound) { LongId = fetch.LongId },
                ItemOperationsEmptyFolderContents empty => await EmptyAsync(empty, request, settings, cache),
                ItemOperationsMove move => await MoveConversationAsync(move, request, settings),
                _ => throw new ArgumentOutOfRangeException(nameof(request), operation.GetType().Name, "Unknown ItemOperations operation."),
            });
        }

        allowance.HandOver();
        return new Decision(new RespondWith(new ItemOperationsResponse(ItemOperationsStatus.Success) { Results = results.ToImmutable() }), []);
    }

    /// <summary>
    /// A Fetch of a Search result by its LongId (MS-ASCMD 2.2.3.102): the LongIds <see cref="SearchMailbox"/> issues are
    /// the items' ServerIds (<c>folder:uid</c>), so the item is fetched as by CollectionId and ServerId, and the result
    /// names it by its LongId alone, as the request did.
    /// </summary>
    private static async Task<ItemOperationResult> FetchByLongIdAsync(string longId, ItemOperationsFetch fetch, DeviceRequest request, DeviceActorSettings settings, FetchAllowance allowance)
    {
        if (!LongIds.TryParse(longId, out var collectionId)) return new ItemOperationsFetchResult(ItemOperationsStatus.ObjectNotFound) { LongId = longId };
        var result = (ItemOperationsFetchResult)await FetchItemAsync(collectionId, longId, fetch, request, settings, allowance);
        return result with { LongId = longId, CollectionId = null, ServerId = null };
    }

    private static bool IsMailbox(ItemOperationsFetch fetch) => string.Equals(fetch.Store, MailboxStore, StringComparison.OrdinalIgnoreCase);

    private static async Task<ItemOperationResult> FetchItemAsync(
        string collectionId, string serverId, ItemOperationsFetch fetch, DeviceRequest request, DeviceActorSettings settings, FetchAllowance allowance, CollectionCache? cache = null)
    {
        if (!ServerIds.TryParse(serverId, collectionId, out var uid))
            return new ItemOperationsFetchResult(ItemOperationsStatus.ObjectNotFound) { CollectionId = collectionId, ServerId = serverId };
        if (cache?.Get(collectionId) is { } synced) uid = ClientItems.StoreUid(synced, uid);
        var encoding = EmailEncodingOptions.ForFetch(request.Line.ProtocolVersion, fetch.Options, Sync.Email.Reading.HtmlToText.Convert);
        var content = new Mailboxes.EmailContentRequest(null, true, encoding.MimeSupport != Wire.Commands.Sync.SyncMimeSupport.Never)
        {
            MimePrefixBytes = MimeTruncationSize(encoding),
        };
        var item = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var name = await context.ResolveEmailAsync(request, collectionId);
            if (name is null) return null;
            var fetched = await context.Session.FetchEmailsAsync(name, [uid], content, context.CancellationToken);
            return fetched.Count == 0 ? null : fetched[0].Item;
        });
        if (item is null) return new ItemOperationsFetchResult(ItemOperationsStatus.ObjectNotFound) { CollectionId = collectionId, ServerId = serverId };

        var (properties, bodyData) = EmailApplicationData.BuildFetchProperties(FileReferences.Qualify(item, collectionId, uid), encoding);
        if (bodyData is null) item.Mime?.Source?.Dispose();
        else if (bodyData.Length > allowance.NextCap)
        {
            bodyData.Dispose();
            return new ItemOperationsFetchResult(ItemOperationsStatus.DataTooLarge) { CollectionId = collectionId, ServerId = serverId };
        }

        return new ItemOperationsFetchResult(ItemOperationsStatus.Success)
        {
            CollectionId = collectionId,
            ServerId = serverId,
            Class = request.Line.ProtocolVersion >= Wire.Http.ProtocolVersion.V140 ? "Email" : null,
            Properties = properties,
            BodyContent = bodyData is null ? null : allowance.Take(bodyData),
        };
    }

    /// <summary>
    /// How much of the MIME source a truncated MIME body needs in memory: the Type 4 preference's TruncationSize, or
    /// none when the MIME body goes whole (it then streams from the message's buffer).
    /// </summary>
    private static long MimeTruncationSize(EmailEncodingOptions encoding) =>
        encoding.BodyPreferences.IsDefaultOrEmpty ? 0
        : encoding.BodyPreferences.FirstOrDefault(p => p.Type == Wire.Commands.BodyType.Mime)?.TruncationSize ?? 0;

    /// <summary>
    /// A Fetch of an attachment by its FileReference (MS-ASCMD 2.2.3.69.1, MS-ASAIRS 2.2.2.24): one given for a draft the
    /// phone has since changed names the attachment in the draft's current message (<see cref="ClientItems.AttachmentOf"/>);
    /// one whose attachment is gone, or whose message is, is InvalidAttachment (MS-ASCMD 2.2.3.177.8, Status 15).
    /// </summary>
    private static async Task<ItemOperationResult> FetchAttachmentAsync(string reference, ItemOperationsFetch fetch, DeviceRequest request, DeviceActorSettings settings, FetchAllowance allowance, CollectionCache cache)
    {
        if (!FileReferences.TryParse(reference, out var folderId, out var uid, out var part))
            return new ItemOperationsFetchResult(ItemOperationsStatus.InvalidAttachment) { FileReference = reference };
        if (cache.Get(folderId) is { } synced) (uid, part) = ClientItems.AttachmentOf(synced, uid, part);
        (long Offset, long Length)? range = null;
        if (fetch.Options?.Range is { } text)
        {
            if (!ByteRange.TryParse(text, out var parsed)) return new ItemOperationsFetchResult(ItemOperationsStatus.InvalidByteRange) { FileReference = reference };
            range = parsed;
        }

        var cap = allowance.NextCap;
        var (status, file, total) = await MailboxWork.RunAsync(request, settings, context => CopyToFileAsync(context, request, folderId, uid, part, range, cap));
        if (file is null) return new ItemOperationsFetchResult(status) { FileReference = reference };
        if (range is { } asked && asked.Offset >= total && total > 0)
        {
            await file.DisposeAsync();
            return new ItemOperationsFetchResult(ItemOperationsStatus.InvalidByteRange) { FileReference = reference };
        }

        var content = allowance.Take(new BinaryContent(file));
        var rangeText = range is { } r ? $"{r.Offset}-{r.Offset + content.Length - 1}" : null;
        return new ItemOperationsFetchResult(ItemOperationsStatus.Success)
        {
            FileReference = reference,
            Properties = ItemOperationsProperties.File("application/octet-stream", rangeText, range is null ? null : total),
            Content = content,
        };
    }

    /// <summary>
    /// Copies the part (or its range) into a temporary file positioned at its start, or answers why not. The part is
    /// always read to its end: past <paramref name="cap"/> the bytes are only counted, and the item is DataTooLarge.
    /// </summary>
    private static async Task<(ItemOperationsStatus Status, FileStream? File, long Total)> CopyToFileAsync(
        Mailboxes.MailboxContext context, DeviceRequest request, string folderId, uint uid, string part, (long Offset, long Length)? range, long cap)
    {
        var name = await context.ResolveEmailAsync(request, folderId);
        if (name is null) return (ItemOperationsStatus.InvalidAttachment, null, 0);
        var file = Persistence.TemporaryFile.Create();
        try
        {
            var sink = new CappedSinkStream(file, cap);
            var total = await context.Session.CopyPartAsync(name, uid, part, sink, range, context.CancellationToken);
            if (sink.Overflowed)
            {
                await file.DisposeAsync();
                return (ItemOperationsStatus.DataTooLarge, null, total);
            }

            file.Position = 0;
            return (ItemOperationsStatus.Success, file, total);
        }
        catch (FileNotFoundException)
        {
            await file.DisposeAsync();
            return (ItemOperationsStatus.InvalidAttachment, null, 0);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Moves every message of a conversation (MS-ASCMD 2.2.3.117.1) to the destination folder. A
    /// ConversationId is a hash of the thread's root Message-ID (<see cref="EmailConversation"/>), so the
    /// messages are found by reading each mail folder's threading headers; a conversation with no message
    /// left is ObjectNotFound. MoveAlways (moving future messages too) needs server-side rules and is not kept.
    /// </summary>
    private static async Task<ItemOperationResult> MoveConversationAsync(ItemOperationsMove move, DeviceRequest request, DeviceActorSettings settings)
    {
        // No destination: the Move's own Status (MS-ASCMD 2.2.2, 156); the request as a whole was understood.
        if (move.DstFldId is not { } destinationId)
            return new ItemOperationsMoveResult((ItemOperationsStatus)CommonStatus.MoveCommandInvalidDestinationFolder, move.ConversationId);
        var wanted = move.ConversationId.ToArray();
        var moved = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var destination = await context.ResolveEmailAsync(request, destinationId);
            if (destination is null) return (int?)null;
            var count = 0;
            foreach (var folder in (await context.RefreshFoldersAsync()).Where(f => f.Selectable && f.Name != destination))
            {
                var headers = await context.Session.ListHeadersAsync(folder.Name, context.CancellationToken);
                var uids = headers.Where(h => EmailConversation.ConversationId(h.Headers).AsSpan().SequenceEqual(wanted)).Select(h => h.Uid).ToList();
                if (uids.Count == 0) continue;
                await context.Session.MoveAsync(folder.Name, uids, destination, context.CancellationToken);
                count += uids.Count;
            }

            return count;
        });
        var status = moved switch
        {
            null => ItemOperationsStatus.ObjectNotFound,
            0 => ItemOperationsStatus.ObjectNotFound,
            _ => ItemOperationsStatus.Success,
        };
        return new ItemOperationsMoveResult(status, move.ConversationId);
    }

    /// <summary>
    /// Empties a mail folder (EmptyFolderContents, MS-ASCMD 2.2.3.58). A folder the device cannot name is
    /// ObjectNotFound; one that cannot be emptied is ResourceAccessDenied (16, "access to the resource is denied",
    /// MS-ASCMD 2.2.3.177.8): a \Noselect container, which holds no messages, or a folder the IMAP server refuses to
    /// open or expunge (a NO, which leaves the session usable and would be refused again on a retry).
    /// </summary>
    private static async Task<ItemOperationResult> EmptyAsync(ItemOperationsEmptyFolderContents empty, DeviceRequest request, DeviceActorSettings settings, CollectionCache cache)
    {
        var (status, removed) = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var name = await context.ResolveEmailAsync(request, empty.CollectionId);
            if (name is null) return (ItemOperationsStatus.ObjectNotFound, (IReadOnlyList<uint>?)null);
            var folder = (await context.RefreshFoldersAsync()).FirstOrDefault(f => f.Name == name);
            if (folder is { Selectable: false }) return (ItemOperationsStatus.ResourceAccessDenied, null);
            try
            {
                var listing = await context.Session.ListMessagesAsync(name, null, 0, 0, context.CancellationToken);
                var uids = listing.Messages.Select(m => m.Uid).ToList();
                if (uids.Count > 0) await context.Session.ExpungeAsync(name, uids, context.CancellationToken);
                return (ItemOperationsStatus.Success, uids);
            }
            catch (MailKit.Net.Imap.ImapCommandException)
            {
                return (ItemOperationsStatus.ResourceAccessDenied, null);
            }
        });
        if (removed is null) return new ItemOperationsEmptyFolderContentsResult(status, empty.CollectionId);
        if (cache.Get(empty.CollectionId) is { } state)
            cache.Stage(empty.CollectionId, removed.Aggregate(state, CollectionSync.ClientDeleted));
        return new ItemOperationsEmptyFolderContentsResult(ItemOperationsStatus.Success, empty.CollectionId);
    }
}
