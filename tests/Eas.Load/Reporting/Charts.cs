using Eas.Load.Measuring;
using ScottPlot;

namespace Eas.Load.Reporting;

/// <summary>
/// The charts of a run report, drawn with ScottPlot 5 (SkiaSharp, its Linux native library without dependencies,
/// so no display and no fontconfig are needed) straight to PNG files.
/// </summary>
internal static class Charts
{
    public const int Width = 900;
    public const int Height = 450;

    /// <summary>Latency samples (ms) as a histogram, with the nearest-rank p50/p90/p99 marked.</summary>
    public static void Histogram(string path, string title, IReadOnlyCollection<double> samplesMs)
    {
        var histogram = LatencyHistogram.Of(samplesMs);
        var plot = new Plot();
        var bars = plot.Add.Bars(histogram.Edges.Select(edge => edge + histogram.Width / 2).ToArray(), histogram.Counts.Select(c => (double)c).ToArray());
        foreach (var bar in bars.Bars) bar.Size = histogram.Width * 0.9;
        var summary = LatencySummary.Of("", samplesMs);
        foreach (var (name, value) in new[] { ("p50", summary.P50), ("p90", summary.P90), ("p99", summary.P99) })
        {
            if (value > histogram.Ceiling) continue;
            var line = plot.Add.VerticalLine(value);
            line.Text = name;
            line.LinePattern = LinePattern.Dashed;
        }

        var overflow = histogram.Overflow > 0 ? $"; {histogram.Overflow} above {histogram.Ceiling:0} ms not shown" : "";
        plot.Title($"{title} ({samplesMs.Count:N0} samples{overflow})");
        plot.XLabel("ms");
        plot.YLabel("samples");
        plot.Axes.Margins(bottom: 0);
        Save(plot, path);
    }

    /// <summary>The share of latency samples (ms) at or below each value.</summary>
    public static void Cdf(string path, string title, IReadOnlyCollection<double> samplesMs)
    {
        var cdf = LatencyHistogram.Cdf(samplesMs);
        var plot = new Plot();
        if (cdf.Count > 0)
        {
            var line = plot.Add.Scatter(cdf.Select(p => p.Ms).ToArray(), cdf.Select(p => 100 * p.Share).ToArray());
            line.MarkerSize = cdf.Count < 50 ? 4 : 0;
        }

        foreach (var share in new[] { 50.0, 90, 99 }) plot.Add.HorizontalLine(share).LinePattern = LinePattern.Dotted;
        plot.Title($"{title}: CDF ({samplesMs.Count:N0} samples)");
        plot.XLabel("ms");
        plot.YLabel("% of samples at or below");
        Save(plot, path);
    }

    /// <summary>Lines over time (seconds on x), one per named series, with each phase's start marked.</summary>
    public static void Series(string path, string title, string yLabel, IReadOnlyList<(string Name, double[] Seconds, double[] Values)> series, IReadOnlyList<Phase> phases)
    {
        var plot = new Plot();
        foreach (var (name, seconds, values) in series.Where(s => s.Seconds.Length > 0))
        {
            var line = plot.Add.Scatter(seconds, values);
            if (series.Count > 1) line.LegendText = name;
            line.MarkerSize = seconds.Length < 30 ? 4 : 0;
        }

        MarkPhases(plot, phases);
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("seconds");
        plot.YLabel(yLabel);
        Save(plot, path);
    }

    /// <summary>Each phase's duration as a bar, in the order they ran.</summary>
    public static void Phases(string path, string title, IReadOnlyList<Phase> phases)
    {
        var plot = new Plot();
        double[] positions = [.. Enumerable.Range(1, phases.Count).Select(i => (double)i)];
        var bars = plot.Add.Bars(positions, [.. phases.Select(p => p.Duration.TotalSeconds)]);
        foreach (var (bar, phase) in bars.Bars.Zip(phases)) bar.Label = $"{phase.Duration.TotalSeconds:0.0} s";
        plot.Axes.Bottom.SetTicks(positions, [.. phases.Select(p => p.Name)]);
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel("seconds");
        Save(plot, path);
    }

    /// <summary>Points (x, y) of several named groups, e.g. each window's time against its number, per device.</summary>
    public static void Points(string path, string title, string xLabel, string yLabel, IReadOnlyList<(string Name, double[] X, double[] Y)> groups)
    {
        var plot = new Plot();
        foreach (var (name, x, y) in groups.Where(g => g.X.Length > 0))
        {
            var points = plot.Add.ScatterPoints(x, y);
            if (groups.Count > 1) points.LegendText = name;
            points.MarkerSize = x.Length < 200 ? 6 : 3;
        }

        if (groups.Count > 1) plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        Save(plot, path);
    }

    private static void MarkPhases(Plot plot, IReadOnlyList<Phase> phases)
    {
        foreach (var (phase, index) in phases.Select((p, i) => (p, i)))
        {
            var line = plot.Add.VerticalLine(phase.Start.TotalSeconds);
            line.Text = phase.Name;
            // Every other label at the top, so that short phases' names do not cover each other.
            line.LabelOppositeAxis = index % 2 == 1;
            line.LinePattern = LinePattern.Dashed;
            line.Color = Colors.Gray;
        }
    }

    private static void Save(Plot plot, string path) => plot.SavePng(path, Width, Height);
}
