using System.Collections.Immutable;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands;
using Eas.Wire.Commands.GetItemEstimate;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Actors.Devices;

/// <summary>
/// GetItemEstimate (MS-ASCMD 2.2.1.9): how many changes the next Sync of each collection would bring. The
/// key must be the collection's current key (Status 4 otherwise, and when the folder's UIDVALIDITY changed;
/// Status 3 when the collection was never synced past key 0); the folder's changes are taken in on a copy of
/// the state, which is not written. PIM collections (with a PIM sync state) are estimated through the PIM store.
/// </summary>
internal static class GetItemEstimateCommand
{
    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, DateTimeOffset now)
    {
        var body = (GetItemEstimateRequest)request.Body!;
        var results = ImmutableArray.CreateBuilder<GetItemEstimateResult>(body.Collections.Length);
        foreach (var collection in body.Collections)
            results.Add(await EstimateAsync(collection, request, settings, cache, now));
        return new Decision(new RespondWith(new GetItemEstimateResponse { Status = GetItemEstimateStatus.Success, Results = results.ToImmutable() }), []);
    }

    private static async Task<GetItemEstimateResult> EstimateAsync(
        GetItemEstimateCollection collection, DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, DateTimeOffset now)
    {
        if (collection.CollectionId is not { } id) return new GetItemEstimateResult(GetItemEstimateStatus.InvalidCollection, "");
        if (collection.SyncKey is not { } syncKey) return new GetItemEstimateResult(GetItemEstimateStatus.InvalidSyncKey, id);
        if (syncKey != "0" && cache.Pim.Get(id) is { } pim) return await EstimatePimAsync(collection, id, syncKey, pim, request, settings);
        if (!FilterApplies(collection, request.Line.ProtocolVersion))
            return new GetItemEstimateResult((GetItemEstimateStatus)CommonStatus.ServerError, id);
        if (syncKey == "0") return new GetItemEstimateResult(GetItemEstimateStatus.SyncStateNotPrimed, id);
        var state = cache.Get(id);
        if (state is null) return new GetItemEstimateResult(GetItemEstimateStatus.SyncStateNotPrimed, id);
        if (CollectionSync.Match(state, syncKey) != KeyMatch.Current) return new GetItemEstimateResult(GetItemEstimateStatus.InvalidSyncKey, id);
        var filterType = collection.Options.FirstOrDefault()?.FilterType ?? collection.FilterType ?? state.Options?.FilterType;
        var (found, estimate) = await MailboxWork.RunAsync(request, settings, async context =>
        {
            if (await context.ResolveEmailAsync(request, id) is not { } name) return (false, (long?)null);
            var absorbed = await CollectionRefresh.TakeInAsync(
                context.Session, name, CollectionSync.Confirm(state), filterType, now, context.CancellationToken, request.Quarantined ? request.Line.DeviceId : null);
            return (true, absorbed is null ? null : absorbed.PendingAdds.Count + absorbed.PendingChanges.Count + absorbed.PendingDeletes.Count);
        });
        return (found, estimate) switch
        {
            (_, { } count) => new GetItemEstimateResult(GetItemEstimateStatus.Success, id) { Estimate = count },
            (true, null) => new GetItemEstimateResult(GetItemEstimateStatus.InvalidSyncKey, id),
            _ => new GetItemEstimateResult(GetItemEstimateStatus.InvalidCollection, id),
        };
    }

    /// <summary>
    /// A PIM collection: what waits plus the store's changes since the state's token, taken in on a copy of the state
    /// (not written), through the FilterType window as Sync would apply it (MS-ASCMD 2.2.3.68.1: an estimate of the
    /// items within the filter), so new items outside the window are not counted. From 14.0 a FilterType the class
    /// cannot take is answered like email's; a folder that left the hierarchy (or its data class switched off) is
    /// Status 2, a store that cannot be reached the common ServerError.
    /// </summary>
    private static async Task<GetItemEstimateResult> EstimatePimAsync(
        GetItemEstimateCollection collection, string id, string syncKey, Sync.Pim.PimSyncState state, DeviceRequest request, DeviceActorSettings settings)
    {
        if (Sync.Pim.PimSync.Match(state, syncKey) != KeyMatch.Current) return new GetItemEstimateResult(GetItemEstimateStatus.InvalidSyncKey, id);
        var asked = collection.Options.FirstOrDefault()?.FilterType ?? collection.FilterType;
        try
        {
            var (found, estimate) = await MailboxWork.RunAsync(request, settings, async context =>
            {
                if (await PimFolders.ResolveAsync(context, request, id) is not { } folder || context.Codecs.For(folder.Kind) is not { } codec) return (false, (int?)null);
                if (asked is { } filterAsked && request.Line.ProtocolVersion >= ProtocolVersion.V140 && !SyncFilterTypes.AppliesTo(filterAsked, codec.ClassName))
                    return (true, null);
                var store = context.Pim;
                var now = settings.Clock.GetUtcNow();
                var filter = PimWindow.FilterFor(asked ?? state.Options?.FilterType, codec);
                var changes = await store.GetChangesAsync(folder.Collection.Id, state.Token, context.CancellationToken);
                var taken = Sync.Pim.PimSync.TakeIn(Sync.Pim.PimSync.Confirm(state), changes);
                if (PimWindow.NeedsCheck(taken, PimWindow.FilterFor(state.Options, codec), filter, now))
                    taken = await PimWindow.CheckAsync(store, folder.Collection.Id, codec, taken, filter, now, context.CancellationToken);
                if (filter == SyncFilterType.NoFilter || taken.PendingAdds.IsEmpty) return (true, taken.PendingCount);
                var adds = await store.GetAsync(folder.Collection.Id, [.. taken.PendingAdds.Keys], context.CancellationToken);
                var inside = adds.Count(a => PimWindow.Inside(codec, a.Content, filter, now));
                return (true, taken.PendingCount - taken.PendingAdds.Count + inside);
            });
            return (found, estimate) switch
            {
                (_, { } count) => new GetItemEstimateResult(GetItemEstimateStatus.Success, id) { Estimate = count },
                (true, null) => new GetItemEstimateResult((GetItemEstimateStatus)CommonStatus.ServerError, id),
                _ => new GetItemEstimateResult(GetItemEstimateStatus.InvalidCollection, id),
            };
        }
        catch (Eas.Mail.Pim.PimStoreUnavailableException)
        {
            return new GetItemEstimateResult((GetItemEstimateStatus)CommonStatus.ServerError, id);
        }
    }

    /// <summary>
    /// From 14.0, a FilterType the collection's class cannot take (an email folder asked for incomplete tasks, or
    /// for three months) is answered 110 in the collection's Response (MS-ASCMD 2.2.3.68.1, 2.2.2). The folders
    /// estimated here are mail folders: a collection's class is Email unless the request names another.
    /// Older versions keep the earlier answer (the filter as given).
    /// </summary>
    private static bool FilterApplies(GetItemEstimateCollection collection, ProtocolVersion version)
    {
        if (version < ProtocolVersion.V140) return true;
        foreach (var options in collection.Options)
        {
            if (options.FilterType is { } filter && !SyncFilterTypes.AppliesTo(filter, options.Class ?? collection.Class ?? "Email"))
                return false;
        }

        return collection.FilterType is not { } legacy || SyncFilterTypes.AppliesTo(legacy, collection.Class ?? "Email");
    }
}
