using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Diagnostics;
using Eas.Actors.Mailboxes;
using Eas.Actors.Persistence;
using Eas.Actors.Tests.TestKit;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Commands.Provision;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Devices;

/// <summary>
/// A real device and mailbox in their account entity, on a journal that fails a write on order (<see cref="RefusingJournal"/>):
/// what waited behind the failed write is answered by the device's next incarnation, and nothing the phone holds is lost.
/// </summary>
public sealed class DeviceJournalFailureTests() : Akka.TestKit.Xunit2.TestKit(RefusingJournal.Hocon), IDisposable
{
    private const string PolicyType = "MS-EAS-Provisioning-WBXML";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly Meter _meter = new("Eas.Actors.Tests.DeviceJournalFailureTests");
    private uint _nextKey = 1000;

    [Fact]
    public async Task A_Ping_routed_right_behind_a_failed_write_is_answered_by_the_next_incarnation_and_the_keys_still_work()
    {
        var devices = Start();
        var final = await ProvisionedKeyAsync(devices);
        var journal = RefusingJournal.Of(Sys);
        journal.Tell(new RefuseWrites(1));

        // The phone asks for a policy again; its write is held by the journal, then fails.
        var reprovision = devices.ExecuteAsync(Request(EasCommand.Provision, new ProvisionRequest { Policy = new ProvisionPolicyRequest(PolicyType) }, null), Deadline, default);
        ExpectMsg<WriteHeld>(Deadline);
        var ping = devices.ExecuteAsync(Request(EasCommand.Ping, new PingRequest { HeartbeatInterval = 900, Folders = [new PingFolder("1", "Email")] }, final), Deadline, default);
        // The entity routes in order: once another device has answered, the Ping sits in Phone1's mailbox behind the write.
        await devices.GetReplyAsync("mike@ox.io", "Phone2", Deadline);
        journal.Tell(ReleaseWrite.Instance);

        await Should.ThrowAsync<StoreUnavailableException>(() => reprovision);
        var answered = (await ping).ShouldBeOfType<RespondWith>().Response.ShouldBeOfType<PingResponse>();
        answered.Status.ShouldBe(PingStatus.FolderHierarchySyncRequired, "the phone never synced its folders; the next incarnation says so at once");

        var state = (await devices.GetStateAsync("mike@ox.io", "Phone1", Deadline))!;
        state.PolicyKey.ShouldBe(final);
        state.PendingPolicyKey.ShouldBeNull("the failed write left the journal as it was");
        var settings = Request(EasCommand.Settings, new Wire.Commands.Settings.SettingsRequest { GetUserInformation = true }, final);
        (await devices.ExecuteAsync(settings, Deadline, default)).ShouldBeOfType<RespondWith>().Response
            .ShouldBeOfType<Wire.Commands.Settings.SettingsResponse>().UserInformation.ShouldNotBeNull();
    }

    public new void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private DeviceRegion Start()
    {
        var inbox = new InMemoryInbox(3);
        var policy = new DevicePolicy(true, false, ImmutableSortedDictionary<string, string>.Empty.Add("DevicePasswordEnabled", "1"));
        IActorRef? shard = null;
        var device = new DeviceActorSettings(policy, () => ++_nextKey) { Entity = new EntityChildOptions("device", TimeSpan.FromMinutes(5)) };
        var mailbox = new MailboxActorSettings(inbox, inbox, new PushMetrics(_meter));
        var entity = new AccountEntitySettings(
            _ => TestCluster.Unused("gates"),
            account => MailboxActor.PropsFor(mailbox, account),
            (account, deviceId) => DeviceActor.PropsFor(device with { Mailboxes = new MailboxRegion(shard!) }, account, deviceId));
        shard = Sys.ActorOf(Props.Create(() => new FakeShard(AccountEntityActor.PropsFor("mike@ox.io", entity), ActorRefs.Nobody)));
        Sys.ActorOf(ChildLetterReturner.PropsFor(FakeShard.Region(Sys)), ChildLetterReturner.Name);
        return new DeviceRegion(shard);
    }

    private async Task<uint> ProvisionedKeyAsync(DeviceRegion devices)
    {
        var issued = await ProvisionAsync(devices, new ProvisionPolicyRequest(PolicyType));
        var acknowledgement = new ProvisionPolicyRequest(PolicyType) { PolicyKey = issued.Policy!.PolicyKey!.Value, Status = PolicyAcknowledgement.Applied };
        return (await ProvisionAsync(devices, acknowledgement)).Policy!.PolicyKey!.Value;
    }

    private static async Task<ProvisionResponse> ProvisionAsync(DeviceRegion devices, ProvisionPolicyRequest policy)
    {
        var outcome = await devices.ExecuteAsync(Request(EasCommand.Provision, new ProvisionRequest { Policy = policy }, null), Deadline, default);
        return (ProvisionResponse)outcome.ShouldBeOfType<RespondWith>().Response;
    }

    private static DeviceRequest Request(EasCommand command, object? body, uint? policyKey) => PhoneRequests.For(command, body, policyKey) with { Credentials = new MailCredentials("mike@ox.io", "secret") };
}
