using Akka.Actor;
using Akka.Cluster.Sharding;
using Eas.Actors.Cluster;
using Eas.Actors.Diagnostics;
using Eas.Actors.Persistence;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Tests.TestKit;

namespace Eas.Actors.Tests.Cluster;

/// <summary>
/// The account entity's routing and passivation, with Akka.TestKit and children that idle in milliseconds, on an
/// in-memory journal that fails writes on order (<see cref="RefusingJournal"/>); an answer may take 10 s on a loaded machine.
/// </summary>
public sealed class AccountEntityActorTests() : Akka.TestKit.Xunit2.TestKit(RefusingJournal.Hocon + "\nakka.test.single-expect-default = 10s")
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(200);
    private readonly EntityCounts _counts = new();

    [Fact]
    public void Messages_reach_one_child_per_name_and_replies_go_to_the_sender()
    {
        var entity = StartEntity();

        // "park" keeps each child from idling out between the messages (its idle time is 200 ms; a loaded machine may pause longer).
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "park"));
        var first = ExpectMsg<Echo>();
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("PHONE1"), "again"));
        var second = ExpectMsg<Echo>();
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, "park"));
        var mailbox = ExpectMsg<Echo>();

        second.Child.ShouldBe(first.Child, "DeviceIds compare lower-cased");
        mailbox.Child.ShouldNotBe(first.Child);
        _counts[EntityKind.Device].ShouldBe(1);
        _counts[EntityKind.Mailbox].ShouldBe(1);
    }

    [Fact]
    public void A_mail_servers_report_wakes_no_mailbox_but_reaches_a_running_one()
    {
        var entity = StartEntity();
        var reported = new Eas.Actors.Mailboxes.MailboxChangesReported(["INBOX"], DateTimeOffset.UnixEpoch);

        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, reported));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _counts[EntityKind.Mailbox].ShouldBe(0);
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, "park"));
        ExpectMsg<Echo>();
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, reported));

        ExpectMsg<Echo>().Message.ShouldBe(reported);
    }

    [Fact]
    public void An_idle_child_stops_and_a_later_message_starts_a_fresh_one()
    {
        var entity = StartEntity();
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "one"));
        var first = ExpectMsg<Echo>();

        AwaitCondition(() => _counts[EntityKind.Device] == 0, TimeSpan.FromSeconds(5));
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "two"));

        var second = ExpectMsg<Echo>();
        second.Child.ShouldNotBe(first.Child);
        second.Seen.ShouldBe(1, "a fresh incarnation");
    }

    [Fact]
    public void A_busy_child_is_kept_however_long_it_idles()
    {
        var entity = StartEntity();
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "park"));
        var parked = ExpectMsg<Echo>();

        ExpectNoMsg(Idle * 5);
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "still there?"));

        var later = ExpectMsg<Echo>();
        later.Child.ShouldBe(parked.Child);
        later.Seen.ShouldBe(2);
    }

    [Fact]
    public void No_message_is_lost_while_children_passivate_under_a_steady_stream()
    {
        var entity = StartEntity();
        const int Count = 200;
        for (var i = 0; i < Count; i++)
        {
            entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone" + (i % 3)), i));
            if (i % 20 == 0) Thread.Sleep(Idle + TimeSpan.FromMilliseconds(50));
        }

        var received = ReceiveN(Count, TimeSpan.FromSeconds(30)).Cast<Echo>().Select(e => (int)e.Message).Order().ToArray();
        received.ShouldBe(Enumerable.Range(0, Count).ToArray());
    }

    [Fact]
    public void What_comes_for_a_child_whose_write_failed_goes_to_its_successor_not_into_the_stopping_actor()
    {
        var entity = StartEntity();
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "fail"));
        var failing = ExpectMsg<Echo>();

        // The failing child drops everything after "fail", as Akka.Persistence's stopping actor would, and stops 300 ms later.
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "after"));
        var after = ExpectMsg<Echo>(TimeSpan.FromSeconds(10));

        after.Message.ShouldBe("after");
        after.Child.ShouldNotBe(failing.Child);
        after.Seen.ShouldBe(1);
    }

    [Fact]
    public void Messages_already_in_the_mailbox_of_a_child_whose_write_failed_reach_its_successor_in_order_and_before_later_ones()
    {
        var entity = StartEntity();
        var journal = RefusingJournal.Of(Sys);
        journal.Tell(new RefuseWrites(1));
        var writer = CreateTestProbe();
        var waiting = CreateTestProbe();
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), new Note("write")), writer.Ref);
        ExpectMsg<WriteHeld>();

        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), new Note("one")), waiting.Ref);
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), new Note("two")), waiting.Ref);
        // The entity routes in order: once the mailbox answers, both notes sit in the device's mailbox behind its write.
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, new Note("barrier")));
        ExpectMsg<Echo>().Message.ShouldBe(new Note("barrier"));
        journal.Tell(ReleaseWrite.Instance);

        writer.ExpectMsg<Status.Failure>(TimeSpan.FromSeconds(10)).Cause.ShouldBeOfType<StoreUnavailableException>();
        // The failing child told the entity before its writer heard of the failure: "three" waits in the entity, while
        // "one" and "two" come back from the stopped child's mailbox through the returner.
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), new Note("three")), waiting.Ref);

        var received = Enumerable.Range(0, 3).Select(_ => waiting.ExpectMsg<Echo>(TimeSpan.FromSeconds(10))).ToList();
        received.Select(r => r.Message).ShouldBe([new Note("one"), new Note("two"), new Note("three")], "in the order they were routed");
        received.Select(r => r.Seen).ShouldBe([1, 2, 3], "all reached one fresh incarnation");
    }

    [Fact]
    public void A_returned_letter_goes_on_only_from_a_child_whose_write_failed_and_only_so_often()
    {
        var entity = StartEntity();
        var journal = RefusingJournal.Of(Sys);
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "park"));
        var failing = ExpectMsg<Echo>().Ref;
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, "park"));
        var running = ExpectMsg<Echo>().Ref;
        journal.Tell(new RefuseWrites(1));
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), new Note("write")));
        ExpectMsg<WriteHeld>();
        journal.Tell(ReleaseWrite.Instance);
        ExpectMsg<Status.Failure>(TimeSpan.FromSeconds(10));
        AwaitCondition(() => _counts[EntityKind.Device] == 0, TimeSpan.FromSeconds(10));

        // Not handed on (a running child's letter has no successor to go to); its asker is answered 503 at once, not at its deadline.
        entity.Tell(new ReturnedLetter(running, new Note("from a running child"), TestActor));
        ExpectMsg<Status.Failure>().Cause.ShouldBeOfType<StoreUnavailableException>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        entity.Tell(new ReturnedLetter(failing, new HandedOn(new Note("too often"), AccountEntityActor.MaxHandOns), TestActor));
        ExpectMsg<Status.Failure>().Cause.ShouldBeOfType<StoreUnavailableException>();
        entity.Tell(new ReturnedLetter(failing, new HandedOn(new Note("once more"), AccountEntityActor.MaxHandOns - 1), TestActor));

        var successor = ExpectMsg<Echo>(TimeSpan.FromSeconds(10));
        successor.Message.ShouldBe(new Note("once more"));
        successor.Ref.ShouldNotBe(failing);
    }

    [Fact]
    public void An_entity_that_stops_answers_what_it_held_for_a_stopping_child_with_a_retriable_failure()
    {
        var entity = StartEntity();
        // "fail, stay": the child's write failed but it has not stopped yet (it stops with the entity).
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "fail, stay"));
        ExpectMsg<Echo>();
        var asker = CreateTestProbe();
        // Held by the entity for the failing child's successor; the mailbox's answer shows the entity has routed it.
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "held"), asker.Ref);
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, "park"));
        ExpectMsg<Echo>();

        entity.Tell(PoisonPill.Instance);

        asker.ExpectMsg<Status.Failure>(TimeSpan.FromSeconds(10)).Cause.ShouldBeOfType<StoreUnavailableException>();
        asker.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void An_entity_whose_children_have_all_stopped_asks_its_shard_to_passivate_it()
    {
        var shard = CreateTestProbe();
        var entity = StartEntity(shard);
        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "one"));
        ExpectMsg<Echo>();

        shard.ExpectMsg<Passivate>(TimeSpan.FromSeconds(5)).StopMessage.ShouldBe(PoisonPill.Instance);
        _counts[EntityKind.Device].ShouldBe(0);
    }

    [Fact]
    public async Task A_handed_off_entity_lets_a_device_finish_its_turn_stops_it_before_the_mailbox_and_sends_on_what_came_meanwhile()
    {
        var (region, shard, phone, device) = StartWithParkedDevice();
        Watch(device);
        var entity = await Sys.ActorSelection(shard.Path / "entity").ResolveOne(TimeSpan.FromSeconds(10));
        Watch(entity);

        // A command in its turn when the shard moves, which then asks its mailbox (not running yet) through the entity.
        shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "slow"), phone.Ref);
        shard.Tell(HandOffAccount.Instance);
        var late = CreateTestProbe();
        shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "late"), late.Ref);
        shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone2"), "new"), late.Ref);

        var slow = phone.ExpectMsg<Echo>();
        var mailbox = slow.Message.ShouldBeOfType<Echo>("the command in its turn reached its mailbox and was answered, not cut off").Ref;
        Watch(mailbox);
        ExpectTerminated(device).ActorRef.ShouldBe(device);
        // The mailbox may have stopped before the test watched it: its notice and the entity's come in either order.
        new[] { ExpectMsg<Terminated>().ActorRef, ExpectMsg<Terminated>().ActorRef }.ShouldBe([mailbox, entity], ignoreOrder: true,
            "the mailbox stops after the devices, which may ask it in their turn, and the entity with its last child");
        var sentOn = new[] { region.ExpectMsg<AccountEnvelope>(), region.ExpectMsg<AccountEnvelope>() };
        sentOn.Select(envelope => (envelope.Child, envelope.Message)).ShouldBe(
            [(AccountChild.Device("Phone2"), (object)"new"), (AccountChild.Device("Phone1"), "late")],
            ignoreOrder: true);
        region.LastSender.ShouldBe(late.Ref, "the asker goes along, so the new home answers it");
        late.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        _counts[EntityKind.Device].ShouldBe(0);
    }

    [Fact]
    public void On_a_node_that_shuts_down_what_comes_during_the_hand_off_is_answered_retriably_not_sent_on()
    {
        var (region, shard, phone, _) = StartWithParkedDevice();
        // The shutdown holds in its first phase until the test ends, so the actors keep running while its reason is set.
        var held = new TaskCompletionSource();
        var shutdown = CoordinatedShutdown.Get(Sys);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "hold-for-test", async () =>
        {
            await held.Task;
            return Akka.Done.Instance;
        });
        _ = shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);

        try
        {
            shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "slow"), phone.Ref);
            shard.Tell(HandOffAccount.Instance);
            var late = CreateTestProbe();
            shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone2"), "new"), late.Ref);

            // Its phone gets the retriable 503 at once.
            late.ExpectMsg<Status.Failure>().Cause.ShouldBeOfType<StoreUnavailableException>();
            phone.ExpectMsg<Echo>(TimeSpan.FromSeconds(10));
            // Not sent on: the stopping node's region would hold it until its shutdown phase timed out.
            region.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        }
        finally
        {
            held.SetResult();
        }
    }

    [Fact]
    public void A_write_in_flight_when_the_shard_moves_is_written_and_answered_before_its_child_stops()
    {
        var (region, shard, phone, device) = StartWithParkedDevice();
        Watch(device);
        RefusingJournal.Of(Sys).Tell(new HoldWrites(1));
        shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), new Note("write")), phone.Ref);
        ExpectMsg<WriteHeld>();

        // A poison pill here stopped the device with its write under way: the phone was never answered.
        shard.Tell(HandOffAccount.Instance);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        RefusingJournal.Of(Sys).Tell(ReleaseWrite.Instance);

        phone.ExpectMsg<Echo>().Message.ShouldBe(new Note("write"), "the write is in the journal and its command answered");
        ExpectTerminated(device);
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    /// <summary>An entity under a fake shard whose region is a probe, with the device Phone1 running and busy ("park").</summary>
    private (Akka.TestKit.TestProbe Region, IActorRef Shard, Akka.TestKit.TestProbe Phone, IActorRef Device) StartWithParkedDevice()
    {
        var region = CreateTestProbe();
        var shard = Sys.ActorOf(Props.Create(() => new FakeShard(AccountEntityActor.PropsFor("mike@ox.io", Settings(region.Ref)), ActorRefs.Nobody)));
        Sys.ActorOf(ChildLetterReturner.PropsFor(FakeShard.Region(Sys)), ChildLetterReturner.Name);
        var phone = CreateTestProbe();
        shard.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "park"), phone.Ref);
        return (region, shard, phone, phone.ExpectMsg<Echo>().Ref);
    }

    private IActorRef StartEntity(Akka.TestKit.TestProbe? shard = null)
    {
        var settings = Settings(region: null);
        var probe = shard?.Ref ?? ActorRefs.Nobody;
        Sys.ActorOf(ChildLetterReturner.PropsFor(FakeShard.Region(Sys)), ChildLetterReturner.Name);
        return Sys.ActorOf(Props.Create(() => new FakeShard(AccountEntityActor.PropsFor("mike@ox.io", settings), probe)));
    }

    private AccountEntitySettings Settings(IActorRef? region) =>
        new(_ => Props.Create(() => new EchoChild()), _ => Props.Create(() => new EchoChild()), (_, _) => Props.Create(() => new EchoChild()))
        {
            EmptyLinger = Idle,
            Counts = _counts,
            Region = region,
        };

    /// <summary>
    /// Answers every message with its incarnation's name and count; "park" makes it busy (like a parked Ping); "fail"
    /// behaves as a child whose journal refused a write: it tells the entity, drops whatever reaches it afterwards and
    /// stops a little later ("fail, stay": not until its entity stops); "slow" awaits 700 ms in its turn, then asks its mailbox
    /// through its parent and answers with the mailbox's echo;
    /// a <see cref="Note"/> "write" writes an event first, through the real journal.
    /// </summary>
    private sealed class EchoChild : EntityChildActor
    {
        private int _seen;
        private bool _parked;

        public EchoChild()
            : base("echo-" + Guid.NewGuid().ToString("N"), new EntityChildOptions("echo", Idle))
        {
        }

        protected override bool CanPassivate => !_parked;

        private bool _failed;

        protected override bool Handle(object message)
        {
            if (_failed) return true;
            if (message is Note { Text: "write" } write)
            {
                var asker = Sender;
                PersistThen([new Written(write.Text)], asker, _ => { }, () => asker.Tell(new Echo(Self.Path.Name, ++_seen, message, Self)));
                return true;
            }

            if (message is "slow")
            {
                // A command that awaits in its turn (Akka suspends the mailbox until it ends, as for a device's command).
                var asker = Sender;
                var self = Self;
                var parent = Context.Parent;
                var seen = ++_seen;
                RunTask(async () =>
                {
                    await Task.Delay(700);
                    var mailbox = await parent.Ask<Echo>(new AccountEnvelope("mike@ox.io", AccountChild.Mailbox, "asked in a turn"), TimeSpan.FromSeconds(10));
                    asker.Tell(new Echo(self.Path.Name, seen, mailbox, self));
                });
                return true;
            }

            if (message is "fail" or "fail, stay")
            {
                _failed = true;
                Context.Parent.Tell(ChildWriteFailed.Instance);
                var self = Self;
                if (message is "fail") _ = Task.Delay(300).ContinueWith(_ => self.Tell(PoisonPill.Instance), TaskScheduler.Default);
            }

            _parked |= message is "park";
            Sender.Tell(new Echo(Self.Path.Name, ++_seen, message, Self));
            return true;
        }

        protected override IPersistedMessage Snapshot() => new Written("");

        protected override void Restore(IPersistedMessage snapshot)
        {
        }

        protected override void Apply(IPersistedMessage stored)
        {
        }
    }

    private sealed record Echo(string Child, int Seen, object Message, IActorRef Ref);

    /// <summary>A routed message; "write" makes the child write an event first.</summary>
    private sealed record Note(string Text) : IRoutedToChild;

    private sealed record Written(string Text) : IPersistedMessage;
}
