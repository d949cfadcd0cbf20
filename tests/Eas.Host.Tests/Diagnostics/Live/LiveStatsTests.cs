using Eas.Host.Diagnostics.Live;
using Eas.Wire.Http;

namespace Eas.Host.Tests.Diagnostics.Live;

/// <summary>The request recorder behind GET /admin/api/stats.</summary>
public sealed class LiveStatsTests
{
    private static readonly TimeSpan Ms10 = TimeSpan.FromMilliseconds(10);

    [Fact]
    public void A_command_counts_requests_errors_durations_and_what_is_in_flight()
    {
        using var stats = new LiveStats(TimeProvider.System);
        stats.Started(EasCommand.Ping);
        stats.Started(EasCommand.Ping);
        stats.Started(EasCommand.Sync);
        stats.Completed(EasCommand.Ping, "mike@ox.io", "Phone1", 200, Ms10);
        stats.Completed(EasCommand.Sync, "mike@ox.io", "Phone1", 503, TimeSpan.FromMilliseconds(30));

        var commands = stats.Commands().ToDictionary(c => c.Command);
        commands.Keys.ShouldBe(["Sync", "Ping"], ignoreOrder: true);
        commands["Ping"].ShouldBe(new CommandStats("Ping", 1, 0, 1, 10, 10, 10));
        commands["Sync"].ShouldBe(new CommandStats("Sync", 1, 1, 0, 30, 30, 30));
    }

    [Fact]
    public void A_request_refused_before_its_command_was_known_counts_as_unknown_and_busies_its_account_only()
    {
        using var stats = new LiveStats(TimeProvider.System);
        stats.Completed(null, "eve@ox.io", "-", 401, Ms10);
        stats.Completed(null, "-", "-", 401, Ms10);

        stats.Commands().ShouldBe([new CommandStats("unknown", 2, 0, 0, 20, 10, 10)]);
        stats.BusiestAccounts(10).Entries.ShouldBe([new BusyAccount("eve@ox.io", 1, 0)]);
        stats.BusiestDevices(10).Entries.ShouldBeEmpty();
    }

    [Fact]
    public void The_recent_maximum_forgets_a_slow_request_after_two_minutes_but_the_maximum_since_start_keeps_it()
    {
        using var stats = new LiveStats(TimeProvider.System);
        stats.Completed(EasCommand.FolderSync, "mike@ox.io", "Phone1", 200, TimeSpan.FromSeconds(2));
        stats.Rotate();
        stats.Completed(EasCommand.FolderSync, "mike@ox.io", "Phone1", 200, Ms10);
        stats.Commands()[0].RecentMaxMs.ShouldBe(2000);

        stats.Rotate();
        var folderSync = stats.Commands()[0];
        folderSync.RecentMaxMs.ShouldBe(10);
        folderSync.MaxMs.ShouldBe(2000);
    }

    [Fact]
    public void Busiest_devices_are_told_apart_by_account()
    {
        using var stats = new LiveStats(TimeProvider.System);
        for (var i = 0; i < 3; i++) stats.Completed(EasCommand.Sync, "mike@ox.io", "Phone1", 200, Ms10);
        stats.Completed(EasCommand.Sync, "anna@ox.io", "Phone1", 500, Ms10);

        stats.BusiestDevices(10).Entries.ShouldBe([new BusyDevice("mike@ox.io", "Phone1", 3, 0), new BusyDevice("anna@ox.io", "Phone1", 1, 1)]);
        stats.BusiestDevices(1).Tracked.ShouldBe(2);
    }

    [Fact]
    public void Recording_a_known_device_and_account_allocates_nothing()
    {
        using var stats = new LiveStats(TimeProvider.System);
        const string user = "mike@ox.io", device = "Phone1";
        stats.Started(EasCommand.Ping);
        stats.Completed(EasCommand.Ping, user, device, 200, Ms10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            stats.Started(EasCommand.Ping);
            stats.Completed(EasCommand.Ping, user, device, 200, Ms10);
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Concurrent_requests_are_all_counted()
    {
        using var stats = new LiveStats(TimeProvider.System);
        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                stats.Started(EasCommand.Sync);
                stats.Completed(EasCommand.Sync, $"user{worker}@ox.io", "Phone", i % 100 == 0 ? 500 : 200, TimeSpan.FromTicks(i));
            }
        });

        var sync = stats.Commands().Single();
        sync.Requests.ShouldBe(160_000);
        sync.Errors.ShouldBe(1_600);
        sync.InFlight.ShouldBe(0);
        sync.MaxMs.ShouldBe(TimeSpan.FromTicks(19_999).TotalMilliseconds);
    }
}
