using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// The FilterType window of a PIM collection (MS-ASCMD 2.2.3.68.2) against the store: which filter applies to a
/// class (one it cannot take, MS-ASCMD 2.2.3.68.2's table, counts as no filter for Sync), when every held and
/// kept-out item must be checked again (the filter changed, or a day has passed and the window moved), and that
/// check. Shared by Sync and GetItemEstimate so both count the same items.
/// </summary>
internal static class PimWindow
{
    /// <summary>How far the window may move before the held items are checked again.</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromDays(1);

    /// <summary>The filter in force for a class: the one asked for, or NoFilter where the class cannot take it.</summary>
    public static SyncFilterType FilterFor(SyncOptions? options, IPimItemCodec codec) => FilterFor(options?.FilterType, codec);

    /// <inheritdoc cref="FilterFor(SyncOptions?, IPimItemCodec)"/>
    public static SyncFilterType FilterFor(SyncFilterType? asked, IPimItemCodec codec) =>
        asked is { } filter && SyncFilterTypes.AppliesTo(filter, codec.ClassName) ? filter : SyncFilterType.NoFilter;

    /// <summary>Whether everything held and kept out must be checked again: the filter changed, or a dated window moved on.</summary>
    public static bool NeedsCheck(PimSyncState state, SyncFilterType before, SyncFilterType now, DateTimeOffset at) =>
        before != now || (now != SyncFilterType.NoFilter && (state.WindowCheckedAt is not { } checkedAt || at - checkedAt >= Recheck));

    /// <summary>Whether an item is inside the window; content the codec cannot judge counts as inside (it is sent, or skipped as unreadable).</summary>
    public static bool Inside(IPimItemCodec codec, string content, SyncFilterType filter, DateTimeOffset now)
    {
        if (filter == SyncFilterType.NoFilter) return true;
        try
        {
            return codec.InWindow(content, filter, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Checks every held and kept-out item against the window (<see cref="PimSync.Rewindowed"/>).</summary>
    public static async Task<PimSyncState> CheckAsync(
        IPimStore store, string collectionId, IPimItemCodec codec, PimSyncState state, SyncFilterType filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (filter == SyncFilterType.NoFilter)
            return PimSync.Rewindowed(state, new Dictionary<string, string>(), state.OutOfWindow.Keys.ToHashSet(StringComparer.Ordinal), now);
        var ids = state.Items.Values.Select(h => h.ItemId).Concat(state.OutOfWindow.Keys).Distinct(StringComparer.Ordinal).ToList();
        var read = ids.Count == 0 ? [] : await store.GetAsync(collectionId, ids, cancellationToken);
        var byItem = read.ToDictionary(o => o.ItemId, StringComparer.Ordinal);
        var heldOutside = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (serverId, held) in state.Items)
            if (byItem.TryGetValue(held.ItemId, out var stored) && !Inside(codec, stored.Content, filter, now)) heldOutside[serverId] = stored.Version;
        var backInside = state.OutOfWindow.Keys.Where(id => !byItem.TryGetValue(id, out var stored) || Inside(codec, stored.Content, filter, now)).ToHashSet(StringComparer.Ordinal);
        return PimSync.Rewindowed(state, heldOutside, backInside, now);
    }
}
