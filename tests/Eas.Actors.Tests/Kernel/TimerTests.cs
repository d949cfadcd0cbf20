using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;

namespace Eas.Actors.Tests.Kernel;

/// <summary>
/// Timers on a manual clock: a tick is posted inside <see cref="ManualTimeProvider.Advance"/>, so an ask sent
/// afterwards is queued behind it and sees its effect; no test waits on real time.
/// </summary>
public sealed class TimerTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task A_single_timer_fires_once_after_its_delay()
    {
        await using var test = new TestSystem(_clock);
        var actor = test.System.Spawn("timed", () => new Timed());
        actor.Tell(new StartSingle("t", "tick", TimeSpan.FromSeconds(5)));
        await Ticks(actor);

        _clock.Advance(TimeSpan.FromSeconds(4));
        (await Ticks(actor)).ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromSeconds(1));
        (await Ticks(actor)).ShouldBe(["tick"]);
        _clock.Advance(TimeSpan.FromSeconds(60));
        (await Ticks(actor)).ShouldBe(["tick"]);
        (await actor.Ask<bool>(r => new IsActive("t", r), Long).Within()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_periodic_timer_fires_every_interval()
    {
        await using var test = new TestSystem(_clock);
        var actor = test.System.Spawn("timed", () => new Timed());
        actor.Tell(new StartPeriodic("p", "beat", TimeSpan.FromSeconds(10)));
        await Ticks(actor);

        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        (await Ticks(actor)).ShouldBe(["beat", "beat", "beat"]);
        (await actor.Ask<bool>(r => new IsActive("p", r), Long).Within()).ShouldBeTrue();
    }

    [Fact]
    public async Task Restarting_a_key_replaces_the_old_timer()
    {
        await using var test = new TestSystem(_clock);
        var actor = test.System.Spawn("timed", () => new Timed());
        actor.Tell(new StartSingle("t", "old", TimeSpan.FromSeconds(5)));
        actor.Tell(new StartSingle("t", "new", TimeSpan.FromSeconds(10)));
        await Ticks(actor);

        _clock.Advance(TimeSpan.FromSeconds(5));
        (await Ticks(actor)).ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromSeconds(5));
        (await Ticks(actor)).ShouldBe(["new"]);
    }

    [Fact]
    public async Task A_cancelled_timer_never_delivers()
    {
        await using var test = new TestSystem(_clock);
        var actor = test.System.Spawn("timed", () => new Timed());
        actor.Tell(new StartSingle("t", "tick", TimeSpan.FromSeconds(5)));
        actor.Tell(new Cancel("t"));
        await Ticks(actor);

        _clock.Advance(TimeSpan.FromSeconds(10));

        (await Ticks(actor)).ShouldBeEmpty();
        _clock.ActiveTimers.ShouldBe(0);
    }

    [Fact]
    public async Task A_tick_already_queued_when_its_timer_is_cancelled_is_dropped()
    {
        await using var test = new TestSystem(_clock);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = test.System.Spawn("timed", () => new Timed());
        actor.Tell(new StartSingle("t", "tick", TimeSpan.FromSeconds(5)));
        var blocked = actor.Ask<bool>(r => new BlockThenCancel("t", gate.Task, r), Long);

        _clock.Advance(TimeSpan.FromSeconds(5));
        gate.SetResult();

        (await blocked.Within()).ShouldBeTrue();
        (await Ticks(actor)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_stops()
    {
        await using var test = new TestSystem(_clock);
        var actor = test.System.Spawn("timed", () => new Timed());
        actor.Tell(new StartPeriodic("p", "beat", TimeSpan.FromSeconds(10)));
        actor.Tell(new StartSingle("s", "once", TimeSpan.FromSeconds(10)));
        await Ticks(actor);
        _clock.ActiveTimers.ShouldBe(2);

        actor.Tell(new StopNow());

        await Eventually.True(() => _clock.ActiveTimers == 0, "the stopped actor's timers are disposed");
    }

    private static Task<List<string>> Ticks(IActorRef actor) =>
        actor.Ask<List<string>>(r => new GetTicks(r), Long).Within();

    private sealed record StartSingle(string Key, string Message, TimeSpan Delay);

    private sealed record StartPeriodic(string Key, string Message, TimeSpan Interval);

    private sealed record Cancel(string Key);

    private sealed record IsActive(string Key, ReplyTo<bool> ReplyTo);

    private sealed record GetTicks(ReplyTo<List<string>> ReplyTo);

    private sealed record BlockThenCancel(string Key, Task Gate, ReplyTo<bool> ReplyTo);

    private sealed record StopNow;

    private sealed class Timed : Actor
    {
        private readonly List<string> _ticks = [];

        protected override async Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case string tick:
                    _ticks.Add(tick);
                    break;
                case StartSingle start:
                    Context.Timers.StartSingle(start.Key, start.Message, start.Delay);
                    break;
                case StartPeriodic start:
                    Context.Timers.StartPeriodic(start.Key, start.Message, start.Interval);
                    break;
                case Cancel cancel:
                    Context.Timers.Cancel(cancel.Key);
                    break;
                case IsActive query:
                    query.ReplyTo.Reply(Context.Timers.IsActive(query.Key));
                    break;
                case GetTicks get:
                    get.ReplyTo.Reply([.. _ticks]);
                    break;
                case BlockThenCancel block:
                    await block.Gate;
                    block.ReplyTo.Reply(Context.Timers.Cancel(block.Key));
                    break;
                case StopNow:
                    Context.Stop();
                    break;
            }
        }
    }
}
