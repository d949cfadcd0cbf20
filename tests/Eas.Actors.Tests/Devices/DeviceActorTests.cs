using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.Support;
using Eas.Actors.Tests.TestKit;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices;

/// <summary>The DeviceActor in its account entity on a real cluster of one, its journal in SQLite or a PostgreSQL that can be stopped.</summary>
public sealed class DeviceActorTests : IAsyncLifetime
{
    private const string PolicyType = "MS-EAS-Provisioning-WBXML";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly ScratchDirectory _directory = new();
    private readonly List<TestCluster> _clusters = [];
    private readonly List<Func<Task>> _stops = [];
    private uint _nextKey = 1000;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        foreach (var stop in _stops) await stop();
        _directory.Dispose();
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
        await _clusters[^1].DisposeAsync();
        _clusters.RemoveAt(_clusters.Count - 1);

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

    [Fact]
    public async Task An_unreadable_event_answers_503_at_once_for_that_device_and_leaves_the_others_alone()
    {
        var journal = new JournalOptions { DataDirectory = _directory.Path };
        var devices = await StartAsync(journal);
        await ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType));
        await _clusters[^1].DisposeAsync();
        _clusters.RemoveAt(_clusters.Count - 1);
        await AppendRowAsync(PersistenceIds.Device("mike@ox.io", "Phone1"), 1000, "device.from-the-future.v9");

        devices = await StartAsync(journal);
        var started = DateTime.UtcNow;
        var failure = await Should.ThrowAsync<StoreUnavailableException>(() => ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType)));

        (DateTime.UtcNow - started).ShouldBeLessThan(Deadline / 2, "answered when recovery failed, not at the ask's deadline");
        failure.Message.ShouldContain("mike@ox.io");
        var other = await devices.ExecuteAsync(Request(EasCommand.Provision, new ProvisionRequest { Policy = new ProvisionPolicyRequest(PolicyType) }, null) with { AccountId = "anna@ox.io" }, Deadline, default);
        other.ShouldBeOfType<RespondWith>();
    }

    /// <summary>Writes a journal row the server cannot read: a manifest no version of it knows.</summary>
    private async Task AppendRowAsync(string persistenceId, long sequenceNr, string manifest)
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
        command.Parameters.AddWithValue("$message", "{}"u8.ToArray());
        command.Parameters.AddWithValue("$manifest", manifest);
        command.Parameters.AddWithValue("$serializer", JsonManifestSerializer.SerializerId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<DeviceRegion> StartAsync(JournalOptions journal)
    {
        var policy = new DevicePolicy(true, false, ImmutableSortedDictionary<string, string>.Empty.Add("DevicePasswordEnabled", "1"));
        var settings = new DeviceActorSettings(policy, () => ++_nextKey);
        var cluster = await TestCluster.StartAsync(
            new LicenseActorSettings(LicenseTerms.Trial),
            new DirectoryActorSettings(),
            _ => new AccountEntitySettings(_ => TestCluster.Unused("gates"), _ => TestCluster.Unused("mailboxes"), (account, device) => DeviceActor.PropsFor(settings, account, device)),
            journal);
        _clusters.Add(cluster);
        return new DeviceRegion(cluster.Accounts);
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

    private static ProvisionPolicyRequest Acknowledgement(uint key) =>
        new(PolicyType) { PolicyKey = key, Status = PolicyAcknowledgement.Applied };

    private static DeviceRequest Request(EasCommand command, object? body, uint? policyKey) => new(
        "mike@ox.io",
        "mike@ox.io",
        new EasRequestLine
        {
            Command = command,
            DeviceId = "Phone1",
            DeviceType = "TestPhone",
            ProtocolVersion = ProtocolVersion.V141,
            PolicyKey = policyKey,
            Encoding = EasQueryEncoding.Plain,
        },
        body);
}
