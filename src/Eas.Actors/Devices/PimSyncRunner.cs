using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Microsoft.Extensions.Logging;

namespace Eas.Actors.Devices;

/// <summary>
/// Syncs one PIM collection of a Sync request (MS-ASCMD 2.2.1.21; MS-ASCNTC 3.1.5, MS-ASCAL 3.1.5, MS-ASTASK 3.1.5,
/// MS-ASNOTE 3.1.5) over the account's PIM store, in one mailbox turn, with the codec of the folder's kind
/// (<see cref="PimCodecs"/>): checks the key (<see cref="PimSync.Match"/>), confirms the last response, takes in the
/// store's changes since the state's token (first, so a phone's Change meets the store as it is now and a conflict's
/// winning server version is already pending), applies the phone's commands (<see cref="PimClientCommands"/>, which
/// take their own writes out of what is pending), cuts the next window and reads only its items; then stages the new
/// state, which is written before the answer leaves. An item that cannot be read is skipped with a log line and never
/// blocks the collection; a store that cannot be reached answers this collection Status 16 (Retry, MS-ASCMD
/// 2.2.3.177.17) with the phone's own key, its state untouched, while the request's other collections are answered as usual.
/// </summary>
internal sealed partial class PimSyncRunner(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, Func<string> newEpoch)
{
    public async Task<SyncCollectionResponse> RunAsync(SyncCollectionRequest collection, int windowSize)
    {
        var folderId = collection.CollectionId;
        var state = cache.Pim.Get(folderId);
        var match = PimSync.Match(state, collection.SyncKey);
        try
        {
            switch (match)
            {
                case KeyMatch.Invalid:
                    return new SyncCollectionResponse(folderId, SyncStatus.InvalidSyncKey) { SyncKey = "0" };
                case KeyMatch.Initial:
                    var className = await MailboxWork.RunAsync(request, settings, async context =>
                        await PimFolders.ResolveAsync(context, request, folderId) is { } found ? context.Codecs.For(found.Kind)?.ClassName : null);
                    if (className is null) return FolderGone(collection);
                    var started = PimSync.Start(newEpoch(), state?.NextNumber ?? 1) with
                    {
                        Options = OptionsFor(collection, className, null),
                        Supported = SupportedTags(collection.Supported),
                    };
                    cache.Pim.Stage(folderId, started);
                    return new SyncCollectionResponse(folderId, SyncStatus.Success) { SyncKey = started.Key, Class = ClassFor(collection) };
            }

            var resent = match == KeyMatch.Resent;
            var held = resent ? PimSync.Restore(state!) : state!;
            var heldCounter = resent ? state!.Rollback!.Counter : state!.Counter;
            ImmutableArray<PimClientAdded> answeredBefore = resent ? state!.Sent?.ClientAddsOrEmpty ?? [] : [];
            var outcome = await MailboxWork.RunAsync(request, settings, context => SyncOnStoreAsync(context, collection, held, windowSize, resent, answeredBefore));
            if (outcome.State is { } next) cache.Pim.Stage(folderId, PimSync.Answered(next, held, heldCounter));
            if (outcome.ClassName is { } served) settings.SyncMetrics?.Exchanged(MetricClass(served), collection.Commands, outcome.Response.Commands);
            return outcome.Response;
        }
        catch (PimStoreUnavailableException e)
        {
            LogStoreDown(settings.Logger, request.AccountId, folderId, e.Message);
            return new SyncCollectionResponse(folderId, SyncStatus.Retry) { SyncKey = collection.SyncKey };
        }
    }

