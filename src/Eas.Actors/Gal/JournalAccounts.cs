using Akka.Actor;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Gal;

/// <summary>
/// The accounts the server knows: every account with a stream in the journal (its gate's, <c>account|id</c>). Reading
/// the persistence ids reads every id in the journal, so <see cref="AccountsGalDirectory"/> reuses a listing for a while.
/// </summary>
public sealed class JournalAccounts(ActorSystem system)
{
    private readonly ReadJournalSource _journal = new(system);

    /// <exception cref="StoreUnavailableException">The journal is not ready yet, or the database could not be read.</exception>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var prefix = PersistenceIds.Account(string.Empty);
        var ids = await _journal.PersistenceIdsAsync(prefix, cancellationToken);
        return [.. ids.Select(id => id[prefix.Length..])];
    }
}
