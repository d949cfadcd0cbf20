using System.Collections.Immutable;
using Eas.Actors.Mailboxes;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Hierarchy;
using Eas.Wire.Commands.Ping;

namespace Eas.Actors.Devices;

/// <summary>
/// Ping (MS-ASCMD 2.2.1.13) up to the moment it parks: the request rules (<see cref="PingRules"/>), then one
/// mailbox round trip that answers at once when it can — Status 7 when the folder hierarchy changed or a
/// folder is unknown, Status 2 with the folders that changed since this device last synced them (new mail,
/// flag changes, expunges by MODSEQ, or items still waiting) — and otherwise parks with the folders' stamps
/// as the watcher's baseline.
/// </summary>
internal static class PingCommand
{
    public static async Task<Decision> DecideAsync(DeviceState state, DeviceRequest request, DeviceActorSettings settings, CollectionCache cache, WatchTarget target, DateTimeOffset now)
    {
        var body = request.Body as PingRequest ?? new PingRequest();
        var (parameters, refusal) = PingRules.Decide(state.Ping, body, settings.Ping);
        if (refusal is not null) return new Decision(new RespondWith(refusal), []);
        ImmutableArray<DeviceEvent> events = parameters != state.Ping ? [new PingParametersSet(now, parameters!)] : [];

        var collections = new Dictionary<string, CollectionSyncState?>(StringComparer.Ordinal);
        foreach (var id in parameters!.FolderIds) collections[id] = cache.Get(id);
        var check = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var pim = await PimFolders.ListAsync(context);
            var listed = await context.RefreshFoldersAsync();
            var visible = MailboxWork.VisibleFolders(request, context, listed, pim, state.Hierarchy?.Known.Values);
            var views = request.Quarantined ? Access.QuarantineView.Folders(visible) : visible;
            if (state.Hierarchy is null || HierarchySync.HasChanges(state.Hierarchy, views) || parameters.FolderIds.Any(id => views.All(v => v.ServerId != id)))
                return new PingCheck(true, [], ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, FolderStamp>.Empty);
            var changed = ImmutableArray.CreateBuilder<string>();
            var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var stamps = ImmutableDictionary.CreateBuilder<string, FolderStamp>(StringComparer.Ordinal);
            var tokens = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var selectable = listed.Where(f => f.Selectable).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var id in parameters.FolderIds)
            {
                var name = context.Folders.NameOf(id);
                var pimFolder = pim?.FirstOrDefault(f => f.FolderId == id && PimFolders.Allows(request, f.Kind));
                if (pimFolder is not null && await PimChangedAsync(context, pimFolder, cache.Pim.Get(id))) changed.Add(id);
                if (name is null && pimFolder is not null && cache.Pim.Get(id) is { } synced)
                {
                    var watched = Mailboxes.Pim.PimWatch.NameOf(pimFolder.Collection.Id);
                    names[watched] = id;
                    tokens[watched] = synced.Token ?? "";
                }

                if (name is null || !selectable.Contains(name)) continue;
                var stamp = await context.Session.StampAsync(name, context.CancellationToken);
                names[name] = id;
                stamps[name] = stamp;
                if (pimFolder is null && ChangedSinceSync(collections[id], stamp)) changed.Add(id);
            }

            if (changed.Count == 0) context.Watch(target.For(request, [.. names.Keys], stamps.ToImmutable()) with { PimTokens = tokens.ToImmutable() });
            return new PingCheck(false, changed.ToImmutable(), names.ToImmutable(), stamps.ToImmutable());
        });

        if (check.Hierarchy) return new Decision(new RespondWith(new PingResponse(PingStatus.FolderHierarchySyncRequired)), events);
        if (!check.Changed.IsEmpty) return new Decision(new RespondWith(new PingResponse(PingStatus.ChangesFound) { Folders = check.Changed }), events);
        return new Decision(new ParkPing(parameters, check.Names, check.Stamps), events);
    }

    /// <summary>
    /// A PIM folder never synced, with items still to send, or whose store token moved since the last sync has
    /// changes for the phone; a store that cannot be reached is no change (the Ping parks and the watcher goes on).
    /// </summary>
    internal static async Task<bool> PimChangedAsync(MailboxContext context, PimFolder folder, Sync.Pim.PimSyncState? state)
    {
        if (state is null || state.HasPending) return true;
        try
        {
            return await context.Pim.GetTokenAsync(folder.Collection.Id, context.CancellationToken) != state.Token;
        }
        catch (Eas.Mail.Pim.PimStoreUnavailableException)
        {
            return false;
        }
    }

    /// <summary>A folder never synced, with items still to send, or whose stamp moved past the last listing has changes for the phone.</summary>
    private static bool ChangedSinceSync(CollectionSyncState? state, FolderStamp stamp) =>
        state is null || state.HasPending || stamp.UidValidity != state.UidValidity || stamp.HighestModSeq > state.ModSeq;
}

/// <summary>The device a parked request belongs to, for the mailbox's watch list.</summary>
internal sealed record WatchTarget(string DeviceKey, Akka.Actor.IActorRef Device)
{
    public WatchFolders For(DeviceRequest request, ImmutableArray<string> folderNames, ImmutableDictionary<string, FolderStamp> stamps) =>
        new(DeviceKey, Device, request.Credentials!, folderNames, stamps);
}

/// <summary>What the mailbox round trip of a Ping found.</summary>
internal sealed record PingCheck(bool Hierarchy, ImmutableArray<string> Changed, ImmutableDictionary<string, string> Names, ImmutableDictionary<string, FolderStamp> Stamps);

/// <summary>Park the Ping: wait for these folders (IMAP name to folder id) to change, from these stamps.</summary>
/// <summary>
/// Park the request: wait for these folders (IMAP name to folder id) to change, from these stamps. A parked
/// Sync (<see cref="Resume"/> set) is run again on a change and answered with an empty body at its timeout.
/// </summary>
internal sealed record ParkPing(PingParameters Parameters, ImmutableDictionary<string, string> FolderIdsByName, ImmutableDictionary<string, FolderStamp> Stamps) : CommandOutcome
{
    public DeviceRequest? Resume { get; init; }
}
