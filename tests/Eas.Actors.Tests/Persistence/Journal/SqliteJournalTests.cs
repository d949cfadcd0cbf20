using Akka.Actor;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Eas.Actors.Tests.Persistence.Journal;

/// <summary>The journal and snapshot store on the single-node SQLite file, configured as the host configures them.</summary>
public sealed class SqliteJournalTests : Akka.TestKit.Xunit2.TestKit
{
    private readonly ScratchDirectory _directory = new();

    private string JournalFile => Path.Combine(_directory.Path, SqliteJournalFile.FileName);

    [Fact]
    public async Task Events_are_recovered_after_the_actor_is_killed_and_after_the_whole_system_is_gone()
    {
        string expected;
        await using (var node = StartNode())
        {
            var driver = Driver(node);
            var tally = driver.Start("tally-a");
            foreach (var e in TallySamples.Events)
            {
                await driver.RecordAsync(tally, e);
            }

            expected = TallySamples.Final.Describe();
            var recovered = await driver.RecoverAsync(tally, "tally-a");

            recovered.State.Describe().ShouldBe(expected);
            recovered.EventsReplayed.ShouldBe(TallySamples.Events.Length);
        }

        await using (var node = StartNode())
        {
            var driver = Driver(node);
            var view = await driver.ViewAsync(driver.Start("tally-a"));

            view.State.Describe().ShouldBe(expected);
            view.LastSequenceNr.ShouldBe(TallySamples.Events.Length);
        }
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_before_akka_opens_it()
    {
        await using var node = StartNode();

        Scalar<string>("PRAGMA journal_mode").ShouldBe("wal");
    }

    [Fact]
    public async Task A_snapshot_every_third_event_deletes_the_events_and_snapshots_behind_it_and_recovery_still_agrees()
    {
        await using var node = StartNode();
        var driver = Driver(node);
        var tally = driver.Start("tally-b", snapshotEvery: 3);
        var events = TallySamples.Events.Concat([new ItemAdded("e", "fig", TallySamples.Noon.AddHours(9))]).ToArray();
        var state = TallyState.Empty;
        foreach (var e in events)
        {
            state = (await driver.RecordAsync(tally, e)).State;
        }

        await driver.TrimmedUpToAsync(6);

        Scalar<long>("SELECT COUNT(*) FROM journal WHERE persistence_id = 'tally-b' AND sequence_number < 6").ShouldBe(0);
        Scalar<long>("SELECT COUNT(*) FROM journal WHERE persistence_id = 'tally-b' AND sequence_number <= 6 AND NOT deleted").ShouldBe(0);
        Scalar<long>("SELECT COUNT(*) FROM journal WHERE persistence_id = 'tally-b' AND NOT deleted").ShouldBe(1);
        Scalar<string>("SELECT group_concat(sequence_number) FROM snapshot WHERE persistence_id = 'tally-b'").ShouldBe("6");
        var recovered = await driver.RecoverAsync(tally, "tally-b");
        recovered.State.Describe().ShouldBe(state.Describe());
        (recovered.SnapshotSequenceNr, recovered.EventsReplayed, recovered.LastSequenceNr).ShouldBe((6L, 1, 7L));
    }

    [Fact]
    public async Task An_event_row_written_by_the_previous_version_is_read_by_the_current_record()
    {
        await using var node = StartNode();
        var driver = Driver(node);
        await CreateTablesAsync(driver);
        InsertRow("tally-c", 1, TallyManifests.ItemAddedV1, """{"id":"a","name":"apple","at":"2026-12-06T12:00:00+01:00"}""");

        var view = await driver.ViewAsync(driver.Start("tally-c"));

        view.State.Describe().ShouldBe("a=applex1/Plain/[] | +a | 2026-12-06T12:00:00.0000000+01:00");
    }

    [Fact]
    public async Task A_row_with_an_unknown_manifest_fails_recovery_with_the_manifest_named()
    {
        await using var node = StartNode();
        var driver = Driver(node);
        await CreateTablesAsync(driver);
        InsertRow("tally-f", 1, "tally.item-renamed.v9", "{}");

        driver.Start("tally-f");

        (await driver.ObservedAsync<RecoveryFailed>()).Cause.ToString().ShouldContain("'tally.item-renamed.v9'");
    }

    [Fact]
    public async Task An_event_without_a_manifest_is_rejected_and_the_actor_keeps_its_state_and_goes_on()
    {
        await using var node = StartNode();
        var driver = Driver(node);
        var tally = driver.Start("tally-r");
        var first = await driver.RecordAsync(tally, TallySamples.Events[0]);

        tally.Tell(new Record(new ItemForgotten("a")));

        var rejected = await driver.ObservedAsync<PersistFailed>();
        rejected.Rejected.ShouldBeTrue();
        rejected.Cause.ToString().ShouldContain(nameof(ItemForgotten));
        rejected.State.Describe().ShouldBe(first.State.Describe());
        (await driver.RecordAsync(tally, TallySamples.Events[1])).SequenceNr.ShouldBe(3);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _directory.Dispose();
        }
    }

