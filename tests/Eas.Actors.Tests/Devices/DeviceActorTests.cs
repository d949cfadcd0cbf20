using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Diagnostics;
using Eas.Actors.Licensing;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Persistence;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Tests.Support;
using Eas.Actors.Tests.TestKit;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Commands;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices;

/// <summary>The DeviceActor in its account entity on a real cluster of one, its journal in SQLite or a PostgreSQL that can be stopped.</summary>
public sealed class DeviceActorTests : IAsyncLifetime
{
    private const string PolicyType = "MS-EAS-Provisioning-WBXML";
    private const string Inbox = "1";
    private const int WindowSize = 100;
    private const string FullState = "device.collection-state-changed.v1";
    private const string StateDelta = "device.collection-state-advanced.v1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly string DeviceStream = PersistenceIds.Device("mike@ox.io", "Phone1");

    private readonly ScratchDirectory _directory = new();
    private readonly Meter _meter = new("Eas.Actors.Tests.DeviceActorTests");
    private readonly List<TestCluster> _clusters = [];
    private readonly List<Func<Task>> _stops = [];
    private uint _nextKey = 1000;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        foreach (var stop in _stops) await stop();
        _directory.Dispose();
        _meter.Dispose();
    }

    [PostgresFact]
    public async Task A_journal_outage_fails_the_request_and_changes_nothing_then_a_retry_succeeds()
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        _stops.Add(postgres.DisposeAsync);
        var devices = await StartAsync(new JournalOptions { Provider = JournalProvider.PostgreSql, ConnectionString = postgres.ConnectionString });
        var issued = await ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType));
        var temporary = issued.Policy!.PolicyKey!.Value;

        await postgres.StopAsync();
        await Should.ThrowAsync<StoreUnavailableException>(() => ProvisionAsync(devices, Acknowledgement(temporary)));

        await postgres.StartAsync();
        var during = await EventuallyAsync(() => devices.GetStateAsync("mike@ox.io", "Phone1", Deadline));
        during!.PendingPolicyKey.ShouldBe(temporary, "the failed acknowledgement left the journal as it was");
        during.PolicyKey.ShouldBeNull();
        var acknowledged = await ProvisionAsync(devices, Acknowledgement(temporary));

        acknowledged.Policy!.Status.ShouldBe(PolicyStatus.Success);
        (await devices.GetStateAsync("mike@ox.io", "Phone1", Deadline))!.PolicyKey.ShouldBe(acknowledged.Policy.PolicyKey);
    }

    [Fact]
    public async Task The_final_key_is_in_the_journal_before_the_reply_and_survives_a_restart()
    {
        var journal = new JournalOptions { DataDirectory = _directory.Path };
        var first = await StartAsync(journal);
        var issued = await ProvisionAsync(first, new ProvisionPolicyRequest(PolicyType));
        var acknowledged = await ProvisionAsync(first, Acknowledgement(issued.Policy!.PolicyKey!.Value));
        await StopAsync();

        var second = await StartAsync(journal);
        var stored = await second.GetStateAsync("mike@ox.io", "PHONE1", Deadline);

        stored!.PolicyKey.ShouldBe(acknowledged.Policy!.PolicyKey);
        stored.DeviceId.ShouldBe("Phone1", "the DeviceId keeps the case the phone sent");
        stored.ProtocolVersion.ShouldBe("14.1");
    }

    [Fact]
    public async Task Commands_other_than_Provision_need_the_key_and_unimplemented_ones_are_refused_after_it()
    {
        var devices = await StartAsync(new JournalOptions { DataDirectory = _directory.Path });
        var settings = Request(EasCommand.Settings, new Wire.Commands.Settings.SettingsRequest { GetUserInformation = true }, policyKey: null);
        (await devices.ExecuteAsync(settings, Deadline, default)).ShouldBe(new ProvisioningRequired(PolicyVerdict.NotProvisioned));

        var issued = await ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType));
        var final = (await ProvisionAsync(devices, Acknowledgement(issued.Policy!.PolicyKey!.Value))).Policy!.PolicyKey;

        var sync = Request(EasCommand.Sync, null, final) with { Implemented = false };
        (await devices.ExecuteAsync(sync, Deadline, default)).ShouldBeOfType<CommandNotImplemented>();
        var allowed = await devices.ExecuteAsync(settings with { Line = settings.Line with { PolicyKey = final } }, Deadline, default);
        allowed.ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<Wire.Commands.Settings.SettingsResponse>().UserInformation.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("down", Wire.Commands.Settings.SettingsStatus.ServerUnavailable)]
    [InlineData("refused", Wire.Commands.Settings.SettingsStatus.AccessDenied)]
    [InlineData("none", Wire.Commands.Settings.SettingsStatus.AccessDenied)]
    public async Task MS_ASCMD_2_2_3_177_15_a_Sieve_server_that_is_down_is_Oof_Status_4_and_no_store_is_Status_3(string store, Wire.Commands.Settings.SettingsStatus expected)
    {
        var oof = store == "none" ? null : new FailingOofStore(store == "down" ? new Eas.Mail.Sieve.SieveUnavailableException("down") : new Eas.Mail.Sieve.SieveCommandException("PUTSCRIPT", "QUOTA", "full"));
        var devices = await StartAsync(new JournalOptions { DataDirectory = _directory.Path }, oof: oof);
        var issued = await ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType));
        var final = (await ProvisionAsync(devices, Acknowledgement(issued.Policy!.PolicyKey!.Value))).Policy!.PolicyKey;
        var get = Request(EasCommand.Settings, new Wire.Commands.Settings.SettingsRequest { OofGetBodyType = "Text" }, final) with { Credentials = new MailCredentials("mike@ox.io", "pw") };

        var answer = await devices.ExecuteAsync(get, Deadline, default);

        var response = answer.ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<Wire.Commands.Settings.SettingsResponse>();
        response.Status.ShouldBe(Wire.Commands.Settings.SettingsStatus.Success);
        response.Oof.ShouldNotBeNull().Status.ShouldBe(expected);
        response.Oof.Get.ShouldBeNull();
    }

    private sealed class FailingOofStore(Exception failure) : Eas.Actors.OutOfOffice.IOofStore
    {
        public Task<Wire.Commands.Settings.OofSettings?> GetAsync(MailCredentials credentials, CancellationToken cancellationToken) =>
            Task.FromException<Wire.Commands.Settings.OofSettings?>(failure);

        public Task SetAsync(MailCredentials credentials, string address, Wire.Commands.Settings.OofSettings settings, CancellationToken cancellationToken) =>
            Task.FromException(failure);
    }

    [Fact]
    public async Task An_unreadable_event_answers_503_at_once_for_that_device_and_leaves_the_others_alone()
    {
        var journal = new JournalOptions { DataDirectory = _directory.Path };
        var devices = await StartAsync(journal);
        await ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType));
        await StopAsync();
        await AppendRowAsync(DeviceStream, 1000, "device.from-the-future.v9");

        devices = await StartAsync(journal);
        var started = DateTime.UtcNow;
        var failure = await Should.ThrowAsync<StoreUnavailableException>(() => ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType)));

        (DateTime.UtcNow - started).ShouldBeLessThan(Deadline / 2, "answered when recovery failed, not at the ask's deadline");
        failure.Message.ShouldContain("mike@ox.io");
        var other = await devices.ExecuteAsync(Request(EasCommand.Provision, new ProvisionRequest { Policy = new ProvisionPolicyRequest(PolicyType) }, null) with { AccountId = "anna@ox.io" }, Deadline, default);
        other.ShouldBeOfType<RespondWith>();
    }

    [Fact]
    public async Task A_device_recovered_from_a_journal_of_folder_deltas_continues_with_its_key_and_the_items_it_holds()
    {
        var journal = new JournalOptions { DataDirectory = _directory.Path };
        var inbox = new InMemoryInbox(250);
        var devices = await StartAsync(journal, inbox);
        var policyKey = await ProvisionedKeyAsync(devices);
        var initial = await SyncAsync(devices, policyKey, "0");
        var first = await SyncAsync(devices, policyKey, initial.SyncKey!);
        var second = await SyncAsync(devices, policyKey, first.SyncKey!);
        first.Commands.Length.ShouldBe(100);
        second.Commands.Length.ShouldBe(100);
        await StopAsync();

        devices = await StartAsync(journal, inbox);
        await ThirdWindowShouldContinueAsync(devices, inbox, policyKey, second.SyncKey!);

        var collectionEvents = (await ManifestsAsync()).Where(m => m is FullState or StateDelta);
        collectionEvents.ShouldBe([FullState, FullState, StateDelta, StateDelta], "whole at SyncKey 0 and at the first listing (a new UIDVALIDITY), then deltas");
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task A_session_that_says_it_is_no_longer_usable_is_replaced_before_the_next_work(bool breaks, int sessions)
    {
        var inbox = new InMemoryInbox(250) { SessionsBreakAfterFetch = breaks };
        var devices = await StartAsync(new JournalOptions { DataDirectory = _directory.Path }, inbox);
        var policyKey = await ProvisionedKeyAsync(devices);
        var initial = await SyncAsync(devices, policyKey, "0");
        var first = await SyncAsync(devices, policyKey, initial.SyncKey!);
        var second = await SyncAsync(devices, policyKey, first.SyncKey!);

        first.Commands.Length.ShouldBe(100);
        second.Commands.Length.ShouldBe(100);
        inbox.SessionsOpened.ShouldBe(sessions);
    }

    [Fact]
    public async Task A_device_recovered_from_a_snapshot_taken_between_folder_deltas_continues_with_its_key()
    {
        // Snapshots every 4 events fall among the windows' events: recovery starts from a snapshot's whole states
        // and applies the deltas written after it.
        var journal = new JournalOptions { DataDirectory = _directory.Path };
        var inbox = new InMemoryInbox(250);
        var devices = await StartAsync(journal, inbox, snapshotEvery: 4);
        var policyKey = await ProvisionedKeyAsync(devices);
        var initial = await SyncAsync(devices, policyKey, "0");
        var first = await SyncAsync(devices, policyKey, initial.SyncKey!);
        var second = await SyncAsync(devices, policyKey, first.SyncKey!);
        await StopAsync();

        devices = await StartAsync(journal, inbox, snapshotEvery: 4);
        await ThirdWindowShouldContinueAsync(devices, inbox, policyKey, second.SyncKey!);
    }

    [Fact]
    public async Task A_journal_of_whole_folder_states_from_before_deltas_followed_by_deltas_recovers()
    {
        var journal = new JournalOptions { DataDirectory = _directory.Path };
        var inbox = new InMemoryInbox(250);
        var devices = await StartAsync(journal, inbox);
        var policyKey = await ProvisionedKeyAsync(devices);
        await StopAsync();
        await using var session = await ((IMailSessionFactory)inbox).OpenAsync(new MailCredentials("mike@ox.io", "secret"), default);
        var listing = await session.ListMessagesAsync("INBOX", null, 0, 0, default);
        var started = CollectionSync.Start("c0ffee00", 0, 0) with { Options = new SyncOptions() };
        var first = Window(CollectionSync.Absorb(started, listing, null));
        var second = Window(CollectionSync.Confirm(first));

        await AppendEventsAsync(
            new CollectionStateChanged(Inbox, started),
            new CollectionStateChanged(Inbox, first),
            new CollectionStateAdvanced(Inbox, CollectionStateDelta.Between(first, second)!));
        devices = await StartAsync(journal, inbox);

        await ThirdWindowShouldContinueAsync(devices, inbox, policyKey, second.Key);
        (await ManifestsAsync()).TakeLast(4).ShouldBe([FullState, FullState, StateDelta, StateDelta]);
    }

    /// <summary>
    /// The phone of a 250-message inbox holds the first window and has the second, whose key it sends to a device
    /// that restarted: the device accepts the key, confirms the second window, and reports what happened
    /// meanwhile to messages of both windows (so it knows what the phone holds), then adds the last 50.
    /// </summary>
    private static async Task ThirdWindowShouldContinueAsync(DeviceRegion devices, InMemoryInbox inbox, uint policyKey, string heldKey)
    {
        inbox.SetFlags(200, MessageFlags.Seen);
        inbox.SetFlags(100, MessageFlags.Flagged);
        inbox.Expunge(240);

        var third = await SyncAsync(devices, policyKey, heldKey);

        third.Status.ShouldBe(SyncStatus.Success);
        var epoch = heldKey[..heldKey.LastIndexOf('-')];
        third.SyncKey.ShouldBe($"{epoch}-{int.Parse(heldKey[(epoch.Length + 1)..]) + 1}", "the same epoch, the next counter");
        third.Commands.OfType<SyncServerDelete>().Select(c => c.ServerId).ShouldBe([ServerIds.Of(Inbox, 240)]);
        third.Commands.OfType<SyncServerChange>().Select(c => c.ServerId).ShouldBe([ServerIds.Of(Inbox, 100), ServerIds.Of(Inbox, 200)], ignoreOrder: true);
        third.Commands.OfType<SyncServerAdd>().Select(c => c.ServerId).ShouldBe(Enumerable.Range(1, 50).Reverse().Select(uid => ServerIds.Of(Inbox, (uint)uid)));
        third.MoreAvailable.ShouldBeFalse();
    }

    /// <summary>The next window as the runner cuts and sends it, the adds arriving unread.</summary>
    private static CollectionSyncState Window(CollectionSyncState state)
    {
        var (next, plan, _) = CollectionSync.NextWindow(state, WindowSize, forceNewKey: false);
        return next with { Sent = plan with { AddedFlags = [.. plan.Adds.Select(uid => KeyValuePair.Create(uid, MessageFlags.None))] } };
    }

    /// <summary>Appends events to the device's journal after its last one, as the journal's serializer writes them.</summary>
    private async Task AppendEventsAsync(params IPersistedMessage[] events)
    {
        var table = EasManifests.Table;
        var last = await LastSequenceNrAsync();
        foreach (var e in events)
            await AppendRowAsync(DeviceStream, ++last, table.ManifestOf(e.GetType()), JsonSerializer.SerializeToUtf8Bytes(e, e.GetType(), table.SerializerOptions));
    }

    private async Task<long> LastSequenceNrAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(SqliteJournalFile.Prepare(_directory.Path));
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(sequence_number) FROM journal WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", DeviceStream);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The manifests of the device's journal rows, in order.</summary>
    private async Task<List<string>> ManifestsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(SqliteJournalFile.Prepare(_directory.Path));
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT manifest FROM journal WHERE persistence_id = $id AND deleted = 0 ORDER BY sequence_number";
        command.Parameters.AddWithValue("$id", DeviceStream);
        var manifests = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) manifests.Add(reader.GetString(0));
        return manifests;
    }

    /// <summary>Writes a journal row the server cannot read: a manifest no version of it knows.</summary>
    private Task AppendRowAsync(string persistenceId, long sequenceNr, string manifest) => AppendRowAsync(persistenceId, sequenceNr, manifest, "{}"u8.ToArray());

    private async Task AppendRowAsync(string persistenceId, long sequenceNr, string manifest, byte[] message)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(SqliteJournalFile.Prepare(_directory.Path));
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid)
            VALUES ($created, 0, $id, $seq, $message, $manifest, $serializer, 'corrupt')
            """;
        command.Parameters.AddWithValue("$created", DateTime.UtcNow.Ticks);
        command.Parameters.AddWithValue("$id", persistenceId);
        command.Parameters.AddWithValue("$seq", sequenceNr);
        command.Parameters.AddWithValue("$message", message);
        command.Parameters.AddWithValue("$manifest", manifest);
        command.Parameters.AddWithValue("$serializer", JsonManifestSerializer.SerializerId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A node whose devices never snapshot, so a restarted device reads its whole journal back; with an
    /// <paramref name="inbox"/>, their mailboxes run on it.
    /// </summary>
    private async Task<DeviceRegion> StartAsync(JournalOptions journal, InMemoryInbox? inbox = null, int snapshotEvery = 10_000, Eas.Actors.OutOfOffice.IOofStore? oof = null)
    {
        var policy = new DevicePolicy(true, false, ImmutableSortedDictionary<string, string>.Empty.Add("DevicePasswordEnabled", "1"));
        var settings = new DeviceActorSettings(policy, () => ++_nextKey) { Entity = new EntityChildOptions("device", TimeSpan.FromMinutes(5), SnapshotEvery: snapshotEvery), Oof = oof };
        Func<string, Akka.Actor.Props> mailbox = inbox is null
            ? _ => TestCluster.Unused("mailboxes")
            : account => MailboxActor.PropsFor(new MailboxActorSettings(inbox, inbox, new PushMetrics(_meter)), account);
        var cluster = await TestCluster.StartAsync(
            new LicenseActorSettings(LicenseTerms.Trial),
            new DirectoryActorSettings(),
            node => new AccountEntitySettings(
                _ => TestCluster.Unused("gates"),
                mailbox,
                (account, device) => DeviceActor.PropsFor(settings with { Mailboxes = new MailboxRegion(node.Accounts) }, account, device)),
            journal);
        _clusters.Add(cluster);
        return new DeviceRegion(cluster.Accounts);
    }

    /// <summary>Stops the last node started; its journal stays.</summary>
    private async Task StopAsync()
    {
        await _clusters[^1].DisposeAsync();
        _clusters.RemoveAt(_clusters.Count - 1);
    }

    /// <summary>Right after the journal comes back, the first recovery may still meet a broken pooled connection.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (StoreUnavailableException) when (attempt < 10)
            {
                await Task.Delay(500);
            }
        }
    }

    private async Task<ProvisionResponse> ProvisionAsync(DeviceRegion devices, ProvisionPolicyRequest policy)
    {
        var outcome = await devices.ExecuteAsync(Request(EasCommand.Provision, new ProvisionRequest { Policy = policy }, null), Deadline, default);
        return (ProvisionResponse)outcome.ShouldBeOfType<RespondWith>().Response;
    }

    /// <summary>Provisions the phone and returns its final policy key.</summary>
    private async Task<uint> ProvisionedKeyAsync(DeviceRegion devices)
    {
        var issued = await ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType));
        return (await ProvisionAsync(devices, Acknowledgement(issued.Policy!.PolicyKey!.Value))).Policy!.PolicyKey!.Value;
    }

    /// <summary>Syncs the INBOX from <paramref name="syncKey"/> in windows of 100.</summary>
    private static async Task<SyncCollectionResponse> SyncAsync(DeviceRegion devices, uint policyKey, string syncKey)
    {
        var body = new SyncRequest { Collections = [new SyncCollectionRequest(syncKey, Inbox) { WindowSize = WindowSize }] };
        var request = Request(EasCommand.Sync, body, policyKey) with { Credentials = new MailCredentials("mike@ox.io", "secret") };
        var outcome = await devices.ExecuteAsync(request, Deadline, default);
        return ((SyncResponse)outcome.ShouldBeOfType<RespondWith>().Response).Collections.ShouldHaveSingleItem();
    }

    private static ProvisionPolicyRequest Acknowledgement(uint key) =>
        new(PolicyType) { PolicyKey = key, Status = PolicyAcknowledgement.Applied };

    private static DeviceRequest Request(EasCommand command, object? body, uint? policyKey) => PhoneRequests.For(command, body, policyKey);
}
