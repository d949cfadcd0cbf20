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
    public async Task<IReadOnlyList<DeviceState>> ListAsync(string accountId, TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var prefix = PersistenceIds.DevicesOf(accountId);
        var ids = await journal.CurrentPersistenceIds()
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .RunWith(Sink.Seq<string>(), system.Materializer());
        var states = await Task.WhenAll(ids.Select(id => devices.GetStateAsync(accountId, id[prefix.Length..], deadline, cancellationToken)));
        return [.. states.OfType<DeviceState>().OrderBy(d => d.DeviceId, StringComparer.Ordinal)];
    }
}
