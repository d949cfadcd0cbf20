using Eas.Host.Diagnostics.Live;

namespace Eas.Host.Cli;

/// <summary>
/// One screen of <c>eas-server top</c>, computed from two stats snapshots and nothing else, so it is tested
/// without a server or a terminal. Rates are the differences of cumulative counters over the time between
/// the snapshots; a mean duration needs requests that finished in the interval, so it is null without them.
/// The longest duration in the interval cannot be had from counters: <see cref="TopCommandRow.RecentMaxMs"/>
/// is the server's maximum over the last one to two minutes. When the server restarted in between, the
/// second snapshot's counters are the interval's.
/// </summary>
internal sealed record TopFrame(
    DateTimeOffset At,
    double IntervalSeconds,
    double UptimeSeconds,
    bool Restarted,
    IReadOnlyList<TopCommandRow> Commands,
    double RequestsPerSecond,
    double ErrorsPerSecond,
    long InFlight,
    IReadOnlyList<TopCommandRow> Slowest,
    long ParkedPings,
    long WatcherSessions,
    double ReconnectsPerSecond,
    ActorStats Actors,
    double CpuPercent,
    long WorkingSetBytes,
    long GcHeapBytes,
    double AllocatedBytesPerSecond,
    int Threads,
    BusiestList<BusyDevice> BusiestDevices,
    BusiestList<BusyAccount> BusiestAccounts)
{
    /// <summary>Devices the server flagged as looping lately, latest first.</summary>
    public IReadOnlyList<LoopingDevice> Looping { get; init; } = [];

    /// <summary>How many commands the slowest list shows.</summary>
    public const int SlowestShown = 5;

    public static TopFrame From(StatsSnapshot previous, StatsSnapshot current)
    {
        var restarted = current.UptimeSeconds < previous.UptimeSeconds;
        var before = restarted ? Empty(current) : previous;
        var interval = (current.At - before.At).TotalSeconds;
        if (interval <= 0) interval = Math.Max(current.UptimeSeconds - before.UptimeSeconds, 0);
        double Rate(double delta) => interval > 0 ? Math.Max(delta, 0) / interval : 0;

        var earlier = before.Commands.ToDictionary(c => c.Command, StringComparer.Ordinal);
        var rows = current.Commands.Select(now =>
        {
            var then = earlier.GetValueOrDefault(now.Command) ?? new CommandStats(now.Command, 0, 0, 0, 0, 0, 0);
            var finished = now.Requests - then.Requests;
            return new TopCommandRow(
                now.Command, Rate(finished), Math.Max(now.Errors - then.Errors, 0), now.InFlight,
                finished > 0 ? (now.TotalMs - then.TotalMs) / finished : null, now.RecentMaxMs);
        }).OrderByDescending(r => r.RequestsPerSecond).ThenByDescending(r => r.InFlight).ThenBy(r => r.Command, StringComparer.Ordinal).ToList();

        var process = current.Process;
        return new TopFrame(
            current.At,
            interval,
            current.UptimeSeconds,
            restarted,
            rows,
            rows.Sum(r => r.RequestsPerSecond),
            Rate(rows.Sum(r => r.Errors)),
            rows.Sum(r => r.InFlight),
            [.. rows.Where(r => r.MeanMs is not null).OrderByDescending(r => r.MeanMs).Take(SlowestShown)],
            current.Push.ParkedPings,
            current.Push.WatcherSessions,
            Rate(current.Push.WatcherReconnects - before.Push.WatcherReconnects),
            current.Actors,
            Rate(process.CpuSeconds - before.Process.CpuSeconds) * 100,
            process.WorkingSetBytes,
            process.GcHeapBytes,
            Rate(process.AllocatedBytes - before.Process.AllocatedBytes),
            process.Threads,
            current.BusiestDevices,
            current.BusiestAccounts)
        {
            Looping = current.Looping ?? [],
        };
    }

    /// <summary>A server that has just started: nothing counted yet, as of its start.</summary>
    private static StatsSnapshot Empty(StatsSnapshot current) => new(
        current.At.AddSeconds(-current.UptimeSeconds),
        0,
        [],
        new PushStats(0, 0, 0),
        new ActorStats(0, 0),
        current.Process with { CpuSeconds = 0, AllocatedBytes = 0 },
        current.BusiestDevices,
        current.BusiestAccounts);
}

/// <summary>One command over the interval: finished requests per second, server errors, in flight now, mean and recent longest duration.</summary>
internal sealed record TopCommandRow(string Command, double RequestsPerSecond, long Errors, long InFlight, double? MeanMs, double RecentMaxMs);
