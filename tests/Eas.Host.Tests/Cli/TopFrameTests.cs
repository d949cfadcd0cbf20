using Eas.Host.Cli;
using Eas.Host.Diagnostics.Live;

namespace Eas.Host.Tests.Cli;

/// <summary>The figures of <c>eas-server top</c>, from two snapshots and nothing else.</summary>
public sealed class TopFrameTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    private static StatsSnapshot Snapshot(
        double at, double uptime, CommandStats[] commands, long reconnects = 0, double cpu = 0, long allocated = 0, long parked = 0) => new(
        T0.AddSeconds(at),
        uptime,
        commands,
        new PushStats(parked, 3, reconnects),
        new ActorStats(10, 4),
        new ProcessStats(cpu, 200 << 20, 50 << 20, allocated, 40, 8, 0, 4),
        new BusiestList<BusyDevice>(90, 1, [new BusyDevice("mike@ox.io", "Phone1", 12, 1)]),
        new BusiestList<BusyAccount>(90, 1, [new BusyAccount("mike@ox.io", 12, 1)]));

    [Fact]
    public void Rates_errors_and_means_come_from_the_differences_over_the_interval()
    {
        var before = Snapshot(0, 100, [new("Sync", 100, 1, 2, 5_000, 900, 300), new("Ping", 50, 0, 40, 50_000_000, 600_000, 600_000)], reconnects: 5, cpu: 10, allocated: 1_000);
        var after = Snapshot(2, 102, [new("Sync", 120, 3, 1, 6_000, 900, 250), new("Ping", 50, 0, 42, 50_000_000, 600_000, 600_000), new("FolderSync", 4, 0, 0, 400, 150, 150)],
            reconnects: 6, cpu: 10.5, allocated: 5_000, parked: 42);

        var frame = TopFrame.From(before, after);

        frame.IntervalSeconds.ShouldBe(2);
        frame.Restarted.ShouldBeFalse();
        frame.Commands.Select(c => c.Command).ShouldBe(["Sync", "FolderSync", "Ping"]);
        var sync = frame.Commands[0];
        sync.RequestsPerSecond.ShouldBe(10);
        sync.Errors.ShouldBe(2);
        sync.InFlight.ShouldBe(1);
        sync.MeanMs.ShouldBe(50);
        sync.RecentMaxMs.ShouldBe(250);
        frame.Commands[2].MeanMs.ShouldBeNull("no Ping finished in the interval");
        frame.RequestsPerSecond.ShouldBe(12);
        frame.ErrorsPerSecond.ShouldBe(1);
        frame.InFlight.ShouldBe(43);
        frame.Slowest.Select(c => c.Command).ShouldBe(["FolderSync", "Sync"]);
        frame.ParkedPings.ShouldBe(42);
        frame.ReconnectsPerSecond.ShouldBe(0.5);
        frame.CpuPercent.ShouldBe(25, 1e-9);
        frame.AllocatedBytesPerSecond.ShouldBe(2_000);
        frame.BusiestDevices.Entries.ShouldHaveSingleItem().DeviceId.ShouldBe("Phone1");
    }

    [Fact]
    public void After_a_restart_the_new_counters_are_the_interval()
    {
        var before = Snapshot(0, 5_000, [new("Sync", 9_000, 10, 0, 90_000, 900, 300)], cpu: 600);
        var after = Snapshot(3, 4, [new("Sync", 8, 0, 0, 80, 20, 20)], cpu: 2);

        var frame = TopFrame.From(before, after);

        frame.Restarted.ShouldBeTrue();
        frame.IntervalSeconds.ShouldBe(4);
        frame.Commands.ShouldHaveSingleItem().RequestsPerSecond.ShouldBe(2);
        frame.Commands[0].MeanMs.ShouldBe(10);
        frame.CpuPercent.ShouldBe(50);
    }

    [Fact]
    public void Two_snapshots_of_the_same_moment_give_no_rates_rather_than_infinities()
    {
        var snapshot = Snapshot(0, 100, [new("Sync", 10, 0, 0, 100, 10, 10)]);

        var frame = TopFrame.From(snapshot, snapshot);

        frame.RequestsPerSecond.ShouldBe(0);
        frame.CpuPercent.ShouldBe(0);
        frame.Commands[0].MeanMs.ShouldBeNull();
    }

    [Fact]
    public void The_view_renders_a_frame_as_plain_text()
    {
        var frame = TopFrame.From(Snapshot(0, 100, [new("Sync", 1, 0, 0, 10, 10, 10)]), Snapshot(1, 101, [new("Sync", 3, 0, 0, 30, 10, 10)], parked: 7));
        var output = new StringWriter();

        CliConsole.For(output).Write(TopView.Render(frame, "http://127.0.0.1:8080"));

        var text = output.ToString();
        text.ShouldContain("Parked Pings");
        text.ShouldContain("Sync");
        text.ShouldContain("Phone1");
        text.ShouldNotContain("\u001b[", customMessage: "no escape codes outside a terminal");
    }
}
