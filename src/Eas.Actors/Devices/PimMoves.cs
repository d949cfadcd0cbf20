using System.Globalization;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.MoveItems;

namespace Eas.Actors.Devices;

/// <summary>
/// MoveItems of PIM items (MS-ASCMD 2.2.1.12) between folders of one kind (contacts to contacts, calendar to
/// calendar...), through <see cref="IPimStore.MoveAsync"/>. The
/// source's sync state is left as it is, so its next Sync reports the Delete (MS-ASCMD 2.2.1.12: "the client receives
/// Delete and Add operations the next time the client synchronizes the affected folders"). The destination's state
/// records the item under the answered DstMsgId (MS-ASCMD 2.2.3.52) at the version the store gave it, so the phone,
/// which already holds it under that id, is not sent a second copy, and later changes reach it under that id. A move
/// between a PIM folder and a folder of another class is <see cref="MoveItemsStatus.InvalidDestinationCollectionId"/>
/// (MS-ASCMD 2.2.3.177.9); a store that cannot be reached is <see cref="MoveItemsStatus.MoveFailure"/>, which the phone may retry.
/// </summary>
internal static class PimMoves
{
    /// <summary>The answer for a move out of a PIM folder; null when the source is not a PIM folder.</summary>
    public static async Task<MoveItemsResult?> TryMoveAsync(MoveItemsMove move, DeviceRequest request, DeviceActorSettings settings, PimCollectionCache states)
    {
        var outcome = await MailboxWork.RunAsync(request, settings, async context =>
        {
            try
            {
                if (await PimFolders.ResolveAsync(context, request, move.SrcFldId) is not { } source) return null;
                if (await PimFolders.ResolveAsync(context, request, move.DstFldId) is not { } destination || destination.Kind != source.Kind)
                    return new Outcome(MoveItemsStatus.InvalidDestinationCollectionId, null, null);
                if (states.Get(move.SrcFldId) is not { } state || HeldItem(state, move.SrcMsgId) is not { } itemId)
                    return new Outcome(MoveItemsStatus.InvalidSourceCollectionId, null, null);
                var version = await context.Pim.MoveAsync(source.Collection.Id, itemId, destination.Collection.Id, context.CancellationToken);
                return new Outcome(MoveItemsStatus.Success, itemId, version.Version);
            }
            catch (PimStoreUnavailableException)
            {
                return new Outcome(MoveItemsStatus.MoveFailure, null, null);
            }
        });
        if (outcome is null) return null;
        if (outcome.Status != MoveItemsStatus.Success) return new MoveItemsResult(move.SrcMsgId, outcome.Status);
        return new MoveItemsResult(move.SrcMsgId, MoveItemsStatus.Success) { DstMsgId = Hold(states, move.DstFldId, outcome.ItemId!, outcome.Version!) };
    }

    /// <summary>The store item behind a ServerId the phone holds: confirmed, or carried by the last response it has not yet acknowledged.</summary>
    private static string? HeldItem(PimSyncState state, string serverId) =>
        state.Items.TryGetValue(serverId, out var held) ? held.ItemId
        : state.Sent?.Adds.FirstOrDefault(a => a.ServerId == serverId)?.ItemId;

    /// <summary>Records the moved item as held by the phone in the destination and answers its ServerId there.</summary>
    private static string Hold(PimCollectionCache states, string folderId, string itemId, string version)
    {
        if (states.Get(folderId) is not { } state)
            return folderId + ":m" + ((uint)StringComparer.Ordinal.GetHashCode(itemId)).ToString(CultureInfo.InvariantCulture);
        var (next, serverId) = PimSync.NewServerId(state, folderId);
        states.Stage(folderId, PimSync.ClientAdded(next, serverId, itemId, version));
        return serverId;
    }

    private sealed record Outcome(MoveItemsStatus Status, string? ItemId, string? Version);
}
