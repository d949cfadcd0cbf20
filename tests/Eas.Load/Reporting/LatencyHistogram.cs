namespace Eas.Load.Reporting;

/// <summary>
/// Latency samples (ms) in equal-width buckets from 0 to a round ceiling, for a histogram a reader takes in at a
/// glance. The ceiling is the maximum rounded up to 1, 2 or 5 times a power of ten, unless the maximum is more than
/// <see cref="OutlierFactor"/> times the p99: then it is the p99 rounded up the same way and the samples above it are
/// counted in <see cref="Overflow"/> (the CDF still shows them). Bucket <c>i</c> holds samples in
/// <c>[i * width, (i + 1) * width)</c>; a sample equal to the ceiling goes into the last bucket.
/// </summary>
internal sealed record LatencyHistogram(double Width, IReadOnlyList<int> Counts, int Overflow)
{
    public const int DefaultBuckets = 40;
    public const double OutlierFactor = 4;

    public double Ceiling => Width * Counts.Count;

    /// <summary>The left edge of each bucket, for a bar chart.</summary>
    public IEnumerable<double> Edges => Enumerable.Range(0, Counts.Count).Select(i => i * Width);

    public static LatencyHistogram Of(IReadOnlyCollection<double> samples, int buckets = DefaultBuckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        if (samples.Count == 0) return new LatencyHistogram(1, new int[buckets], 0);
        var sorted = samples.Order().ToArray();
        var p99 = sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Length) - 1, 0, sorted.Length - 1)];
        var top = sorted[^1] > OutlierFactor * p99 && p99 > 0 ? p99 : sorted[^1];
        var width = RoundUp(Math.Max(top, double.Epsilon)) / buckets;
        var counts = new int[buckets];
        var overflow = 0;
        foreach (var sample in sorted)
        {
            var index = (int)Math.Floor(Math.Max(0, sample) / width);
            if (index < buckets) counts[index]++;
            else if (sample <= width * buckets) counts[^1]++;
            else overflow++;
        }

        return new LatencyHistogram(width, counts, overflow);
    }

    /// <summary>The smallest 1, 2 or 5 times a power of ten that is at least <paramref name="value"/> (positive).</summary>
    public static double RoundUp(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in (ReadOnlySpan<double>)[1, 2, 5, 10])
        {
            if (step * power >= value * (1 - 1e-12)) return step * power;
        }

        return 10 * power;
    }

    /// <summary>
    /// The empirical CDF: each sorted sample with the share of samples at or below it, thinned to at most
    /// <paramref name="points"/> points spread evenly over the ranks (first and last kept).
    /// </summary>
    public static IReadOnlyList<(double Ms, double Share)> Cdf(IReadOnlyCollection<double> samples, int points = 2_000)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0) return [];
        var count = Math.Min(points, sorted.Length);
        return [.. Enumerable.Range(0, count)
            .Select(i => count == 1 ? sorted.Length - 1 : (int)Math.Round(i * (sorted.Length - 1) / (double)(count - 1)))
            .Select(rank => (sorted[rank], (rank + 1) / (double)sorted.Length))];
    }
}
