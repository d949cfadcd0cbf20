using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Eas.Actors.Persistence;

namespace Eas.Actors.Devices;

/// <summary>
/// The devices of one account for the admin views: the device streams in the journal (found by their
/// persistence id prefix), each asked for its state through the shard region. Listing persistence ids reads
/// every id in the journal, which is fine for an operator's request but not for a request path.
/// </summary>
public sealed class DeviceListing(ActorSystem system, DeviceRegion devices)
{
    /// <summary>The account's devices that have a state, by DeviceId, each with its loop flag.</summary>
    public async Task<IReadOnlyList<DeviceStateReply>> ListAsync(string accountId, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var prefix = PersistenceIds.DevicesOf(accountId);
        var ids = await journal.CurrentPersistenceIds()
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .RunWith(Sink.Seq<string>(), system.Materializer());
        var replies = await Task.WhenAll(ids.Select(id => devices.GetReplyAsync(accountId, id[prefix.Length..], deadline, cancellationToken)));
        return [.. replies.Where(r => r.State is not null).OrderBy(r => r.State!.DeviceId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every device of every account whose state <paramref name="wanted"/> accepts (<see cref="Quarantined"/>,
    /// <see cref="WipePending"/>), by account and DeviceId. It reads every device stream id in the journal and asks
    /// each device: for an operator's request only.
    /// </summary>
    public async Task<IReadOnlyList<DeviceStateReply>> ListWhereAsync(Func<DeviceState, bool> wanted, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var ids = await journal.CurrentPersistenceIds()
            .Where(id => id.StartsWith(PersistenceIds.DevicePrefix, StringComparison.Ordinal))
            .RunWith(Sink.Seq<string>(), system.Materializer());
        var keys = ids.Select(id => id[PersistenceIds.DevicePrefix.Length..]).Select(key => (Account: key[..Math.Max(0, key.LastIndexOf('/'))], Device: key[(key.LastIndexOf('/') + 1)..]))
            .Where(key => key.Account.Length > 0);
        var replies = await Task.WhenAll(keys.Select(key => devices.GetReplyAsync(key.Account, key.Device, deadline, cancellationToken)));
        return [.. replies.Where(r => r.State is { } state && wanted(state))
            .OrderBy(r => r.State!.AccountId, StringComparer.Ordinal).ThenBy(r => r.State!.DeviceId, StringComparer.Ordinal)];
    }

    /// <summary>A device the rules or the default level hold in quarantine, with no admin decision yet.</summary>
    public static bool Quarantined(DeviceState state) => state.Access?.Level == Access.DeviceAccessLevel.Quarantine && state.AccessDecision is null;

    /// <summary>A device with a wipe it has not acknowledged.</summary>
    public static bool WipePending(DeviceState state) => state.RemoteWipe is { Pending: true };
}
