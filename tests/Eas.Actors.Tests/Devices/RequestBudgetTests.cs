using Eas.Actors.Devices;

namespace Eas.Actors.Tests.Devices;

public sealed class RequestBudgetTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_burst_then_the_sustained_rate_and_the_wait_until_the_next_token()
    {
        var budget = new RequestBudget(burst: 3, perMinute: 6);

        Enumerable.Range(0, 3).Select(_ => budget.TryTake(Start)).ShouldAllBe(wait => wait == null);
        budget.TryTake(Start).ShouldBe(TimeSpan.FromSeconds(10));
        budget.TryTake(Start.AddSeconds(4)).ShouldBe(TimeSpan.FromSeconds(6), "a refused request takes nothing");
        budget.TryTake(Start.AddSeconds(10)).ShouldBeNull();
        budget.TryTake(Start.AddSeconds(10)).ShouldNotBeNull();
        budget.TryTake(Start.AddHours(1)).ShouldBeNull();
        budget.TryTake(Start.AddHours(1)).ShouldBeNull();
        budget.TryTake(Start.AddHours(1)).ShouldBeNull("a quiet hour refills the burst, no more");
        budget.TryTake(Start.AddHours(1)).ShouldNotBeNull();
    }

    [Fact]
    public void Zero_per_minute_turns_the_budget_off() =>
        Enumerable.Range(0, 10_000).Select(_ => new RequestBudget(0, 0).TryTake(Start)).ShouldAllBe(wait => wait == null);
}
