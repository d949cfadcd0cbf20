using Eas.Host.Limits;

namespace Eas.Host.Tests.Limits;

public class MemoryTrimRuleTests
{
    private const long Mib = 1024 * 1024;
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly MemoryTrimRule Rule = new(64 * Mib, 8 * Mib, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2));

    private static MemoryReading At(double seconds, long committedMib, long heapMib, long allocatedMib) =>
        new(Start.AddSeconds(seconds), committedMib * Mib, heapMib * Mib, allocatedMib * Mib, (committedMib + 100) * Mib);

    [Fact]
    public void A_quiet_node_holding_unused_committed_memory_trims()
    {
        Rule.ShouldTrim(At(0, 300, 100, 1000), At(30, 300, 100, 1100), lastTrim: null).ShouldBeTrue();
    }

    [Fact]
    public void A_busy_node_does_not_trim()
    {
        Rule.ShouldTrim(At(0, 300, 100, 1000), At(30, 300, 100, 1000 + 30 * 9), lastTrim: null).ShouldBeFalse();
    }

    [Fact]
    public void Too_little_to_give_back_is_left_alone()
    {
        Rule.ShouldTrim(At(0, 150, 100, 1000), At(30, 150, 100, 1001), lastTrim: null).ShouldBeFalse();
    }

    [Fact]
    public void Slack_alone_after_a_trim_waits_the_long_interval_but_a_heap_grown_since_waits_only_the_short_one()
    {
        var trimmed = At(0, 100, 100, 1000);

        // The gen0 budgets committed again by a trickle of requests: slack, but no growth.
        Rule.ShouldTrim(At(150, 180, 100, 1100), At(180, 180, 100, 1101), trimmed).ShouldBeFalse();
        // A wave grew the heap by more than the slack threshold since the trim that fell in its middle.
        Rule.ShouldTrim(At(150, 300, 200, 1100), At(180, 300, 200, 1101), trimmed).ShouldBeTrue();
        Rule.ShouldTrim(At(60, 300, 200, 1100), At(90, 300, 200, 1101), trimmed).ShouldBeFalse();
    }

    [Fact]
    public void A_second_trim_waits_for_the_minimum_interval()
    {
        var trimmed = At(0, 120, 100, 1000);

        Rule.ShouldTrim(At(570, 300, 100, 2000), At(599, 300, 100, 2001), trimmed).ShouldBeFalse();
        Rule.ShouldTrim(At(600, 300, 100, 2001), At(630, 300, 100, 2002), trimmed).ShouldBeTrue();
    }

    [Fact]
    public void Heap_grown_since_the_last_trim_counts_as_something_to_give_back()
    {
        var trimmed = At(0, 110, 100, 1000);

        Rule.ShouldTrim(At(900, 180, 170, 3000), At(930, 180, 170, 3001), trimmed).ShouldBeTrue();
        Rule.ShouldTrim(At(900, 140, 130, 3000), At(930, 140, 130, 3001), trimmed).ShouldBeFalse();
    }

    [Fact]
    public void Readings_out_of_order_never_trim()
    {
        Rule.ShouldTrim(At(30, 300, 100, 1000), At(30, 300, 100, 1000), lastTrim: null).ShouldBeFalse();
    }
}
