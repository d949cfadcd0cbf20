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
}
