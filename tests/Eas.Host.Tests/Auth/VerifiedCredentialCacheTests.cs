using Eas.Host.Auth;

namespace Eas.Host.Tests.Auth;

public sealed class VerifiedCredentialCacheTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Remembers_exactly_the_verified_password_for_its_lifetime()
    {
        var clock = new ManualClock();
        var cache = new VerifiedCredentialCache(TimeSpan.FromMinutes(5), 100, clock);
        cache.Remember("mike@ox.io", "Secret");

        cache.IsVerified("mike@ox.io", "Secret").ShouldBeTrue();
        cache.IsVerified("mike@ox.io", "secret").ShouldBeFalse();
        cache.IsVerified("Mike@ox.io", "Secret").ShouldBeFalse();
        clock.Now = clock.Now.AddMinutes(5);
        cache.IsVerified("mike@ox.io", "Secret").ShouldBeFalse();
    }

    [Fact]
    public void Entries_remembered_at_one_instant_expire_spread_over_the_last_fifth_of_the_lifetime()
    {
        var clock = new ManualClock();
        var cache = new VerifiedCredentialCache(TimeSpan.FromMinutes(10), 1000, clock);
        var logins = Enumerable.Range(0, 200).Select(i => "user" + i).ToList();
        foreach (var login in logins) cache.Remember(login, "p");
        var start = clock.Now;

        int Verified() => logins.Count(login => cache.IsVerified(login, "p"));

        clock.Now = start.AddMinutes(8).AddSeconds(-1);
        Verified().ShouldBe(200, "none expires before 80 % of its lifetime");
        clock.Now = start.AddMinutes(9);
        Verified().ShouldBeInRange(1, 199, "half way through the last fifth some have expired, not all (p of failing: 2^-199)");
        clock.Now = start.AddMinutes(10);
        Verified().ShouldBe(0, "none outlives its lifetime");
    }

    [Fact]
    public void Forget_drops_an_entry_and_capacity_is_bounded()
    {
        var clock = new ManualClock();
        var cache = new VerifiedCredentialCache(TimeSpan.FromMinutes(5), 10, clock);
        cache.Remember("a", "p");
        cache.Forget("a");
        cache.IsVerified("a", "p").ShouldBeFalse();

        for (var i = 0; i < 50; i++)
        {
            clock.Now = clock.Now.AddSeconds(1);
            cache.Remember("user" + i, "p");
        }

        cache.Count.ShouldBeLessThanOrEqualTo(10);
        cache.IsVerified("user49", "p").ShouldBeTrue();
    }
}
