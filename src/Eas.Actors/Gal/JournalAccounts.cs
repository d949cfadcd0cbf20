using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Eas.Actors.Persistence;

namespace Eas.Actors.Gal;

/// <summary>
/// The accounts the server knows: every account with a stream in the journal (its gate's, <c>account|id</c>). Reading
/// the persistence ids reads every id in the journal, so <see cref="AccountsGalDirectory"/> reuses a listing for a while.
/// </summary>
public sealed class JournalAccounts(ActorSystem system)
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var prefix = PersistenceIds.Account(string.Empty);
        var ids = await journal.CurrentPersistenceIds()
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
            .RunWith(Sink.Seq<string>(), system.Materializer());
        return [.. ids.Select(id => id[prefix.Length..])];
    }
}
