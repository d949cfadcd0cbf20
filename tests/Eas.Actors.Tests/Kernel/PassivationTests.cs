using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;
using static Eas.Actors.Tests.Kernel.TestKit.Counter;

namespace Eas.Actors.Tests.Kernel;

public sealed class PassivationTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);
    private static readonly EntityRegionOptions OneMinute = new()
    {
        IdleTimeout = TimeSpan.FromMinutes(1),
        SweepInterval = TimeSpan.FromSeconds(10),
    };

    private readonly ManualTimeProvider _clock = new();
    private readonly CounterStore _store = new();

    [Fact]
    public async Task An_idle_entity_is_passivated_and_comes_back_with_its_state()
    {
        await using var test = new TestSystem(_clock);
        var region = test.System.CreateRegion("counter", id => new Counter(id, _store), OneMinute);
        region.Tell("a", new Increment());
        region.Tell("a", new Increment());
        (await region.Ask<int>("a", r => new GetValue(r), Long).Within()).ShouldBe(2);
        region.Count.ShouldBe(1);

        _clock.Advance(TimeSpan.FromSeconds(50));
        region.Count.ShouldBe(1);
        _clock.Advance(TimeSpan.FromSeconds(20));
        await Eventually.True(() => region.Count == 0, "the idle entity is passivated");
        _store.Stops.ShouldBe(1);

        region.Tell("a", new Increment());
        (await region.Ask<int>("a", r => new GetValue(r), Long).Within()).ShouldBe(3);
        _store.Starts.ShouldBe(2);
        test.Metrics.Sum("eas.actor.passivations", "counter").ShouldBe(1);
        test.Metrics.Sum("eas.actor.activations", "counter").ShouldBe(2);
    }

    [Fact]
    public async Task An_entity_that_vetoes_stays_alive_until_it_lets_go()
    {
        await using var test = new TestSystem(_clock);
        var region = test.System.CreateRegion("counter", id => new Counter(id, _store), OneMinute);
        region.Tell("a", new HoldOn());
        await region.Ask<int>("a", r => new GetValue(r), Long).Within();

        _clock.Advance(TimeSpan.FromMinutes(10));
        await region.Ask<int>("a", r => new GetValue(r), Long).Within();

        region.Count.ShouldBe(1);
        _store.Stops.ShouldBe(0);

        region.Tell("a", new LetGo());
        await region.Ask<int>("a", r => new GetValue(r), Long).Within();
        _clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.True(() => region.Count == 0, "the entity passivates once it stops vetoing");
    }

    [Fact]
    public async Task A_message_that_arrives_while_an_entity_stops_starts_it_again()
    {
        await using var test = new TestSystem(_clock);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var region = test.System.CreateRegion("slow", id => new SlowStopper(id, _store, gate.Task), OneMinute);
        region.Tell("a", 1);
        await region.Ask<int>("a", r => new GetValue(r), Long).Within();

        _clock.Advance(TimeSpan.FromMinutes(2));
        await Eventually.True(() => _store.Stops == 1, "PostStopAsync has begun");
        region.Tell("a", 1);
        var value = region.Ask<int>("a", r => new GetValue(r), Long);
        gate.SetResult();

        (await value.Within()).ShouldBe(2);
        _store.Starts.ShouldBe(2);
        region.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_entity_that_stops_itself_is_restarted_by_its_next_message()
    {
        await using var test = new TestSystem(_clock);
        var region = test.System.CreateRegion("counter", id => new Counter(id, _store), OneMinute);
        region.Tell("a", new Increment());
        region.Tell("a", new StopSelf());
        region.Tell("a", new Increment());

        (await region.Ask<int>("a", r => new GetValue(r), Long).Within()).ShouldBe(2);
        _store.Stops.ShouldBe(1);
        _store.Starts.ShouldBe(2);
    }

    [Fact]
    public async Task No_message_is_lost_while_entities_passivate_under_load()
    {
        await using var test = new TestSystem(_clock);
        var region = test.System.CreateRegion(
            "slow",
            id => new SlowStopper(id, _store, Task.CompletedTask),
            new EntityRegionOptions { IdleTimeout = TimeSpan.FromMilliseconds(1), SweepInterval = TimeSpan.FromMilliseconds(1) });
        const int Senders = 4, PerSender = 3_000, Entities = 20;
        using var done = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }
        });

        var senders = Enumerable.Range(0, Senders).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < PerSender; i++)
            {
                region.Tell("e" + ((i + s) % Entities), 1);
                if (i % 10 == 0)
                {
                    await Task.Yield();
                }
            }
        })).ToArray();
        await Task.WhenAll(senders).WaitAsync(TimeSpan.FromSeconds(30));
        await done.CancelAsync();
        await ticker.Within();

        var total = 0;
        for (var e = 0; e < Entities; e++)
        {
            total += await region.Ask<int>("e" + e, r => new GetValue(r), Long).Within();
        }

        total.ShouldBe(Senders * PerSender);
        _store.Stops.ShouldBeGreaterThan(Entities, "the test must actually passivate entities while messages arrive");
    }

    /// <summary>Keeps its count in memory and saves it only in PostStopAsync, after yielding: a successor
    /// started before that save finished would load a stale count and lose increments.</summary>
    private sealed class SlowStopper(string id, CounterStore store, Task stopGate) : Actor
    {
        private int _value;

        protected override Task PreStartAsync()
        {
            _value = store.Load(id);
            return Task.CompletedTask;
        }

        protected override async Task PostStopAsync()
        {
            store.Stopped();
            await stopGate;
            await Task.Yield();
            store.Save(id, _value);
        }

        protected override Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case int delta:
                    _value += delta;
                    break;
                case GetValue get:
                    get.ReplyTo.Reply(_value);
                    break;
            }

            return Task.CompletedTask;
        }
    }
}
