using Eas.Load.Measuring;
using Eas.Load.Reporting;

namespace Eas.Load.InitialSync;

/// <summary>
/// The charts of an initial sync: Sync request latency (histogram and CDF), items received over time per device and
/// all together (the slopes are items/s), each window's time against its number per device (the time between two
/// windows arriving; a window that grows with the folder shows as a rising line), the server's RSS and descriptors, and
/// the bench's phases.
/// </summary>
internal static class InitialSyncFigures
{
    /// <param name="phases">The bench's phases on its own clock, for the phase chart.</param>
    /// <param name="serverPhases">Phases on the resource sampler's clock, marked on the RSS and descriptor charts.</param>
    public static void Draw(RunReport report, InitialSyncOutcome outcome, IReadOnlyList<ResourceSample> samples, IReadOnlyList<Phase> phases, IReadOnlyList<Phase> serverPhases)
    {
        ReportFigures.Latency(report, "sync-latency", "Sync request latency (ms)", outcome.SyncLatenciesMs);
        var byDevice = outcome.Windows.GroupBy(w => w.Device).OrderBy(g => g.Key).ToList();
        if (byDevice.Count > 0)
        {
            report.Draw("items-over-time.png", "Items received over time, per device and together (slope = items/s)", path => Charts.Series(path, "Items received", "items",
                [.. byDevice.Select(g => Cumulative($"device {g.Key}", g)), .. byDevice.Count > 1 ? [Cumulative("together", outcome.Windows)] : Array.Empty<(string, double[], double[])>()], []));
            report.Draw("window-times.png", "Time per Sync window (between two windows arriving) against the window's number, per device", path => Charts.Points(path, "Time per window", "window", "ms",
                [.. byDevice.Select(g => WindowTimes($"device {g.Key}", [.. g]))]));
        }

        ReportFigures.Resources(report, samples, serverPhases);
        ReportFigures.Phases(report, "demo-bench", phases);
    }

    private static (string Name, double[] Seconds, double[] Values) Cumulative(string name, IEnumerable<WindowMark> windows)
    {
        var total = 0.0;
        var list = windows.OrderBy(w => w.At).ToList();
        return (name, [0, .. list.Select(w => w.At.TotalSeconds)], [0, .. list.Select(w => total += w.Items)]);
    }

    /// <summary>Window k's time is the gap from window k-1's arrival; the first window (which follows Sync key 0) is left out.</summary>
    private static (string Name, double[] X, double[] Y) WindowTimes(string name, IReadOnlyList<WindowMark> windows) =>
        (name, [.. Enumerable.Range(2, Math.Max(0, windows.Count - 1)).Select(i => (double)i)],
            [.. windows.Zip(windows.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds)]);
}
