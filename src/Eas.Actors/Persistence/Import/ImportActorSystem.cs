using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Eas.Actors.Persistence.Journal;
using Microsoft.Extensions.DependencyInjection;

namespace Eas.Actors.Persistence.Import;

/// <summary>
/// A short-lived, node-local actor system with the server's journal, snapshot store and serializer
/// (<see cref="EasPersistenceHostingExtensions.WithEasPersistence"/> with <see cref="EasManifests.Table"/>) and nothing
/// else: no cluster, no entities. The import runs in it before the server's own system starts, so no entity can
/// recover from an empty journal while its state is still being written.
/// </summary>
public sealed class ImportActorSystem : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ImportActorSystem(ServiceProvider services)
    {
        _services = services;
        System = services.GetRequiredService<ActorSystem>();
    }

    public ActorSystem System { get; }

    public static ImportActorSystem Start(JournalOptions journal)
    {
        var services = new ServiceCollection();
        services.AddAkka("eas-import", builder =>
        {
            builder.AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend);
            // Without the serving node's journal limits: with them, an import whose database stopped mid-way did not
            // end within 180 s under the full suite's load (the snapshot store kept retrying its initialisation).
            builder.WithEasPersistence(journal with { Load = null }, EasManifests.Table);
        });
        return new ImportActorSystem(services.BuildServiceProvider());
    }

    /// <summary>
    /// Waits until the journal plugin answers a read, with <paramref name="deadline"/> (<see cref="ReadJournalSource.ReadyAsync"/>):
    /// the read journal (<see cref="JournalIsEmptyAsync"/>) waits only 5 s for the journal to create its tables and then
    /// throws from its constructor, which failed the import at its first step on a slow or loaded database.
    /// </summary>
    /// <exception cref="Akka.Actor.AskTimeoutException">The journal did not answer in time (the database is unreachable, or the journal failed to create its tables and stopped).</exception>
    public Task JournalReadyAsync(TimeSpan deadline, CancellationToken cancellationToken) => ReadJournalSource.ReadyAsync(System, deadline, cancellationToken);

    /// <summary>Whether the journal holds no event of any stream (snapshots are not asked: the import's own marker covers a resumed import).</summary>
    public async Task<bool> JournalIsEmptyAsync(CancellationToken cancellationToken)
    {
        var journal = PersistenceQuery.Get(System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var first = await journal.CurrentPersistenceIds().Take(1).RunWith(Sink.Seq<string>(), System.Materializer()).WaitAsync(cancellationToken);
        return first.Count == 0;
    }

    /// <summary>
    /// Writes one stream (see <see cref="ImportedStreamWriter"/>); fails with the journal's exception.
    /// <paramref name="testPause"/> (tests only, zero otherwise) waits between the stream's events and its snapshot.
    /// </summary>
    public Task<StreamImportOutcome> WriteAsync(ImportedStream stream, CancellationToken cancellationToken, TimeSpan testPause = default)
    {
        var done = new TaskCompletionSource<StreamImportOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        System.ActorOf(ImportedStreamWriter.PropsFor(stream, testPause, done));
        return done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await CoordinatedShutdown.Get(System).Run(CoordinatedShutdown.ClrExitReason.Instance);
        await _services.DisposeAsync();
    }
}
