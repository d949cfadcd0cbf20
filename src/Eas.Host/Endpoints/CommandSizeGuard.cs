using Eas.Host.Options;
using Eas.Wire.Commands;
using Eas.Wire.Commands.ItemOperations;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;

namespace Eas.Host.Endpoints;

/// <summary>
/// The caps on the work one command may ask for, checked on the decoded body before the command is handed to
/// its device: an oversized request costs its decoding and nothing more, and never holds the account's mailbox.
/// MS-ASCMD 3.1.5.10 names the elements to count and the answer: the client's Add, Change, Delete and Fetch
/// over all collections of a Sync get Sync Status 4 (2.2.3.177.17); the Fetch, EmptyFolderContents and Move
/// operations of an ItemOperations get ItemOperations Status 11 (2.2.3.177.8). A server may choose its own
/// limits (3.1.5.10: at least 1); ours are far above the spec's suggestions (200 and 100), so only a broken or
/// hostile client meets them: a phone syncs at most 512 items a window (2.2.3.199) and fetches a few at once.
/// Zero turns a cap off.
/// </summary>
internal static class CommandSizeGuard
{
    /// <summary>Budget label of the Sync cap in logs and <c>eas_throttled_total</c>.</summary>
    public const string SyncItems = "sync_items";

    /// <summary>Budget label of the ItemOperations cap in logs and <c>eas_throttled_total</c>.</summary>
    public const string ItemOperations = "itemoperations_items";

    /// <summary>The cap the body is over, or null when it is within both (or is neither command).</summary>
    public static OversizedCommand? Check(object? body, BudgetOptions budgets) => body switch
    {
        SyncRequest sync when Over(sync.Collections.Sum(c => c.Commands.Length), budgets.MaxItemsPerSync) is { } items =>
            new OversizedCommand(EasCommand.Sync, (int)SyncStatus.ProtocolError, SyncItems, items, budgets.MaxItemsPerSync),
        ItemOperationsRequest request when Over(request.Operations.Length, budgets.MaxFetchesPerItemOperations) is { } items =>
            new OversizedCommand(EasCommand.ItemOperations, (int)ItemOperationsStatus.DataTooLarge, ItemOperations, items, budgets.MaxFetchesPerItemOperations),
        _ => null,
    };

    private static int? Over(int items, int limit) => limit > 0 && items > limit ? items : null;
}

/// <summary>A request over a cap of <see cref="CommandSizeGuard"/>: answered with <paramref name="Status"/> alone, its command never run.</summary>
/// <param name="Command">The command, whose top-level Status carries the answer.</param>
/// <param name="Status">The status MS-ASCMD 3.1.5.10 names for the cap.</param>
/// <param name="Budget">The cap's label for the log line and the metric.</param>
/// <param name="Items">How many items the request carried.</param>
/// <param name="Limit">The cap.</param>
internal sealed record OversizedCommand(EasCommand Command, int Status, string Budget, int Items, int Limit);
