using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;
using static Eas.Actors.Tests.Kernel.TestKit.Counter;

namespace Eas.Actors.Tests.Kernel;

public sealed class SupervisionTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_failing_message_faults_its_ask_and_the_actor_restarts_from_persisted_state()
    {
        await using var test = new TestSystem();
        var store = new CounterStore();
        var counter = test.System.Spawn("counter", () => new Counter("c", store));
        counter.Tell(new Increment());
        counter.Tell(new Increment());

        var failed = counter.Ask<int>(r => new Boom("bad input", r), Long);
        counter.Tell(new Increment());
        var value = await counter.Ask<int>(r => new GetValue(r), Long).Within();

        (await Should.ThrowAsync<InvalidOperationException>(failed.Within())).Message.ShouldBe("bad input");
        value.ShouldBe(3);
        store.Starts.ShouldBe(2);
        store.Stops.ShouldBe(1);
        test.Metrics.Sum("eas.actor.restarts", "counter").ShouldBe(1);
    }

    [Fact]
    public async Task Messages_queued_behind_the_failing_one_are_kept()
    {
        await using var test = new TestSystem();
        var store = new CounterStore();
        var region = test.System.CreateRegion("counter", id => new Counter(id, store));

        region.Tell("a", new Boom("first"));
        for (var i = 0; i < 5; i++)
        {
            region.Tell("a", new Increment());
        }

        (await region.Ask<int>("a", r => new GetValue(r), Long).Within()).ShouldBe(5);
    }

    [Fact]
    public async Task An_actor_that_keeps_failing_is_stopped_at_the_restart_limit()
    {
        await using var test = new TestSystem(new ManualTimeProvider(), maxRestarts: 3);
        var store = new CounterStore();
        var counter = test.System.Spawn("counter", () => new Counter("c", store));

        for (var i = 0; i < 4; i++)
        {
            await Should.ThrowAsync<InvalidOperationException>(counter.Ask<int>(r => new Boom("again", r), Long).Within());
        }

        await Should.ThrowAsync<ActorStoppedException>(counter.Ask<int>(r => new GetValue(r), Long).Within());
        test.Metrics.Sum("eas.actor.restarts", "counter").ShouldBe(3);
        store.Stops.ShouldBe(4);
    }

    [Fact]
    public async Task Restarts_older_than_the_window_do_not_count()
    {
        var clock = new ManualTimeProvider();
        await using var test = new TestSystem(clock, maxRestarts: 2);
        var counter = test.System.Spawn("counter", () => new Counter("c", new CounterStore()));

        for (var i = 0; i < 6; i++)
        {
            await Should.ThrowAsync<InvalidOperationException>(counter.Ask<int>(r => new Boom("sometimes", r), Long).Within());
            clock.Advance(TimeSpan.FromSeconds(31));
        }

        (await counter.Ask<int>(r => new GetValue(r), Long).Within()).ShouldBe(0);
    }

    [Fact]
    public async Task An_entity_stopped_by_its_restart_limit_starts_afresh_on_its_next_message()
    {
        await using var test = new TestSystem(new ManualTimeProvider(), maxRestarts: 1);
        var store = new CounterStore();
        var region = test.System.CreateRegion("counter", id => new Counter(id, store));
        region.Tell("a", new Increment());
        region.Tell("a", new Boom("one"));
        region.Tell("a", new Boom("two"));
        await Eventually.True(() => region.Count == 0, "the entity has stopped");

        (await region.Ask<int>("a", r => new GetValue(r), Long).Within()).ShouldBe(1);
        region.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_start_fails_the_ask_that_woke_the_actor_with_the_start_exception()
    {
        await using var test = new TestSystem();
        var attempts = 0;
        var region = test.System.CreateRegion("flaky", _ => new FlakyStart(Interlocked.Increment(ref attempts) == 1));

        await Should.ThrowAsync<TimeoutException>(region.Ask<string>("x", r => new Hello(r), Long).Within());
        (await region.Ask<string>("x", r => new Hello(r), Long).Within()).ShouldBe("hello");
    }

    private sealed record Hello(ReplyTo<string> ReplyTo);

    private sealed class FlakyStart(bool fail) : Actor
    {
        protected override Task PreStartAsync() =>
            fail ? throw new TimeoutException("store did not answer") : Task.CompletedTask;

        protected override Task ReceiveAsync(object message)
        {
            ((Hello)message).ReplyTo.Reply("hello");
            return Task.CompletedTask;
        }
    }
}
