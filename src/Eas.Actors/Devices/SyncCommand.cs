using System.Collections.Immutable;
using Eas.Wire.Commands.Sync;

namespace Eas.Actors.Devices;

/// <summary>
/// Sync (MS-ASCMD 2.2.1.21) for email folders: each collection of the request is synced on its own
/// (<see cref="SyncCollectionRunner"/>). An empty request (no body, MS-ASCMD 2.2.1.21.1), one with only Wait or
/// HeartbeatInterval, or a Partial one repeats the last one (12.1+), or is Status 13 when there is none to repeat;
/// a Sync element with none of these (<c>&lt;Sync/&gt;</c>) is Status 4, a semantic error (MS-ASCMD 2.2.3.177.17).
/// Wait and HeartbeatInterval out of range are Status 14 with the Limit (MS-ASCMD 2.2.3.97); WindowSize 0 or
/// above 512 is taken as 512 (MS-ASCMD 2.2.3.199), which is no error.
/// </summary>
internal static class SyncCommand
{
    public const int DefaultWindowSize = 100;
    public const int MaxWindowSize = 512;

    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, Func<string> newEpoch, WatchTarget target, DateTimeOffset now)
    {
        var incoming = request.Body as SyncRequest;
        if (incoming is { Collections.IsDefaultOrEmpty: true, Partial: false, Wait: null, HeartbeatInterval: null })
            return new Decision(new RespondWith(new SyncResponse { Status = SyncStatus.ProtocolError }), []);
        var repeats = incoming is null || incoming.Collections.IsDefaultOrEmpty || incoming.Partial;
        if (repeats && cache.LastRequest is null && (incoming is null || incoming.Collections.IsDefaultOrEmpty))
            return new Decision(new RespondWith(new SyncResponse { Status = SyncStatus.IncompleteRequest }), []);
        var body = repeats && cache.LastRequest is { } last ? await MergeAsync(last, incoming, cache) : incoming!;

        var waitSeconds = body.HeartbeatInterval ?? body.Wait * 60;
        if (waitSeconds is { } asked && (asked < settings.Ping.MinHeartbeatSeconds || asked > settings.Ping.MaxHeartbeatSeconds))
        {
            var bound = asked < settings.Ping.MinHeartbeatSeconds ? settings.Ping.MinHeartbeatSeconds : settings.Ping.MaxHeartbeatSeconds;
            var limit = body.HeartbeatInterval is null ? bound / 60 : bound;
            return new Decision(new RespondWith(new SyncResponse { Status = SyncStatus.InvalidWaitOrHeartbeatInterval, Limit = limit }), []);
        }

        cache.LastRequest = body with { Collections = [.. body.Collections.Select(c => c with { Commands = [] })], Partial = false };
        var runner = new SyncCollectionRunner(request, settings, cache, newEpoch, now);
        var pim = new PimSyncRunner(request, settings, cache, newEpoch);
        var collections = ImmutableArray.CreateBuilder<SyncCollectionResponse>(body.Collections.Length);
        foreach (var collection in body.Collections)
        {
            var window = WindowFor(collection.WindowSize ?? body.WindowSize);
            collections.Add(await IsPimAsync(request, settings, cache, collection.CollectionId)
                ? await pim.RunAsync(collection, window)
                : await runner.RunAsync(collection, window));
        }

        var response = new SyncResponse { Collections = collections.ToImmutable() };
        var keys = body.Collections.ToDictionary(c => c.CollectionId, c => c.SyncKey, StringComparer.Ordinal);
        if (waitSeconds is { } wait && !request.Resumed && response.Collections.All(c => IsQuiet(c, keys)))
        {
            var parked = body with { Collections = [.. body.Collections.Select(c => c with { Commands = [] })] };
            return new Decision(await ParkAsync(request with { Body = parked }, settings, cache, target, wait), []);
        }

        return new Decision(new RespondWith(response), []);
    }

    /// <summary>
    /// Whether a collection is a PIM folder: it has a PIM sync state, or (never synced as either) the account's folder
    /// map or PIM store says so. A folder with an email sync state is email.
    /// </summary>
    private static async Task<bool> IsPimAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, string folderId)
    {
        if (cache.Pim.Get(folderId) is not null) return true;
        if (cache.Get(folderId) is not null) return false;
        return await MailboxWork.RunAsync(request, settings, async context =>
        {
            if (!context.HasPim) return false;
            if (await context.ResolveAsync(folderId) is { } name) return context.HoldsPim(name);
            return (await PimFolders.ListAsync(context))?.Any(f => f.FolderId == folderId) ?? false;
        });
    }

    /// <summary>The window a WindowSize asks: 100 when absent, 512 for 0 and anything above 512 (MS-ASCMD 2.2.3.199).</summary>
    internal static int WindowFor(int? asked) => asked switch
    {
        null => DefaultWindowSize,
        0 or > MaxWindowSize => MaxWindowSize,
        _ => asked.Value,
    };

    /// <summary>
    /// An empty or Partial Sync (12.1+, MS-ASCMD Sync and its Partial element): the cached collections, with those
    /// the request names replaced by its own, and its Wait, HeartbeatInterval and WindowSize where given. A
    /// cached collection runs with its current key, since the phone has moved past the key it once sent.
    /// </summary>
    private static async Task<SyncRequest> MergeAsync(SyncRequest cached, SyncRequest? incoming, CollectionCache cache)
    {
        var named = incoming?.Collections.IsDefaultOrEmpty == false ? incoming.Collections : [];
        var byId = named.Select(c => c.CollectionId).ToHashSet(StringComparer.Ordinal);
        var collections = ImmutableArray.CreateBuilder<SyncCollectionRequest>();
        foreach (var collection in cached.Collections.Where(c => !byId.Contains(c.CollectionId)))
            collections.Add(cache.Get(collection.CollectionId) is { } state ? collection with { SyncKey = state.Key } : collection);
        collections.AddRange(named);
        return cached with
        {
            Collections = collections.ToImmutable(),
            Wait = incoming?.Wait ?? (incoming?.HeartbeatInterval is null ? cached.Wait : null),
            HeartbeatInterval = incoming?.HeartbeatInterval ?? (incoming?.Wait is null ? cached.HeartbeatInterval : null),
            WindowSize = incoming?.WindowSize ?? cached.WindowSize,
        };
    }

    /// <summary>A collection answer with nothing for the phone: a Sync with Wait parks instead of sending it (MS-ASCMD 2.2.3.198).</summary>
    private static bool IsQuiet(SyncCollectionResponse collection, Dictionary<string, string> requestedKeys) =>
        collection.Status == SyncStatus.Success && collection.Commands.IsDefaultOrEmpty && collection.Responses.IsDefaultOrEmpty
        && !collection.MoreAvailable && requestedKeys.GetValueOrDefault(collection.CollectionId) == collection.SyncKey;

    /// <summary>Parks the Sync like a Ping on its collections; it is run again when one of them changes.</summary>
    private static async Task<CommandOutcome> ParkAsync(DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, WatchTarget target, int waitSeconds)
    {
        var ids = ((SyncRequest)request.Body!).Collections.Select(c => c.CollectionId).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var (names, stamps) = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var byName = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var stampsByName = ImmutableDictionary.CreateBuilder<string, Mailboxes.FolderStamp>(StringComparer.Ordinal);
            var tokens = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if ((await context.ResolveEmailAsync(request, id) ?? await PimFolders.ImapNameOfAsync(context, request, id)) is not { } name)
                {
                    if (await PolledCollectionAsync(context, request, id) is { } polled && cache.Pim.Get(id) is { } synced)
                    {
                        byName[polled] = id;
                        tokens[polled] = synced.Token ?? "";
                    }

                    continue;
                }

                byName[name] = id;
                stampsByName[name] = await context.Session.StampAsync(name, context.CancellationToken);
            }

            context.Watch(target.For(request, [.. byName.Keys], stampsByName.ToImmutable()) with { PimTokens = tokens.ToImmutable() });
            return (byName.ToImmutable(), stampsByName.ToImmutable());
        });
        return new ParkPing(new PingParameters(waitSeconds, ids), names, stamps) { Resume = request };
    }

    /// <summary>
    /// The watched name (<see cref="Mailboxes.Pim.PimWatch.NameOf"/>) of a PIM folder no IMAP watcher sees (a DAV
    /// address book or calendar), which the mailbox polls; null for other folders or when the store cannot be reached.
    /// </summary>
    private static async Task<string?> PolledCollectionAsync(Mailboxes.MailboxContext context, DeviceRequest request, string folderId)
    {
        if (!context.HasPim || context.Pim.Kind == Mailboxes.Pim.PimStoreKinds.Imap) return null;
        try
        {
            return await PimFolders.ResolveAsync(context, request, folderId) is { } folder ? Mailboxes.Pim.PimWatch.NameOf(folder.Collection.Id) : null;
        }
        catch (Eas.Mail.Pim.PimStoreUnavailableException)
        {
            return null;
        }
    }
}
