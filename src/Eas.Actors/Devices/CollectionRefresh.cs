using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// Takes a folder's current state into a collection state: a full listing the first time or when the filter
/// changed, a MODSEQ delta otherwise. Shared by Sync and GetItemEstimate so both count the same changes.
/// </summary>
internal static class CollectionRefresh
{
    /// <summary>
    /// The state with the folder's changes taken in, or null when the folder's UIDVALIDITY changed (the phone must
    /// resync it). With <paramref name="quarantinedDevice"/> the folder is seen through the quarantine window: only
    /// the notices addressed to that device (<see cref="Access.QuarantineView"/>), from a full listing each time.
    /// </summary>
    public static async Task<CollectionSyncState?> TakeInAsync(
        IMailSession session, string folder, CollectionSyncState state, SyncFilterType? filterType, DateTimeOffset now, CancellationToken cancellationToken,
        string? quarantinedDevice = null)
    {
        if (quarantinedDevice is not null) return await TakeInQuarantinedAsync(session, folder, state, quarantinedDevice, cancellationToken);
        var filter = (int)(filterType ?? SyncFilterType.NoFilter);
        var since = SyncFilter.Since(filterType, now);
        var fresh = filter != state.FilterType || state.ModSeq == 0;
        var listing = await session.ListMessagesAsync(folder, since, fresh ? 0 : state.ModSeq, state.UidValidity, cancellationToken);
        if (state.ModSeq != 0 && listing.UidValidity != state.UidValidity) return null;
        return CollectionSync.Absorb(state with { FilterType = filter }, listing, since);
    }

    private static async Task<CollectionSyncState?> TakeInQuarantinedAsync(IMailSession session, string folder, CollectionSyncState state, string deviceId, CancellationToken cancellationToken)
    {
        var notices = await session.SearchHeaderAsync(folder, Access.QuarantineView.NoticeHeader, deviceId, cancellationToken);
        var listing = await session.ListMessagesAsync(folder, null, 0, state.UidValidity, cancellationToken);
        if (state.ModSeq != 0 && listing.UidValidity != state.UidValidity) return null;
        return CollectionSync.Absorb(state with { FilterType = Access.QuarantineView.WindowFilterType }, Access.QuarantineView.Restrict(listing, notices), null);
    }
}
