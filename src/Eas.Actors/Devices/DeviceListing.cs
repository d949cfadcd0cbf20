using Akka.Actor;
using Eas.Actors.Devices.Lists;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Devices;

/// <summary>
/// The devices for the admin views. One account's: the device streams in the journal (found by their persistence id
/// prefix), each asked for its state through the shard region; listing persistence ids reads every id in the journal,
/// which is fine for an operator's request but not for a request path. The quarantined and wipe-pending lists of the
/// whole deployment: read from the device list index, without asking any device.
/// </summary>
public sealed class DeviceListing(ActorSystem system, DeviceRegion devices, DeviceListIndex lists)
{
    private readonly ReadJournalSource _journal = new(system);

    /// <summary>The account's devices that have a state, by DeviceId, each with its loop flag.</summary>
    /// <exception cref="Persistence.StoreUnavailableException">The journal is not ready yet, or the database could not be read.</exception>
    public async Task<IReadOnlyList<DeviceStateReply>> ListAsync(string accountId, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var prefix = PersistenceIds.DevicesOf(accountId);
        var ids = await _journal.PersistenceIdsAsync(prefix, cancellationToken);
        var replies = await Task.WhenAll(ids.Select(id => devices.GetReplyAsync(accountId, id[prefix.Length..], deadline, cancellationToken)));
        return [.. replies.Where(r => r.State is not null).OrderBy(r => r.State!.DeviceId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every device of every account whose state <paramref name="wanted"/> accepts (<see cref="Quarantined"/>,
    /// <see cref="WipePending"/>), by account and DeviceId, as each last told the index (<see cref="DeviceListIndex"/>):
    /// no device actor is started. What only a running device knows (its loop flag, a parked Ping) is not shown.
    /// </summary>
    public async Task<IReadOnlyList<DeviceStateReply>> ListWhereAsync(Func<DeviceState, bool> wanted, CancellationToken cancellationToken = default)
    {
        var listed = await lists.ReadAsync(cancellationToken);
        return [.. listed.Where(wanted)
            .OrderBy(state => state.AccountId, StringComparer.Ordinal).ThenBy(state => state.DeviceId, StringComparer.Ordinal)
            .Select(state => new DeviceStateReply(state))];
    }

    /// <summary>A device the rules or the default level hold in quarantine, with no admin decision yet.</summary>
    public static bool Quarantined(DeviceState state) => DeviceListRules.Quarantined(state);

    /// <summary>A device with a wipe it has not acknowledged.</summary>
    public static bool WipePending(DeviceState state) => DeviceListRules.WipePending(state);
}
