using System.Collections.Immutable;
using Akka.Actor;
using Eas.Actors.Cluster;
using Eas.Actors.Devices;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.TestKit;
using Eas.Wire.Commands.Ping;
using Eas.Wire.Http;

namespace Eas.Actors.Tests.Cluster;

/// <summary>
/// A parked Ping lost in a hand-over between an account entity and its device is answered Status 1 at once
/// (<see cref="LostHeldPing"/>, found in dead letters by the node's <see cref="ChildLetterReturner"/>), never left to its
/// heartbeat: the real entity with a stand-in device, on a journal that holds a write on order (<see cref="RefusingJournal"/>).
/// </summary>
public sealed class ChildLetterReturnerTests() : Akka.TestKit.Xunit2.TestKit(RefusingJournal.Hocon + "\nakka.test.single-expect-default = 10s")
{
    private const string Account = "mike@ox.io";

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_HoldPing_that_reaches_a_stopping_entity_is_answered_Status_1()
    {
        var entity = await StartEntityAsync();
        var phone = CreateTestProbe();
        Watch(entity);

        // As a hand-off or a passivation does: the entity stops, and the Ping its device hands over arrives behind that.
        entity.Tell(PoisonPill.Instance);
        entity.Tell(Hold(phone.Ref));
        ExpectTerminated(entity);

        phone.ExpectMsg<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_1_13_a_Ping_given_back_but_unread_in_its_device_when_the_entity_stops_is_answered_Status_1()
    {
        var entity = await StartEntityAsync();
        var phone = CreateTestProbe();
        var asker = CreateTestProbe();
        entity.Tell(Hold(phone.Ref));
        var journal = RefusingJournal.Of(Sys);
        journal.Tell(new RefuseWrites(1));
        entity.Tell(new AccountEnvelope(Account, AccountChild.Device("Phone1"), new Write()));
        ExpectMsg<WriteHeld>();

        // The phone's next request takes the held Ping back to the device, whose write is under way: both wait in its stash.
        var request = PhoneRequests.For(EasCommand.FolderSync);
        entity.Tell(new AccountEnvelope(Account, AccountChild.Device("Phone1"), new ExecuteDeviceCommand(request, Guid.NewGuid())), asker.Ref);
        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        ExpectTerminated(entity);

        phone.ExpectMsg<RespondWith>().Response.ShouldBeOfType<PingResponse>().Status.ShouldBe(PingStatus.Expired);
    }

    [Fact]
    public void The_Ping_a_lost_letter_carries_is_found_however_it_was_wrapped()
    {
        var ping = Hold(TestActor);
        var returned = new ReturnHeldPing(ping, ping.Trace);

        LostHeldPing.Of(ping).ShouldBe(ping);
        LostHeldPing.Of(new ReturnedLetter(TestActor, new HandedOn(returned, 1), TestActor)).ShouldBe(ping);
        LostHeldPing.Of(new ReturnHeldPing(null, ping.Trace)).ShouldBeNull("only a trace: nobody waits for it");
        LostHeldPing.Of(new ReturnedLetter(TestActor, new Write(), TestActor)).ShouldBeNull();
    }

    private async Task<IActorRef> StartEntityAsync()
    {
        Sys.ActorOf(ChildLetterReturner.PropsFor(FakeShard.Region(Sys)), ChildLetterReturner.Name);
        var settings = new AccountEntitySettings(_ => TestCluster.Unused("gates"), _ => TestCluster.Unused("mailboxes"), (_, _) => Props.Create(() => new WritingDevice()));
        var shard = Sys.ActorOf(Props.Create(() => new FakeShard(AccountEntityActor.PropsFor(Account, settings), ActorRefs.Nobody)));
        // The shard starts the entity in its constructor, which may not have run yet.
        IActorRef? entity = null;
        await AwaitAssertAsync(async () => entity = await Sys.ActorSelection(shard.Path / "entity").ResolveOne(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(20));
        return entity!;
    }

    private static HoldPing Hold(IActorRef reply) =>
        new(DeviceActor.KeyOf(Account, "phone1"), reply, Guid.NewGuid(), ImmutableDictionary<string, string>.Empty.Add("INBOX", "1"), new PingTrace(DateTimeOffset.UtcNow, 900));

    /// <summary>Stands in for a device: <see cref="Write"/> writes an event through the real journal, anything else is taken in silently.</summary>
    private sealed class WritingDevice() : EntityChildActor("device-" + Guid.NewGuid().ToString("N"), new EntityChildOptions("device", TimeSpan.FromMinutes(5)))
    {
        protected override bool Handle(object message)
        {
            if (message is Write) PersistThen([new Written()], Sender, _ => { }, () => { });
            return true;
        }

        protected override IPersistedMessage Snapshot() => new Written();

        protected override void Restore(IPersistedMessage snapshot)
        {
        }

        protected override void Apply(IPersistedMessage stored)
        {
        }
    }

    private sealed record Write : IRoutedToChild;

    private sealed record Written : IPersistedMessage;
}
