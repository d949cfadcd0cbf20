using System.Collections.Immutable;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands.MoveItems;

namespace Eas.Actors.Devices;

/// <summary>
/// MoveItems (MS-ASCMD 2.2.1.12): moves messages between folders with IMAP MOVE and answers each with its
/// new ServerId (from COPYUID). The device's sync states are left as they are: "the client receives Delete and
/// Add operations the next time the client synchronizes the affected folders" (MS-ASCMD 2.2.1.12), which the
/// folders' own changes (VANISHED in the source, a new UID in the destination) bring. An item named again after
/// it was moved earlier in the same request is <see cref="MoveItemsStatus.MoveFailure"/> ("the item cannot be
/// moved to more than one item at a time", MS-ASCMD 2.2.3.177.10). Items of PIM folders move through the PIM
/// store instead (<see cref="PimMoves"/>). A changed draft's ServerId names its current message
/// (<see cref="CollectionCache.StoreUid"/>): the phone keeps the ServerId of the draft it added.
/// </summary>
internal static class MoveItemsCommand
{
    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache collections)
    {
        var body = (MoveItemsRequest)request.Body!;
        var results = ImmutableArray.CreateBuilder<MoveItemsResult>(body.Moves.Length);
        var moved = new HashSet<(string Folder, string Item)>();
        foreach (var move in body.Moves)
        {
            if (moved.Contains((move.SrcFldId, move.SrcMsgId)))
            {
                results.Add(new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.MoveFailure));
                continue;
            }

            var result = await MoveAsync(move, request, settings, collections);
            if (result.Status == MoveItemsStatus.Success) moved.Add((move.SrcFldId, move.SrcMsgId));
            results.Add(result);
        }

        return new Decision(new RespondWith(new MoveItemsResponse(results.ToImmutable())), []);
    }

    private static async Task<MoveItemsResult> MoveAsync(MoveItemsMove move, DeviceRequest request, DeviceActorSettings settings, CollectionCache collections)
    {
        if (move.SrcFldId == move.DstFldId) return new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.SameSourceAndDestination);
        if (await PimMoves.TryMoveAsync(move, request, settings, collections.Pim) is { } pim) return pim;
        if (!ServerIds.TryParse(move.SrcMsgId, move.SrcFldId, out var phoneUid)) return new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.InvalidSourceCollectionId);
        var uid = collections.StoreUid(move.SrcFldId, phoneUid);
        var (status, newUid) = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var source = await context.ResolveEmailAsync(request, move.SrcFldId);
            if (source is null) return (MoveItemsStatus.InvalidSourceCollectionId, 0u);
            var destination = await context.ResolveEmailAsync(request, move.DstFldId);
            if (destination is null) return (MoveItemsStatus.InvalidDestinationCollectionId, 0u);
            var moved = await context.Session.MoveAsync(source, [uid], destination, context.CancellationToken);
            return moved.TryGetValue(uid, out var target) ? (MoveItemsStatus.Success, target) : (MoveItemsStatus.InvalidSourceCollectionId, 0u);
        });
        return status != MoveItemsStatus.Success
            ? new MoveItemsResult(move.SrcMsgId, status)
            : new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.Success) { DstMsgId = ServerIds.Of(move.DstFldId, newUid) };
    }
}
