using Akka.Actor;
using Eas.Actors.Tests.TestKit;
using Eas.Actors.Timing;

namespace Eas.Actors.Tests.Timing;

/// <summary>
/// The node's one timer for parked Pings' heartbeats (MS-ASCMD 2.2.3.79.1) and the edge's ask deadlines, in virtual
/// time: a deadline fires once its delay has passed, at most one tick late, never when cancelled, and the wheel
/// holds nothing for it afterwards.
/// </summary>
public sealed class DeadlineWheelTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void MS_ASCMD_2_2_3_79_1_a_heartbeat_fires_once_its_interval_has_passed_and_not_before()
    {
        using var wheel = new DeadlineWheel(_clock, Second);
        var fired = new List<string>();
        wheel.Schedule(new Recording(fired, "ping"), TimeSpan.FromSeconds(480));

        _clock.Advance(TimeSpan.FromSeconds(479));
        fired.ShouldBeEmpty();
        wheel.Pending.ShouldBe(1);

        _clock.Advance(Second);
        fired.ShouldBe(["ping"]);
        wheel.Pending.ShouldBe(0);
        _clock.Advance(TimeSpan.FromSeconds(600));
        fired.ShouldBe(["ping"], "a deadline fires once");
    }

    [Fact]
    public void A_deadline_between_two_ticks_fires_at_the_next_tick_never_early()
    {
        using var wheel = new DeadlineWheel(_clock, Second);
        var fired = new List<string>();
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        wheel.Schedule(new Recording(fired, "late"), TimeSpan.FromMilliseconds(1500));

        _clock.Advance(TimeSpan.FromMilliseconds(1400));
        fired.ShouldBeEmpty("1.7 s have not passed");
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        fired.ShouldBe(["late"]);
    }

    [Fact]
    public void A_cancelled_deadline_never_fires_and_leaves_nothing_on_the_wheel()
    {
        using var wheel = new DeadlineWheel(_clock, Second);
        var fired = new List<string>();
        var cancelled = wheel.Schedule(new Recording(fired, "cancelled"), TimeSpan.FromSeconds(5));
        wheel.Schedule(new Recording(fired, "kept"), TimeSpan.FromSeconds(5));

        cancelled.Cancel().ShouldBeTrue();
        cancelled.Cancel().ShouldBeFalse("it is off the wheel already");
        wheel.Pending.ShouldBe(1);
        _clock.Advance(TimeSpan.FromSeconds(10));

        fired.ShouldBe(["kept"]);
        wheel.Pending.ShouldBe(0);
    }

    [Fact]
    public void Deadlines_further_out_than_one_turn_of_the_wheel_wait_for_their_round()
    {
        using var wheel = new DeadlineWheel(_clock, Second, slots: 8);
        var fired = new List<string>();
        wheel.Schedule(new Recording(fired, "third round"), TimeSpan.FromSeconds(19));
        wheel.Schedule(new Recording(fired, "first round"), TimeSpan.FromSeconds(3));
        wheel.Schedule(new Recording(fired, "same slot, later round"), TimeSpan.FromSeconds(11));

        _clock.Advance(TimeSpan.FromSeconds(3));
        fired.ShouldBe(["first round"]);
        _clock.Advance(TimeSpan.FromSeconds(8));
        fired.ShouldBe(["first round", "same slot, later round"]);
        _clock.Advance(TimeSpan.FromSeconds(7));
        fired.Count.ShouldBe(2);
        _clock.Advance(Second);
        fired.ShouldBe(["first round", "same slot, later round", "third round"]);
    }

    [Fact]
    public void A_deadline_is_scheduled_once()
    {
        using var wheel = new DeadlineWheel(_clock, Second);
        var deadline = wheel.Schedule(new Recording([], "once"), Second);

        Should.Throw<InvalidOperationException>(() => wheel.Schedule(deadline, Second));
    }

    [Fact]
    public void MS_ASCMD_2_2_3_79_1_a_parked_Pings_heartbeat_is_told_to_its_device()
    {
        using var wheel = new DeadlineWheel(_clock, Second);
        var device = CreateTestProbe();
        wheel.Schedule(new TellDeadline(device.Ref, "heartbeat"), TimeSpan.FromSeconds(60));

        _clock.Advance(TimeSpan.FromSeconds(59));
        device.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _clock.Advance(Second);

        device.ExpectMsg("heartbeat");
    }

    [Fact]
    public async Task An_ask_that_gets_no_answer_ends_with_Akkas_ask_timeout_at_its_deadline()
    {
        using var wheel = new DeadlineWheel(_clock, Second);
        var device = CreateTestProbe();
        var ask = device.Ref.Ask<string>(asker => Scheduled(wheel, asker, "request"), Timeout.InfiniteTimeSpan, CancellationToken.None);
        device.ExpectMsg("request");

        _clock.Advance(TimeSpan.FromSeconds(30));

        await Should.ThrowAsync<AskTimeoutException>(ask);
        wheel.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task An_answered_ask_keeps_its_answer_when_its_deadline_passes_later()
    {
        using var wheel = new DeadlineWheel(_clock, Second);
        var device = CreateTestProbe();
        var ask = device.Ref.Ask<string>(asker => Scheduled(wheel, asker, "request"), Timeout.InfiniteTimeSpan, CancellationToken.None);
        device.ExpectMsg("request");
        device.Reply("answer");

        (await ask).ShouldBe("answer");
        _clock.Advance(TimeSpan.FromSeconds(30));
        (await ask).ShouldBe("answer");
    }

    private static string Scheduled(DeadlineWheel wheel, IActorRef asker, string message)
    {
        wheel.Schedule(new AskDeadline(asker, TimeSpan.FromSeconds(30)), TimeSpan.FromSeconds(30));
        return message;
    }

    private sealed class Recording(List<string> fired, string name) : Deadline
    {
        protected internal override void Expire() => fired.Add(name);
    }
}
