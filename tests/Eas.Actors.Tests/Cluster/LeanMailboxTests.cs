using Akka.Actor;
using Akka.Dispatch.MessageQueues;
using Eas.Actors.Cluster;
using Eas.Actors.Persistence.Journal;

namespace Eas.Actors.Tests.Cluster;

/// <summary>
/// The mailbox of account entities and their children: a deque in order under growth, in front for unstashed
/// messages, empty of storage before its first message and back to four slots once drained, safe with many senders,
/// and accepted by Akka for actors that stash (persistent actors need deque semantics).
/// </summary>
public sealed class LeanMailboxTests() : Akka.TestKit.Xunit2.TestKit(Config)
{
    private const string Config = $"""
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        {LeanMailbox.Hocon}
        """;

    [Fact]
    public void A_queue_holds_no_storage_before_its_first_message_and_four_slots_once_drained()
    {
        var queue = new LeanMessageQueue();
        queue.Capacity.ShouldBe(0);
        queue.HasMessages.ShouldBeFalse();

        for (var i = 0; i < 100; i++) queue.Enqueue(ActorRefs.Nobody, Envelope(i));
        queue.Capacity.ShouldBe(128);
        queue.Count.ShouldBe(100);
        while (queue.TryDequeue(out _))
        {
        }

        queue.HasMessages.ShouldBeFalse();
        queue.Capacity.ShouldBe(LeanMessageQueue.QuietCapacity);
    }

    [Fact]
    public void Messages_leave_in_the_order_they_came_across_the_ring_growing_while_wrapped()
    {
        var queue = new LeanMessageQueue();
        var next = 0;
        var expected = 0;
        for (var round = 0; round < 50; round++)
        {
            // Three in, two out: the head moves round the ring while it grows, so growth copies a wrapped ring.
            for (var i = 0; i < 3; i++) queue.Enqueue(ActorRefs.Nobody, Envelope(next++));
            for (var i = 0; i < 2; i++) ValueOf(Dequeue(queue)).ShouldBe(expected++);
        }

        while (queue.TryDequeue(out var envelope)) ValueOf(envelope).ShouldBe(expected++);
        expected.ShouldBe(next);
    }

    [Fact]
    public void A_message_put_back_in_front_leaves_first_even_when_the_ring_must_grow()
    {
        var queue = new LeanMessageQueue();
        for (var i = 0; i < LeanMessageQueue.QuietCapacity; i++) queue.Enqueue(ActorRefs.Nobody, Envelope(i));

        queue.EnqueueFirst(Envelope(-1));
        queue.EnqueueFirst(Envelope(-2));

        int[] order = [.. Enumerable.Range(0, queue.Count).Select(_ => ValueOf(Dequeue(queue)))];
        order.ShouldBe(new[] { -2, -1, 0, 1, 2, 3 });
    }

    [Fact]
    public async Task Every_message_of_many_senders_arrives_once_and_in_each_senders_order()
    {
        const int senders = 4;
        const int each = 20_000;
        var queue = new LeanMessageQueue();
        var producing = Enumerable.Range(0, senders).Select(sender => Task.Run(() =>
        {
            for (var i = 0; i < each; i++) queue.Enqueue(ActorRefs.Nobody, new Envelope((sender, i), ActorRefs.NoSender));
        })).ToArray();

        var last = Enumerable.Repeat(-1, senders).ToArray();
        var received = 0;
        while (received < senders * each)
        {
            if (!queue.TryDequeue(out var envelope))
            {
                await Task.Yield();
                continue;
            }

            var (sender, value) = ((int, int))envelope.Message;
            value.ShouldBe(last[sender] + 1);
            last[sender] = value;
            received++;
        }

        await Task.WhenAll(producing);
        queue.HasMessages.ShouldBeFalse();
        last.ShouldAllBe(value => value == each - 1);
    }

    [Fact]
    public void An_actor_that_stashes_runs_on_it_and_gets_its_stashed_messages_back_in_order()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StashUntilOpen()).WithMailbox(LeanMailbox.Id));

        for (var i = 0; i < 10; i++) actor.Tell(i);
        actor.Tell("open");
        actor.Tell(10);

        ExpectMsg<string>().ShouldBe(nameof(LeanMessageQueue));
        for (var i = 0; i <= 10; i++) ExpectMsg<int>().ShouldBe(i);
    }

    [Fact]
    public void An_entity_given_the_mailbox_for_its_children_starts_them_on_it()
    {
        var settings = new AccountEntitySettings(_ => Props.Create(() => new QueueReporter()), _ => Props.Create(() => new QueueReporter()), (_, _) => Props.Create(() => new QueueReporter()))
        {
            ChildMailbox = LeanMailbox.Id,
        };
        var entity = Sys.ActorOf(AccountEntityActor.PropsFor("mike@ox.io", settings).WithMailbox(LeanMailbox.Id));

        entity.Tell(new AccountEnvelope("mike@ox.io", AccountChild.Device("Phone1"), "which queue"));

        ExpectMsg<string>().ShouldBe(nameof(LeanMessageQueue));
    }

    private static Envelope Envelope(int value) => new(value, ActorRefs.NoSender);

    private static Envelope Dequeue(LeanMessageQueue queue) => queue.TryDequeue(out var envelope) ? envelope : throw new InvalidOperationException("The queue is empty.");

    private static int ValueOf(Envelope envelope) => (int)envelope.Message;

    private static string QueueOf(IActorContext context) => ((ActorCell)context).Mailbox!.MessageQueue.GetType().Name;

    /// <summary>Stashes numbers until "open", then answers with its queue's type and every number in the order sent.</summary>
    private sealed class StashUntilOpen : UntypedActor, IWithUnboundedStash
    {
        private bool _open;

        public IStash Stash { get; set; } = null!;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "open":
                    _open = true;
                    Sender.Tell(QueueOf(Context));
                    Stash.UnstashAll();
                    break;
                case int when !_open:
                    Stash.Stash();
                    break;
                case int number:
                    Sender.Tell(number);
                    break;
            }
        }
    }

    /// <summary>A persistent child (deque semantics required) that answers with its queue's type.</summary>
    private sealed class QueueReporter() : EntityChildActor("reporter-" + Guid.NewGuid().ToString("N"), new EntityChildOptions("reporter", TimeSpan.FromMinutes(1)))
    {
        protected override bool Handle(object message)
        {
            Sender.Tell(QueueOf(Context));
            return true;
        }

        protected override IPersistedMessage Snapshot() => throw new NotSupportedException("QueueReporter persists nothing.");

        protected override void Restore(IPersistedMessage snapshot) => throw new NotSupportedException("QueueReporter persists nothing.");

        protected override void Apply(IPersistedMessage stored) => throw new NotSupportedException("QueueReporter persists nothing.");
    }
}