    /// <summary>Akka.Persistence.Sql creates its tables when the journal is first used: here, by a recovery.</summary>
    private static async Task CreateTablesAsync(TallyDriver driver) => await driver.ViewAsync(driver.Start("tally-tables"));

    [Fact]
    public async Task The_recovery_and_breaker_limits_reach_akka_over_the_plugins_defaults()
    {
        var load = new JournalLoad { MaxConcurrentRecoveries = 7, BreakerMaxFailures = 13, BreakerCallTimeout = TimeSpan.FromSeconds(21), BreakerResetTimeout = TimeSpan.FromSeconds(4) };
        await using var node = HostedActorSystem.Start(builder =>
            builder.WithEasPersistence(new JournalOptions { Provider = JournalProvider.Sqlite, DataDirectory = _directory.Path, Load = load }, TallyManifests.Setup));
        var config = node.System.Settings.Config;

        config.GetInt("akka.persistence.max-concurrent-recoveries").ShouldBe(7);
        foreach (var plugin in new[] { "akka.persistence.journal.sql", "akka.persistence.snapshot-store.sql" })
        {
            config.GetInt(plugin + ".circuit-breaker.max-failures").ShouldBe(13);
            config.GetTimeSpan(plugin + ".circuit-breaker.call-timeout").ShouldBe(TimeSpan.FromSeconds(21));
            config.GetTimeSpan(plugin + ".circuit-breaker.reset-timeout").ShouldBe(TimeSpan.FromSeconds(4));
        }
    }

    private HostedActorSystem StartNode() =>
        HostedActorSystem.Start(builder => builder.WithEasPersistence(new JournalOptions { Provider = JournalProvider.Sqlite, DataDirectory = _directory.Path }, TallyManifests.Setup));

    private TallyDriver Driver(HostedActorSystem node) => new(node.System, CreateTestProbe(node.System), CreateTestProbe(node.System));

    private T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={JournalFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A journal row as an older version of the product wrote it, with our serializer's identifier.</summary>
    private void InsertRow(string persistenceId, long sequenceNr, string manifest, string json)
    {
        using var connection = new SqliteConnection($"Data Source={JournalFile}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid)
            VALUES ($created, 0, $id, $seq, $message, $manifest, $serializer, 'older-version')
            """;
        command.Parameters.AddWithValue("$created", DateTime.UtcNow.Ticks);
        command.Parameters.AddWithValue("$id", persistenceId);
        command.Parameters.AddWithValue("$seq", sequenceNr);
        command.Parameters.AddWithValue("$message", System.Text.Encoding.UTF8.GetBytes(json));
        command.Parameters.AddWithValue("$manifest", manifest);
        command.Parameters.AddWithValue("$serializer", JsonManifestSerializer.SerializerId);
        command.ExecuteNonQuery();
    }
}
