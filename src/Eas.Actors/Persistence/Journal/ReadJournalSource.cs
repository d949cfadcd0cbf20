using System.Data.Common;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Eas.Actors.Persistence.Journal;

/// <summary>
/// Akka.Persistence.Sql's read journal (<see cref="SqlReadJournal"/>) for the admin's reads (<see cref="Audit.AuditReader"/>,
/// <see cref="Devices.DeviceListing"/>, <see cref="Gal.JournalAccounts"/>), made only once the write journal is ready.
/// </summary>
/// <remarks>
/// The read journal's constructor blocks its thread for up to 5 s asking the write journal whether it has created its
/// tables (the write journal holds every message until it has) and throws when it has not: on a loaded node at start,
/// or with a slow database, an admin read right after the start failed with a 500. Here the write journal is asked
/// first (<see cref="ReadyAsync"/>), without blocking a thread and for longer; a journal not ready by then, or a read
/// the database fails, is a <see cref="StoreUnavailableException"/> (HTTP 503 with Retry-After). Once made, the read
/// journal is kept (Akka's <see cref="PersistenceQuery"/> keeps it too).
/// </remarks>
public sealed class ReadJournalSource(ActorSystem system, TimeSpan wait)
{
    /// <summary>How long a read waits for the journal after a start: within an operator's patience and an HTTP client's timeout.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);

    /// <summary>The persistence id <see cref="ReadyAsync"/> reads; nothing is ever written under it.</summary>
    private const string ProbeId = "eas-journal-probe";

    private SqlReadJournal? _journal;

    public ReadJournalSource(ActorSystem system)
        : this(system, DefaultWait)
    {
    }

    /// <summary>The read journal, once the write journal is ready.</summary>
    /// <exception cref="StoreUnavailableException">The journal was not ready within the wait.</exception>
    public async Task<SqlReadJournal> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _journal) is { } made) return made;
        try
        {
            await ReadyAsync(system, wait, cancellationToken);
            made = await Task.Run(() => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier), cancellationToken);
        }
        catch (Exception e) when (e is AskTimeoutException or AggregateException or System.Reflection.TargetInvocationException or InvalidOperationException)
        {
            throw new StoreUnavailableException($"The journal is not ready (it was not within {wait.TotalSeconds:0} s of this request); try again.", e);
        }

        Volatile.Write(ref _journal, made);
        return made;
    }

    /// <summary>
    /// The persistence ids in the journal that start with <paramref name="prefix"/>. Reads every id in the journal: for an
    /// operator's request or a listing kept for a while, not for each request of a phone.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The journal is not ready, or the database could not be read.</exception>
    public async Task<IReadOnlyList<string>> PersistenceIdsAsync(string prefix, CancellationToken cancellationToken)
    {
        var journal = await GetAsync(cancellationToken);
        try
        {
            return await journal.CurrentPersistenceIds()
                .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
                .RunWith(Sink.Seq<string>(), system.Materializer())
                .WaitAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new StoreUnavailableException("The journal's persistence ids could not be read.", e);
        }
    }

    /// <summary>
    /// Waits until the journal plugin answers a read, with <paramref name="deadline"/>. Akka.Persistence.Sql creates its
    /// tables when its journal starts and holds every message until then; a replay of an id that holds nothing (no rows
    /// are written) waits as long as it must.
    /// </summary>
    /// <exception cref="AskTimeoutException">The journal did not answer in time (the database is unreachable, or the journal failed to create its tables and stopped).</exception>
    /// <exception cref="InvalidOperationException">The journal answered that it could not read.</exception>
    public static async Task ReadyAsync(ActorSystem system, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var journal = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null);
        var answer = await journal.Ask<object>(replyTo => new ReplayMessages(0, 0, 0, ProbeId, replyTo), deadline, cancellationToken);
        if (answer is ReplayMessagesFailure failure) throw new InvalidOperationException("The journal could not be read.", failure.Cause);
    }
}
