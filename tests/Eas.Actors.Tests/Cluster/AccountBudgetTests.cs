using Eas.Actors.Cluster;
using Eas.Actors.Devices;

namespace Eas.Actors.Tests.Cluster;

public sealed class AccountBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_device_at_its_concurrency_limit_is_refused_until_one_of_its_requests_settles()
    {
        var budget = new AccountBudget(new AccountBudgetLimits(MaxConcurrentPerDevice: 2, RequestBurst: 100, RequestsPerMinute: 100));

        budget.TryAdmit("device/a", Start).ShouldBeNull();
        budget.TryAdmit("device/a", Start).ShouldBeNull();
        var refused = budget.TryAdmit("device/a", Start).ShouldNotBeNull();
        refused.Budget.ShouldBe(AccountBudget.DeviceConcurrency);
        refused.Condition.ShouldBe(ThrottleConditions.CommandFrequency);
        budget.TryAdmit("device/b", Start).ShouldBeNull("another device of the account has its own limit");

        budget.Settled("device/a");
        budget.TryAdmit("device/a", Start).ShouldBeNull();
        budget.InFlight("device/a").ShouldBe(2);
    }

    [Fact]
    public void The_account_bucket_is_shared_by_its_devices_and_a_refusal_takes_nothing()
    {
        var budget = new AccountBudget(new AccountBudgetLimits(MaxConcurrentPerDevice: 0, RequestBurst: 3, RequestsPerMinute: 6));

        budget.TryAdmit("device/a", Start).ShouldBeNull();
        budget.TryAdmit("device/b", Start).ShouldBeNull();
        budget.TryAdmit("device/c", Start).ShouldBeNull();
        var refused = budget.TryAdmit("device/a", Start).ShouldNotBeNull();
        refused.Budget.ShouldBe(AccountBudget.AccountRequests);
        refused.RetryAfter.ShouldBe(TimeSpan.FromSeconds(10));
        budget.InFlight("device/a").ShouldBe(1, "a refused request is not in flight");
        budget.TryAdmit("device/b", Start.AddSeconds(10)).ShouldBeNull();
    }

    [Fact]
    public void A_restarted_device_counts_only_the_requests_held_for_it_and_settling_never_goes_below_zero()
    {
        var budget = new AccountBudget(new AccountBudgetLimits(MaxConcurrentPerDevice: 3));
        for (var i = 0; i < 3; i++) budget.TryAdmit("device/a", Start).ShouldBeNull();

        budget.Restart("device/a", held: 1);
        budget.InFlight("device/a").ShouldBe(1);
        budget.Settled("device/a");
        budget.Settled("device/a");
        budget.InFlight("device/a").ShouldBe(0);
    }
}