    private async Task<(PimSyncState? State, SyncCollectionResponse Response, string? ClassName)> SyncOnStoreAsync(
        MailboxContext context, SyncCollectionRequest collection, PimSyncState state, int windowSize, bool resent, ImmutableArray<PimClientAdded> answeredBefore)
    {
        var folderId = collection.CollectionId;
        if (await PimFolders.ResolveAsync(context, request, folderId) is not { } folder || context.Codecs.For(folder.Kind) is not { } codec)
            return (null, FolderGone(collection), null);
        var store = context.Pim;
        var options = OptionsFor(collection, codec.ClassName, state.Options);
        var codecContext = ContextFor(options, state);
        var filter = PimWindow.FilterFor(options, codec);
        var filterBefore = PimWindow.FilterFor(state.Options, codec);
        var organizer = codec.Kind == PimKind.Calendar ? new OrganizerMail(request, settings, codecContext.Now) : null;
        var clients = new PimClientCommands(store, folder, codec, codecContext, settings.Logger, request.AccountId, context.CancellationToken, organizer, answeredBefore);
        state = PimSync.Confirm(state) with { Options = options };
        state = PimSync.TakeIn(state, await store.GetChangesAsync(folder.Collection.Id, state.Token, context.CancellationToken));
        if (PimWindow.NeedsCheck(state, filterBefore, filter, codecContext.Now))
            state = await PimWindow.CheckAsync(store, folder.Collection.Id, codec, state, filter, codecContext.Now, context.CancellationToken);
        (state, var responses) = await clients.ApplyAsync(state, collection.Commands, options.Conflict ?? SyncConflictResolution.ServerWins);
        var newKey = resent || !collection.Commands.IsDefaultOrEmpty;
        PimSyncPlan plan;
        bool more;
        if (collection.GetChanges ?? true)
            (state, plan, more) = PimSync.NextWindow(state, folderId, windowSize, forceNewKey: newKey);
        else
            (state, plan, more) = (newKey ? PimSync.Advance(state) : state, PimSyncPlan.Empty, state.HasPending);

        var commands = ImmutableArray.CreateBuilder<SyncServerCommand>(plan.Count);
        foreach (var serverId in plan.Deletes) commands.Add(new SyncServerDelete(serverId));
        foreach (var (serverId, _) in plan.SoftDeletesOrEmpty) commands.Add(new SyncServerSoftDelete(serverId));
        if (plan.Adds.Length + plan.Changes.Length > 0)
        {
            var wanted = plan.Changes.Select(c => state.Items[c.Key].ItemId).Concat(plan.Adds.Select(a => a.ItemId)).ToList();
            var read = (await store.GetAsync(folder.Collection.Id, wanted, context.CancellationToken)).ToDictionary(o => o.ItemId, StringComparer.Ordinal);
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            var addsOutside = new HashSet<string>(StringComparer.Ordinal);
            var changesOutside = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (serverId, _) in plan.Changes)
            {
                var itemId = state.Items[serverId].ItemId;
                if (read.TryGetValue(itemId, out var stored) && !PimWindow.Inside(codec, stored.Content, filter, codecContext.Now))
                {
                    changesOutside.Add(serverId);
                    commands.Add(new SyncServerSoftDelete(serverId));
                }
                else if (Encode(codec, codecContext, read, itemId, unreadable) is { } data) commands.Add(new SyncServerChange(serverId, data));
            }

            foreach (var add in plan.Adds)
            {
                if (read.TryGetValue(add.ItemId, out var stored) && !PimWindow.Inside(codec, stored.Content, filter, codecContext.Now)) addsOutside.Add(add.ItemId);
                else if (Encode(codec, codecContext, read, add.ItemId, unreadable) is { } data) commands.Add(new SyncServerAdd(add.ServerId, data));
            }

            var missing = wanted.Where(id => !read.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
            state = PimSync.Delivered(PimSync.Filtered(state, addsOutside, changesOutside), unreadable, missing);
        }

        if (state.Sent is { } sent && !clients.Added.IsEmpty) state = state with { Sent = sent with { ClientAdds = clients.Added } };
        var response = new SyncCollectionResponse(folderId, SyncStatus.Success)
        {
            SyncKey = state.Key,
            Class = ClassFor(collection),
            MoreAvailable = more,
            Commands = commands.ToImmutable(),
            Responses = responses,
        };
        return (state, response, codec.ClassName);
    }

    /// <summary>The item as ApplicationData, or null (logged, and kept out until it changes) when it cannot be read.</summary>
    private Wire.Wbxml.WbxmlElement? Encode(IPimItemCodec codec, PimCodecContext codecContext, Dictionary<string, PimObject> read, string itemId, HashSet<string> unreadable)
    {
        if (!read.TryGetValue(itemId, out var stored)) return null;
        if (PimClientCommands.BuildOrNull(codec, stored.Content, codecContext) is { } data) return data;
        unreadable.Add(itemId);
        LogUnreadable(settings.Logger, codec.ClassName, request.AccountId, itemId);
        return null;
    }

    /// <summary>The Options of the collection's class (or without a class), else those the state kept.</summary>
    private static SyncOptions OptionsFor(SyncCollectionRequest collection, string className, SyncOptions? kept) =>
        collection.Options.FirstOrDefault(o => o.Class is null || o.Class == className) ?? kept ?? new SyncOptions();

    private PimCodecContext ContextFor(SyncOptions options, PimSyncState state) =>
        new(request.Line.ProtocolVersion, settings.Clock.GetUtcNow())
        {
            BodyPreferences = options.BodyPreferences.IsDefault ? [] : options.BodyPreferences,
            Truncation = options.Truncation,
            Supported = state.Supported is { } tags ? tags.ToHashSet() : null,
        };

    private static ImmutableArray<ushort>? SupportedTags(Wire.Wbxml.WbxmlElement? supported)
    {
        if (supported is null) return null;
        var tags = ImmutableArray.CreateBuilder<ushort>();
        foreach (var child in supported.Children) tags.Add(child.Tag);
        return tags.ToImmutable();
    }

    /// <summary>The sync metrics' data-class tag: <c>contacts</c>, <c>calendar</c>, <c>tasks</c>, <c>notes</c>.</summary>
    private static string MetricClass(string className) =>
        className == "Contacts" ? Diagnostics.SyncMetrics.Contacts : className.ToLowerInvariant();

    /// <summary>Status 12 for a folder that is not (or no longer) a PIM folder open to the account, with the client's own key.</summary>
    private static SyncCollectionResponse FolderGone(SyncCollectionRequest collection) =>
        new(collection.CollectionId, SyncStatus.FolderHierarchyChanged) { SyncKey = collection.SyncKey };

    /// <summary>Class is echoed up to 12.1, where the request carries it (MS-ASCMD 2.2.3.27.6).</summary>
    private string? ClassFor(SyncCollectionRequest collection) =>
        request.Line.ProtocolVersion < Wire.Http.ProtocolVersion.V140 ? collection.Class : null;

    [LoggerMessage(1230, LogLevel.Warning, "PIM store of {User} unavailable for folder {FolderId}: {Reason}")]
    private static partial void LogStoreDown(ILogger logger, string user, string folderId, string reason);

    [LoggerMessage(1231, LogLevel.Warning, "{ItemClass} item {ItemId} of {User} cannot be read; skipped until it changes")]
    private static partial void LogUnreadable(ILogger logger, string itemClass, string user, string itemId);
}
