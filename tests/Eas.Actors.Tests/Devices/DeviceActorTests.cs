using System.Collections.Immutable;
using Eas.Actors.Accounts;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Licensing;
using Eas.Actors.Persistence;
using Eas.Actors.Tests.TestKit;
using Eas.Actors.Tests.Persistence;
using Eas.Wire.Commands;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices;

/// <summary>The DeviceActor in its account entity on a real cluster of one, on a real SQLite store that can be made to fail.</summary>
public sealed class DeviceActorTests : IAsyncLifetime
{
    private const string PolicyType = "MS-EAS-Provisioning-WBXML";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _directory = new();
    private TestCluster _cluster = null!;
    private SqliteStateStore _sqlite = null!;
    private OutageStore _store = null!;
    private DeviceRegion _devices = null!;
    private uint _nextKey = 1000;

    public async Task InitializeAsync()
    {
        _sqlite = SqliteStateStore.Open(new SqliteStateStoreOptions { DataDirectory = _directory.Path, Meter = new System.Diagnostics.Metrics.Meter("Eas.Server.Test") });
        _store = new OutageStore(_sqlite);
        var policy = new DevicePolicy(true, false, ImmutableSortedDictionary<string, string>.Empty.Add("DevicePasswordEnabled", "1"));
        var settings = new DeviceActorSettings(new DeviceStateStore(_store), policy, () => ++_nextKey);
        var audit = new AuditLog(_sqlite);
        _cluster = await TestCluster.StartAsync(
            new LicenseActorSettings(LicenseTerms.Trial, new JsonEntityStore<LicenseState>(_sqlite, LicenseActor.StoreKind), audit),
            new DirectoryActorSettings(new JsonEntityStore<DirectoryState>(_sqlite, DirectoryActor.StoreKind), audit),
            _ => new AccountEntitySettings(_ => TestCluster.Unused("gates"), _ => TestCluster.Unused("mailboxes"), (account, device) => DeviceActor.PropsFor(settings, account, device)));
        _devices = new DeviceRegion(_cluster.Accounts);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _sqlite.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_store_outage_fails_the_request_and_changes_nothing_then_a_retry_succeeds()
    {
        var issued = await ProvisionAsync(new ProvisionPolicyRequest(PolicyType));
        var temporary = issued.Policy!.PolicyKey!.Value;

        _store.Down = true;
        await Should.ThrowAsync<StoreUnavailableException>(() => ProvisionAsync(Acknowledgement(temporary)));
        var during = await _devices.GetStateAsync("mike@ox.io", "Phone1", Deadline);
        during!.PendingPolicyKey.ShouldBe(temporary);
        during.PolicyKey.ShouldBeNull();

        _store.Down = false;
        var acknowledged = await ProvisionAsync(Acknowledgement(temporary));

        acknowledged.Policy!.Status.ShouldBe(PolicyStatus.Success);
        (await _devices.GetStateAsync("mike@ox.io", "Phone1", Deadline))!.PolicyKey.ShouldBe(acknowledged.Policy.PolicyKey);
    }

    [Fact]
    public async Task The_final_key_is_on_disk_before_the_reply()
    {
        var issued = await ProvisionAsync(new ProvisionPolicyRequest(PolicyType));
        var acknowledged = await ProvisionAsync(Acknowledgement(issued.Policy!.PolicyKey!.Value));

        var (stored, version) = await new DeviceStateStore(_sqlite).LoadAsync(DeviceStateStore.EntityId("mike@ox.io", "Phone1"));

        version.ShouldBeGreaterThan(0);
        stored!.PolicyKey.ShouldBe(acknowledged.Policy!.PolicyKey);
        stored.ProtocolVersion.ShouldBe("14.1");
    }

    [Fact]
    public async Task Commands_other_than_Provision_need_the_key_and_unimplemented_ones_are_refused_after_it()
    {
        var settings = Request(EasCommand.Settings, new Wire.Commands.Settings.SettingsRequest { GetUserInformation = true }, policyKey: null);
        (await _devices.ExecuteAsync(settings, Deadline, default)).ShouldBe(new ProvisioningRequired(PolicyVerdict.NotProvisioned));

        var issued = await ProvisionAsync(new ProvisionPolicyRequest(PolicyType));
        var final = (await ProvisionAsync(Acknowledgement(issued.Policy!.PolicyKey!.Value))).Policy!.PolicyKey;

        var sync = Request(EasCommand.Sync, null, final) with { Implemented = false };
        (await _devices.ExecuteAsync(sync, Deadline, default)).ShouldBeOfType<CommandNotImplemented>();
        var allowed = await _devices.ExecuteAsync(settings with { Line = settings.Line with { PolicyKey = final } }, Deadline, default);
        allowed.ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<Wire.Commands.Settings.SettingsResponse>().UserInformation.ShouldNotBeNull();
    }

    private async Task<ProvisionResponse> ProvisionAsync(ProvisionPolicyRequest policy)
    {
        var outcome = await _devices.ExecuteAsync(Request(EasCommand.Provision, new ProvisionRequest { Policy = policy }, null), Deadline, default);
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
