using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Eas.Actors.Devices;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Import;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Eas.Actors.Tests.Persistence.Import;

/// <summary>
/// The import end to end on a SQLite journal: a file in the old schema (version 1 of the old <c>SqliteSchema</c>) with
/// the old build's rows and one corrupted row goes into the journal once, under our manifests, and is kept renamed.
/// </summary>
public sealed class LegacyStateImporterTests : IDisposable
{
    private readonly ScratchDirectory _directory = new();

    private JournalOptions Journal => new() { Provider = JournalProvider.Sqlite, DataDirectory = _directory.Path };

    public void Dispose() => _directory.Dispose();

    /// <summary>The old store's schema, as its migration 1 created it, and its rows.</summary>
    private void WriteOldFile(params (string Kind, string Id, string? Json)[] rows)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, LegacyStateFile.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_utc INTEGER NOT NULL);
            INSERT INTO schema_version VALUES (1, 0);
            CREATE TABLE state (kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, data BLOB, updated_utc INTEGER NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
            CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id TEXT NOT NULL, event_type TEXT NOT NULL, data BLOB NOT NULL, actor TEXT NOT NULL, occurred_utc INTEGER NOT NULL);
            INSERT INTO events (kind, id, event_type, data, actor, occurred_utc) VALUES ('audit', 'changes', 'license.first_start', x'7B7D', 'license', 0);
            """;
        command.ExecuteNonQuery();
        foreach (var (kind, id, json) in rows)
        {
            command.CommandText = "INSERT INTO state (kind, id, version, data, updated_utc) VALUES ($kind, $id, 1, $data, 0)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$data", json is null ? DBNull.Value : System.Text.Encoding.UTF8.GetBytes(json));
            command.ExecuteNonQuery();
        }
    }

    private void WriteFixtureRows() => WriteOldFile(
        (LegacyKinds.Device, LegacyRows.DeviceId, LegacyRows.Device),
        (LegacyKinds.Collection, LegacyRows.InboxCollectionId, LegacyRows.InboxCollection),
        (LegacyKinds.FolderMap, LegacyRows.FolderMapId, LegacyRows.FolderMap),
        (LegacyKinds.Account, LegacyRows.AccountId, LegacyRows.Account),
        (LegacyKinds.License, LegacyRows.LicenseId, LegacyRows.License),
        (LegacyKinds.Directory, LegacyRows.DirectoryId, LegacyRows.Directory),
        (LegacyKinds.Device, "gone@ox.io/deleted", null),
        (LegacyKinds.Account, "broken@ox.io", "{\"accountId\":"));

    private Task<LegacyImportReport?> ImportAtStartAsync() =>
        LegacyStateImporter.ImportAtStartAsync(_directory.Path, Journal, NullLoggerFactory.Instance, TimeProvider.System);

    [Fact]
    public async Task Every_stream_is_written_once_the_corrupted_row_skipped_and_the_old_file_kept_renamed()
    {
        WriteFixtureRows();

        var report = (await ImportAtStartAsync()).ShouldNotBeNull();

        report.Refused.ShouldBeFalse();
        report.Written.ShouldBe(5);
        report.Failed.ShouldBe(0);
        report.Skipped.ShouldHaveSingleItem().Id.ShouldBe("broken@ox.io");
        File.Exists(Path.Combine(_directory.Path, LegacyStateFile.FileName)).ShouldBeFalse();
        report.KeptAs.ShouldNotBeNull().ShouldStartWith(Path.Combine(_directory.Path, "eas-state.db.imported-"));
        File.Exists(report.KeptAs).ShouldBeTrue();
        File.Exists(LegacyStateImporter.MarkerOf(Path.Combine(_directory.Path, LegacyStateFile.FileName))).ShouldBeFalse();
        (await ImportAtStartAsync()).ShouldBeNull("with the file renamed, a later start does nothing");
    }

    [Fact]
    public async Task The_journal_then_holds_what_the_actors_recover_under_our_manifests()
    {
        WriteFixtureRows();
        await ImportAtStartAsync();

        await using var system = ImportActorSystem.Start(Journal);
        var device = await RecoverAsync(system.System, PersistenceIds.Device("legacy@ox.io", "legacyphone1"));
        device.Events.ShouldBeEmpty("the snapshot is taken at DeviceFirstSeen's sequence number, so recovery starts from it");
        var snapshot = device.Snapshot.ShouldBeOfType<DeviceSnapshot>();
        snapshot.State!.PolicyKey.ShouldBe(1446220696u);
        snapshot.Collections["1"].Key.ShouldBe("d8c8c7ec-3");
        var mailbox = await RecoverAsync(system.System, PersistenceIds.Mailbox("legacy@ox.io"));
        mailbox.Events.ShouldHaveSingleItem().ShouldBeOfType<FolderMapChanged>().Map.IdOf("INBOX").ShouldBe("1");
        var license = await RecoverAsync(system.System, PersistenceIds.License);
        license.Snapshot.ShouldBeOfType<LicenseState>().Holders.ShouldHaveSingleItem();
        license.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_second_run_by_hand_writes_nothing_twice()
    {
        WriteFixtureRows();
        var file = Path.Combine(_directory.Path, LegacyStateFile.FileName);
        File.Copy(file, file + ".copy");
        await ImportAtStartAsync();
        File.Move(file + ".copy", file);

        var again = await LegacyStateImporter.ImportAsync(_directory.Path, Journal, NullLoggerFactory.Instance, TimeProvider.System, requireEmptyJournal: false);

        again.Written.ShouldBe(0);
        again.AlreadyPresent.ShouldBe(5);
        again.KeptAs.ShouldNotBeNull();
    }

    [Fact]
    public async Task At_start_a_journal_that_already_holds_state_is_not_imported_into_and_the_file_stays()
    {
        await using (var system = ImportActorSystem.Start(Journal))
        {
            var other = new ImportedStream(LegacyKinds.FolderMap, PersistenceIds.Mailbox("other@ox.io"), [new FolderMapChanged(new FolderMap())], null);
            (await system.WriteAsync(other, CancellationToken.None)).ShouldBe(StreamImportOutcome.Written);
        }

        WriteFixtureRows();

        var report = (await ImportAtStartAsync()).ShouldNotBeNull();

        report.Refused.ShouldBeTrue();
        report.Written.ShouldBe(0);
        File.Exists(Path.Combine(_directory.Path, LegacyStateFile.FileName)).ShouldBeTrue();
    }

    [Fact]
    public async Task An_import_cut_short_is_resumed_at_the_next_start_though_the_journal_is_no_longer_empty()
    {
        WriteFixtureRows();
        var file = Path.Combine(_directory.Path, LegacyStateFile.FileName);
        await using (var system = ImportActorSystem.Start(Journal))
        {
            var first = LegacyStateMapping.Map(LegacyStateFile.Read(file).Rows, DateTimeOffset.UtcNow).Streams.First(s => s.Events.Length > 0);
            await system.WriteAsync(first, CancellationToken.None);
        }

        await File.WriteAllTextAsync(LegacyStateImporter.MarkerOf(file), "cut short");

        var report = (await ImportAtStartAsync()).ShouldNotBeNull();

        report.Refused.ShouldBeFalse();
        report.Written.ShouldBe(4);
        report.AlreadyPresent.ShouldBe(1);
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task A_device_cut_short_between_its_events_and_its_snapshot_gets_its_snapshot_and_no_second_event()
    {
        WriteFixtureRows();
        var file = Path.Combine(_directory.Path, LegacyStateFile.FileName);
        var importedAt = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        var device = LegacyStateMapping.Map(LegacyStateFile.Read(file).Rows, importedAt).Streams.Single(s => s.Kind == LegacyKinds.Device);
        await using (var system = ImportActorSystem.Start(Journal))
        {
            (await system.WriteAsync(device with { Snapshot = null }, CancellationToken.None)).ShouldBe(StreamImportOutcome.Written);
        }

        await File.WriteAllTextAsync(LegacyStateImporter.MarkerOf(file), importedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

        var report = (await ImportAtStartAsync()).ShouldNotBeNull();

        report.Written.ShouldBe(5, "the device is completed, the other four are written");
        report.AlreadyPresent.ShouldBe(0);
        JournalRowsOf(device.PersistenceId).ShouldBe(1, "DeviceFirstSeen once");
        await using var after = ImportActorSystem.Start(Journal);
        var recovered = await RecoverAsync(after.System, device.PersistenceId);
        recovered.Snapshot.ShouldBeOfType<DeviceSnapshot>().State!.PolicyKey.ShouldBe(1446220696u, "the phone's PolicyKey, not a fresh device");
    }

    [Fact]
    public async Task A_device_of_this_version_with_events_and_no_snapshot_is_left_alone_by_a_resumed_import()
    {
        WriteFixtureRows();
        var file = Path.Combine(_directory.Path, LegacyStateFile.FileName);
        var device = LegacyStateMapping.Map(LegacyStateFile.Read(file).Rows, DateTimeOffset.UtcNow).Streams.Single(s => s.Kind == LegacyKinds.Device);
        var ownFirstSeen = new DeviceFirstSeen(DateTimeOffset.UtcNow, "legacy@ox.io", "LegacyPhone1");
        await using (var system = ImportActorSystem.Start(Journal))
        {
            var own = device with { Events = [ownFirstSeen], Snapshot = null };
            (await system.WriteAsync(own, CancellationToken.None)).ShouldBe(StreamImportOutcome.Written);
        }

        await File.WriteAllTextAsync(LegacyStateImporter.MarkerOf(file), "cut short");

        var report = (await ImportAtStartAsync()).ShouldNotBeNull();

        report.AlreadyPresent.ShouldBe(1);
        await using var after = ImportActorSystem.Start(Journal);
        var recovered = await RecoverAsync(after.System, device.PersistenceId);
        recovered.Snapshot.ShouldBeNull();
        recovered.Events.ShouldHaveSingleItem().ShouldBe(ownFirstSeen);
    }

    private long JournalRowsOf(string persistenceId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, SqliteJournalFile.FileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", persistenceId);
        return (long)command.ExecuteScalar()!;
    }

    private sealed record Recovered(object? Snapshot, ImmutableArray<object> Events);

    private static Task<Recovered> RecoverAsync(ActorSystem system, string persistenceId)
    {
        var done = new TaskCompletionSource<Recovered>(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new RecoveringProbe(persistenceId, done)));
        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Reads a stream back the way an entity's recovery does, and reports what it saw.</summary>
    private sealed class RecoveringProbe(string persistenceId, TaskCompletionSource<Recovered> done) : UntypedPersistentActor
    {
        private object? _snapshot;
        private ImmutableArray<object> _events = [];

        public override string PersistenceId => persistenceId;

        protected override void OnRecover(object message)
        {
            switch (message)
            {
                case SnapshotOffer offer:
                    _snapshot = offer.Snapshot;
                    break;
                case RecoveryCompleted:
                    done.TrySetResult(new Recovered(_snapshot, _events));
                    Context.Stop(Self);
                    break;
                default:
                    _events = _events.Add(message);
                    break;
            }
        }

        protected override void OnCommand(object message)
        {
        }

        protected override void OnRecoveryFailure(Exception reason, object? message = null)
        {
            done.TrySetException(reason);
            base.OnRecoveryFailure(reason, message);
        }
    }
}
