using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;
using static Eas.Actors.Tests.Kernel.TestKit.Counter;

namespace Eas.Actors.Tests.Kernel;

public sealed class ShutdownTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Fact]
    public async Task Shutdown_stops_every_actor_after_its_queued_messages_and_waits_for_PostStop()
    {
        var test = new TestSystem(new ManualTimeProvider());
        var store = new CounterStore();
        var region = test.System.CreateRegion("counter", id => new Counter(id, store));
        var single = test.System.Spawn("single", () => new Counter("single", store));
        foreach (var id in new[] { "a", "b", "c" })
        {
            for (var i = 0; i < 100; i++)
            {
                region.Tell(id, new Increment());
            }
        }

        single.Tell(new Increment());
        await test.System.ShutdownAsync().Within();

        store.Stops.ShouldBe(4);
        store["a"].ShouldBe(100);
        store["c"].ShouldBe(100);
        store["single"].ShouldBe(1);
        region.Count.ShouldBe(0);
        await test.DisposeAsync();
    }

    [Fact]
    public async Task An_entity_can_answer_its_parked_request_in_PostStop()
    {
        await using var test = new TestSystem(new ManualTimeProvider());
        var region = test.System.CreateRegion("pinger", _ => new Pinger());
        var ping = region.Ask<string>("dev", r => new Ping(r), Long);
        await Eventually.True(() => region.Count == 1, "the ping is parked");

        await test.System.ShutdownAsync().Within();

        (await ping.Within()).ShouldBe("server shutting down");
    }

    [Fact]
    public async Task After_shutdown_asks_fail_fast_and_nothing_starts()
    {
        await using var test = new TestSystem();
        var region = test.System.CreateRegion("counter", id => new Counter(id, new CounterStore()));
        await test.System.ShutdownAsync().Within();

        await Should.ThrowAsync<ActorStoppedException>(region.Ask<int>("a", r => new GetValue(r), Long).Within());
        region.Count.ShouldBe(0);
        Should.Throw<ObjectDisposedException>(() => test.System.Spawn("late", () => new Pinger()));
    }

    private sealed record Ping(ReplyTo<string> ReplyTo);

    private sealed class Pinger : Actor
    {
        private ReplyTo<string>? _parked;

        protected override bool CanPassivate => _parked is null || !_parked.IsPending;

        protected override Task ReceiveAsync(object message)
        {
            _parked = ((Ping)message).ReplyTo;
            return Task.CompletedTask;
        }

        protected override Task PostStopAsync()
        {
            _parked?.Reply("server shutting down");
            return Task.CompletedTask;
        }
    }
}
