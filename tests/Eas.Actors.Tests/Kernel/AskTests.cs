using Eas.Actors.Kernel;
using Eas.Actors.Tests.Kernel.TestKit;

namespace Eas.Actors.Tests.Kernel;

public sealed class AskTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Fact]
    public async Task An_answered_ask_returns_the_reply()
    {
        await using var test = new TestSystem();
        var actor = test.System.Spawn("parker", () => new Parker());

        var reply = await actor.Ask<string>(r => new Echo("hello", r), TimeSpan.FromSeconds(10)).Within();

        reply.ShouldBe("hello");
    }

    [Fact]
    public async Task An_ask_fails_with_AskTimeoutException_when_its_deadline_passes()
    {
        var clock = new ManualTimeProvider();
        await using var test = new TestSystem(clock);
        var actor = test.System.Spawn("parker", () => new Parker());

        var ask = actor.Ask<string>(r => new Park(r), TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(29));
        ask.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));

        var error = await Should.ThrowAsync<AskTimeoutException>(ask.Within());
        error.Message.ShouldContain("parker");
    }

    [Fact]
    public async Task A_late_reply_is_ignored_and_the_actor_can_see_the_asker_has_gone()
    {
        var clock = new ManualTimeProvider();
        await using var test = new TestSystem(clock);
        var actor = test.System.Spawn("parker", () => new Parker());
        var ask = actor.Ask<string>(r => new Park(r), TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(30));
        await Should.ThrowAsync<AskTimeoutException>(ask.Within());

        var (delivered, abandoned) = await actor.Ask<(bool, bool)>(r => new AnswerParked(r), Long).Within();

        delivered.ShouldBeFalse();
        abandoned.ShouldBeTrue();
        ask.IsFaulted.ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancelled_request_cancels_the_ask_and_notifies_the_actor()
    {
        await using var test = new TestSystem(new ManualTimeProvider());
        var actor = test.System.Spawn("parker", () => new Parker());
        using var aborted = new CancellationTokenSource();
        var ask = actor.Ask<string>(r => new ParkWithNotice(r), Long, aborted.Token);
        (await actor.Ask<int>(r => new CountParked(r), Long).Within()).ShouldBe(1);

        await aborted.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(ask.Within());
        await Eventually.TrueAsync(
            async () => await actor.Ask<int>(r => new CountParked(r), Long) == 0,
            "the actor has dropped the abandoned reply handle");
    }

    [Fact]
    public async Task An_ask_whose_token_is_already_cancelled_is_never_delivered()
    {
        await using var test = new TestSystem(new ManualTimeProvider());
        var actor = test.System.Spawn("parker", () => new Parker());

        var ask = actor.Ask<string>(r => new ParkWithNotice(r), Long, new CancellationToken(canceled: true));

        ask.IsCanceled.ShouldBeTrue();
        (await actor.Ask<int>(r => new CountParked(r), Long).Within()).ShouldBe(0);
    }

    [Fact]
    public async Task A_reply_handle_accepts_exactly_one_outcome()
    {
        var handle = new ReplyTo<int>();

        handle.Reply(1).ShouldBeTrue();
        handle.Reply(2).ShouldBeFalse();
        handle.Fail(new InvalidOperationException()).ShouldBeFalse();

        (await handle.Task).ShouldBe(1);
        handle.IsPending.ShouldBeFalse();
        handle.IsAbandoned.ShouldBeFalse();
    }

    [Fact]
    public async Task Asking_a_stopped_actor_fails_fast_with_ActorStoppedException()
    {
        await using var test = new TestSystem();
        var actor = test.System.Spawn("parker", () => new Parker());
        actor.Tell(new StopNow());

        await Should.ThrowAsync<ActorStoppedException>(actor.Ask<string>(r => new Echo("x", r), Long).Within());
        await Should.ThrowAsync<ActorStoppedException>(actor.Ask<string>(r => new Echo("y", r), Long).Within());
    }

    private sealed record Echo(string Text, ReplyTo<string> ReplyTo);

    private sealed record Park(ReplyTo<string> ReplyTo);

    private sealed record ParkWithNotice(ReplyTo<string> ReplyTo);

    private sealed record AnswerParked(ReplyTo<(bool Delivered, bool Abandoned)> ReplyTo);

    private sealed record CountParked(ReplyTo<int> ReplyTo);

    private sealed record AskerGone;

    private sealed record StopNow;

    private sealed class Parker : Actor
    {
        private readonly List<ReplyTo<string>> _parked = [];

        protected override Task ReceiveAsync(object message)
        {
            switch (message)
            {
                case Echo echo:
                    echo.ReplyTo.Reply(echo.Text);
                    break;
                case Park park:
                    _parked.Add(park.ReplyTo);
                    break;
                case ParkWithNotice park:
                    _parked.Add(park.ReplyTo);
                    park.ReplyTo.NotifyWhenAbandoned(Context.Self, new AskerGone());
                    break;
                case AskerGone:
                    _parked.RemoveAll(r => !r.IsPending);
                    break;
                case AnswerParked answer:
                    var delivered = _parked.Aggregate(false, (any, r) => r.Reply("late") | any);
                    answer.ReplyTo.Reply((delivered, _parked.All(r => r.IsAbandoned)));
                    break;
                case CountParked count:
                    count.ReplyTo.Reply(_parked.Count);
                    break;
                case StopNow:
                    Context.Stop();
                    break;
            }

            return Task.CompletedTask;
        }
    }
}
