using Eas.Host.Auth;

namespace Eas.Host.Tests.Auth;

public sealed class SignInThrottleTests
{
    private readonly ManualClock _clock = new();

    private SignInThrottle Throttle(int threshold = 3) =>
        new("account", threshold, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15), 1000, _clock);

    [Fact]
    public void Locks_at_the_threshold_then_doubles_each_time_a_failure_follows_a_passed_lock_up_to_the_longest()
    {
        var throttle = Throttle();

        throttle.Failed("mike").ShouldBeNull();
        throttle.Failed("mike").ShouldBeNull();
        throttle.LockedUntil("mike").ShouldBeNull();
        throttle.Failed("mike").ShouldBe(TimeSpan.FromSeconds(2));
        throttle.LockedUntil("mike").ShouldBe(_clock.Now.AddSeconds(2));
        throttle.Failed("mike").ShouldBeNull("a failure counted while locked does not lengthen the lock");

        List<TimeSpan?> locks = [];
        for (var i = 0; i < 6; i++)
        {
            _clock.Now = throttle.LockedUntil("mike")!.Value;
            throttle.LockedUntil("mike").ShouldBeNull("a lock ends at its end");
            locks.Add(throttle.Failed("mike"));
        }

        locks.ShouldBe([TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)]);
    }

    [Fact]
    public void Keys_are_counted_apart_and_a_quiet_window_starts_afresh()
    {
        var throttle = Throttle();
        throttle.Failed("mike");
        throttle.Failed("mike");
        throttle.Failed("anna").ShouldBeNull();
        throttle.Failed("mike").ShouldNotBeNull();

        _clock.Now = _clock.Now.AddMinutes(16);
        throttle.Failed("mike").ShouldBeNull("after 15 minutes without failures the count starts again");
        throttle.Failed("mike").ShouldBeNull();
        throttle.Failed("mike").ShouldBe(TimeSpan.FromSeconds(2), "and the first lock is short again");
    }

    [Fact]
    public void Forgetting_unlocks_and_the_locked_list_shows_only_what_is_locked_now()
    {
        var throttle = Throttle(threshold: 1);
        throttle.Failed("mike");
        throttle.Failed("anna");
        _clock.Now = _clock.Now.AddSeconds(1);
        throttle.Failed("bob");

        throttle.Locked().Select(l => l.Key).Order().ShouldBe(["anna", "bob", "mike"]);
        throttle.Forget("mike").ShouldBeTrue();
        throttle.Forget("mike").ShouldBeFalse();
        _clock.Now = _clock.Now.AddSeconds(1.5);
        throttle.Locked().ShouldHaveSingleItem().ShouldBe(new SignInLock("account", "bob", 1, 1, _clock.Now.AddSeconds(0.5)));
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
