using Eas.Host.Diagnostics.Live;

namespace Eas.Host.Tests.Diagnostics.Live;

/// <summary>The bounded busiest table: exact while keys fit, heavy hitters kept when they do not, windows that follow the load.</summary>
public sealed class BusiestTableTests
{
    [Fact]
    public void Counts_are_exact_while_the_keys_fit_and_the_top_is_busiest_first()
    {
        var table = new BusiestTable<string>(64);
        for (var i = 0; i < 5; i++) table.Record("a", error: false);
        for (var i = 0; i < 9; i++) table.Record("b", error: i < 2);
        table.Record("c", error: false);

        var top = table.Top(2);

        top.Select(e => e.Key).ShouldBe(["b", "a"]);
        top[0].Requests.ShouldBe(9);
        top[0].Errors.ShouldBe(2);
        top[1].Requests.ShouldBe(5);
        table.Count.ShouldBe(3);
    }

    [Fact]
    public void A_flood_of_distinct_keys_stays_within_capacity_and_keeps_the_heavy_hitters()
    {
        var table = new BusiestTable<string>(256);
        for (var i = 0; i < 200_000; i++)
        {
            table.Record("key" + i, error: false);
            if (i % 10 == 0) table.Record("heavy1", error: false);
            if (i % 20 == 0) table.Record("heavy2", error: false);
        }

        table.Count.ShouldBeLessThanOrEqualTo(256);
        var top = table.Top(2);
        top.Select(e => e.Key).ShouldBe(["heavy1", "heavy2"]);
        top[0].Requests.ShouldBeGreaterThanOrEqualTo(20_000, "space-saving counts are never below the truth");
    }

    [Fact]
    public void Counts_cover_two_windows_and_keys_idle_for_a_whole_window_are_dropped()
    {
        var table = new BusiestTable<string>(64);
        table.Record("old", error: true);
        table.Rotate();
        table.Record("new", error: false);
        table.Record("new", error: false);

        table.Top(10).ShouldBe(new[] { ("new", 2L, 0L), ("old", 1L, 1L) });

        table.Rotate();
        table.Top(10).ShouldBe(new[] { ("new", 2L, 0L) });
        table.Rotate();
        table.Count.ShouldBe(0);
    }

    [Fact]
    public void Concurrent_recording_loses_nothing()
    {
        var table = new BusiestTable<(string, string)>(1024);
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 50_000; i++) table.Record(($"user{i % 100}", "phone"), error: false);
        });

        var top = table.Top(100);
        top.Count.ShouldBe(100);
        top.ShouldAllBe(e => e.Requests == 4_000);
    }
}
