using Akka.Actor;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Npgsql;

namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>The cluster configuration: the journal and snapshot store on a real PostgreSQL 15, one database per test.</summary>
public sealed class PostgresJournalTests(PostgresServer server) : Akka.TestKit.Xunit2.TestKit, IClassFixture<PostgresServer>
{
    [PostgresFact]
    public async Task Events_and_snapshots_round_trip_and_the_trimmed_journal_recovers_on_a_new_system()
    {
        var database = await server.CreateDatabaseAsync("round_trip");
        await using (var node = StartNode(database))
        {
            var driver = Driver(node);
            var tally = driver.Start("tally-d", snapshotEvery: 3);
            foreach (var e in TallySamples.Events)
            {
                await driver.RecordAsync(tally, e);
            }

            await driver.TrimmedUpToAsync(6);
        }

        await using (var node = StartNode(database))
        {
            var driver = Driver(node);
            var view = await driver.ViewAsync(driver.Start("tally-d"));
            await driver.RecordAsync(driver.Start("tally-d2"), TallySamples.Events[0]);

            view.State.Describe().ShouldBe(TallySamples.Final.Describe());
            (view.SnapshotSequenceNr, view.EventsReplayed, view.LastSequenceNr).ShouldBe((6L, 0, 6L));
        }

        (await ScalarAsync(database, "SELECT COUNT(*) FROM journal WHERE persistence_id = 'tally-d' AND NOT deleted")).ShouldBe(0L);
        (await ScalarAsync(database, "SELECT string_agg(sequence_number::text, ',') FROM snapshot WHERE persistence_id = 'tally-d'")).ShouldBe("6");
        (await ScalarAsync(database, "SELECT manifest FROM journal WHERE persistence_id = 'tally-d2'")).ShouldBe(TallyManifests.ItemAddedV2);
    }

    [PostgresFact]
    public async Task Snapshots_that_come_faster_than_deletions_are_trimmed_one_at_a_time_without_deadlocks()
    {
        await using var node = StartNode(await server.CreateDatabaseAsync("fast_snapshots"));
        var driver = Driver(node);
        var tally = driver.Start("tally-s", snapshotEvery: 1);
        foreach (var e in TallySamples.Events.Concat(TallySamples.Events))
        {
            tally.Tell(new Record(e));
        }

        await driver.TrimmedUpToAsync(12);

        var recovered = await driver.RecoverAsync(tally, "tally-s");
        (recovered.SnapshotSequenceNr, recovered.EventsReplayed).ShouldBe((12L, 0));
    }

    [PostgresFact]
    public async Task A_persist_during_an_outage_fails_without_changing_state_and_nothing_is_lost_once_the_server_is_back()
    {
        var database = await server.CreateDatabaseAsync("outage");
        await using var node = StartNode(database);
        var driver = Driver(node);
        var tally = driver.Start("tally-e");
        await driver.RecordAsync(tally, TallySamples.Events[0]);
        var before = (await driver.RecordAsync(tally, TallySamples.Events[1])).State;

        await server.StopAsync();
        try
        {
            tally.Tell(new Record(TallySamples.Events[2]));

            var failed = await driver.ObservedAsync<PersistFailed>();
            failed.Rejected.ShouldBeFalse();
            failed.State.Describe().ShouldBe(before.Describe());
            await driver.ExpectStoppedAsync(tally);
        }
        finally
        {
            await server.StartAsync();
        }

        var again = driver.Start("tally-e");
        (await driver.ViewAsync(again)).State.Describe().ShouldBe(before.Describe());
        (await driver.RecordAsync(again, TallySamples.Events[2])).SequenceNr.ShouldBe(3);
        var recovered = await driver.RecoverAsync(again, "tally-e");
        recovered.State.Describe().ShouldBe(before.Apply(TallySamples.Events[2]).Describe());
        recovered.EventsReplayed.ShouldBe(3);
    }

    private static HostedActorSystem StartNode(string connectionString) =>
        HostedActorSystem.Start(builder => builder.WithEasPersistence(new JournalOptions { Provider = JournalProvider.PostgreSql, ConnectionString = connectionString }, TallyManifests.Setup));

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private TallyDriver Driver(HostedActorSystem node) => new(node.System, CreateTestProbe(node.System), CreateTestProbe(node.System));
}
