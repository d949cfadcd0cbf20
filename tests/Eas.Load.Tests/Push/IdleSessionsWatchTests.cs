using Eas.Load.Push;

namespace Eas.Load.Tests.Push;

public class IdleSessionsWatchTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(5);

    private static TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Closed_once_the_servers_hold_no_mailbox_session_for_the_linger_time()
    {
        var watch = new IdleSessionsWatch(Idle, Linger);

        watch.Observe(At(0), 150).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(121), 0).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(125.9), 0).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(126), 0).ShouldBe(IdleWaitState.Closed);
    }

    [Fact]
    public void A_session_opened_again_starts_the_linger_time_again()
    {
        var watch = new IdleSessionsWatch(Idle, Linger);

        watch.Observe(At(121), 0);
        watch.Observe(At(124), 3).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(125), 0).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(129), 0).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(130), 0).ShouldBe(IdleWaitState.Closed);
    }

    [Fact]
    public void Gives_up_a_margin_past_the_idle_time_while_sessions_stay_open()
    {
        var watch = new IdleSessionsWatch(Idle, Linger);

        watch.Limit.ShouldBe(Idle + IdleSessionsWatch.Margin);
        watch.Observe(At(149), 40).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(150), 40).ShouldBe(IdleWaitState.GaveUp);
    }

    [Fact]
    public void Without_a_count_from_the_servers_it_waits_the_whole_limit_and_says_it_gave_up()
    {
        var watch = new IdleSessionsWatch(Idle, Linger);

        watch.Observe(At(130), null).ShouldBe(IdleWaitState.Waiting);
        watch.Observe(At(150), null).ShouldBe(IdleWaitState.GaveUp);
    }
}
