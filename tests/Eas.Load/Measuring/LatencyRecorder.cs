namespace Eas.Load.Measuring;

/// <summary>
/// Collects request latencies by command from many concurrent devices. A load run makes at most a few
/// hundred thousand requests, so every sample is kept and percentiles are exact (nearest rank).
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _byCommand = new(StringComparer.Ordinal);

    public void Record(string command, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (!_byCommand.TryGetValue(command, out var samples)) _byCommand[command] = samples = [];
            samples.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Every sample of <paramref name="command"/> in ms, in the order recorded (a copy).</summary>
    public IReadOnlyList<double> Samples(string command)
    {
        lock (_gate) return _byCommand.TryGetValue(command, out var samples) ? [.. samples] : [];
    }

    /// <summary>One summary per command, then one over all requests, named "all".</summary>
    public IReadOnlyList<LatencySummary> Summarize()
    {
        lock (_gate)
        {
            var summaries = _byCommand.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => LatencySummary.Of(pair.Key, pair.Value))
                .ToList();
            if (_byCommand.Count > 0) summaries.Add(LatencySummary.Of("all", [.. _byCommand.Values.SelectMany(v => v)]));
            return summaries;
        }
    }
}

/// <summary>Latency figures of one command, in milliseconds.</summary>
internal sealed record LatencySummary(string Command, int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static LatencySummary Of(string command, IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new LatencySummary(command, sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99),
            sorted.Length == 0 ? 0 : sorted[^1], sorted.Length == 0 ? 0 : sorted.Average());
    }

    /// <summary>The nearest-rank percentile: the smallest sample with at least <paramref name="fraction"/> of samples at or below it.</summary>
    private static double Rank(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
