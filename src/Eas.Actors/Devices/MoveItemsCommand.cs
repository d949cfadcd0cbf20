using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands.MoveItems;

namespace Eas.Actors.Devices;

/// <summary>
/// MoveItems (MS-ASCMD 2.2.1.12): moves messages between folders with IMAP MOVE and answers each with its
/// new ServerId (from COPYUID). The device's sync states follow the move, so the next Sync reports neither a
/// Delete in the source nor an Add in the destination for an item the phone already moved itself.
/// </summary>
internal static class MoveItemsCommand
{
    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache)
    {
        var body = (MoveItemsRequest)request.Body!;
        var results = ImmutableArray.CreateBuilder<MoveItemsResult>(body.Moves.Length);
        foreach (var move in body.Moves) results.Add(await MoveAsync(move, request, settings, cache));
        return new Decision(new RespondWith(new MoveItemsResponse(results.ToImmutable())), []);
    }

    private static async Task<MoveItemsResult> MoveAsync(MoveItemsMove move, DeviceRequest request, DeviceActorSettings settings, CollectionCache cache)
    {
        if (!ServerIds.TryParse(move.SrcMsgId, move.SrcFldId, out var uid)) return new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.InvalidSourceCollectionId);
        if (move.SrcFldId == move.DstFldId) return new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.SameSourceAndDestination);
        var (status, newUid) = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var source = await context.ResolveEmailAsync(request, move.SrcFldId);
            if (source is null) return (MoveItemsStatus.InvalidSourceCollectionId, 0u);
            var destination = await context.ResolveEmailAsync(request, move.DstFldId);
            if (destination is null) return (MoveItemsStatus.InvalidDestinationCollectionId, 0u);
            var moved = await context.Session.MoveAsync(source, [uid], destination, context.CancellationToken);
            return moved.TryGetValue(uid, out var target) ? (MoveItemsStatus.Success, target) : (MoveItemsStatus.InvalidSourceCollectionId, 0u);
        });
        if (status != MoveItemsStatus.Success) return new MoveItemsResult(move.SrcMsgId, status);

        if (cache.Get(move.SrcFldId) is { } sourceState && CollectionSync.Held(sourceState, uid) is { } flags)
        {
            cache.Stage(move.SrcFldId, CollectionSync.ClientDeleted(sourceState, uid));
            if (cache.Get(move.DstFldId) is { ModSeq: not 0 } destinationState)
                cache.Stage(move.DstFldId, CollectionSync.ClientAdded(destinationState, newUid, flags));
        }

        return new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.Success) { DstMsgId = ServerIds.Of(move.DstFldId, newUid) };
    }
}
